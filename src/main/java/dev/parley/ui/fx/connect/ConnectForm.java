package dev.parley.ui.fx.connect;

import dev.parley.client.Endpoint;
import dev.parley.ui.fx.connect.ConnectProblem.Field;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The dialog's fields as typed, at one moment. Plain values, so every rule can be tested without
 * JavaFX; only the fields of the chosen mode are checked, in the order the dialog shows them.
 */
record ConnectForm(String nick, ConnectMode mode, String address, String password, String hostName,
                   String hostPort, String dataDir) {

    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    ConnectForm {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(hostPort, "hostPort");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Either the request the fields make, or the first thing wrong with them. */
    sealed interface Outcome {
        record Ready(ConnectRequest request) implements Outcome {
        }

        record Invalid(ConnectProblem problem) implements Outcome {
        }
    }

    Outcome check() {
        // Spaces around a nick or a name are slips of the hand, not part of it.
        String name = nick.strip();
        var nickProblem = NickRule.check(name);
        if (nickProblem.isPresent()) {
            return new Outcome.Invalid(nickProblem.get());
        }
        return switch (mode) {
            case RELAY -> relay(name);
            case HOST -> host(name);
            case MESH -> new Outcome.Ready(new ConnectRequest.Mesh(name));
        };
    }

    private Outcome relay(String name) {
        try {
            // Taken as typed: a password may begin or end with a space. Empty means none.
            Endpoint.Relay relay = Endpoint.parseRelay(address).withPassword(password.isEmpty() ? null : password);
            return new Outcome.Ready(new ConnectRequest.Relay(name, relay));
        } catch (IllegalArgumentException e) {
            return invalid(Field.ADDRESS, "connect.error.address", e.getMessage());
        }
    }

    private Outcome host(String name) {
        // The relay announces itself on the LAN under this name, and announcements need one.
        String relayName = hostName.strip();
        if (relayName.isEmpty()) {
            return invalid(Field.HOST_NAME, "connect.error.host.name");
        }
        String port = hostPort.strip();
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
            return invalid(Field.HOST_PORT, "connect.error.host.port");
        }
        String folder = dataDir.strip();
        if (folder.isEmpty()) {
            return invalid(Field.DATA_DIR, "connect.error.host.dataDir.empty");
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            return invalid(Field.DATA_DIR, "connect.error.host.dataDir.invalid", e.getMessage());
        }
        // A relative path would land wherever the app was started from, which a desktop user
        // cannot see; "~/chat" is relative too, as nothing expands the tilde.
        if (!path.isAbsolute()) {
            return invalid(Field.DATA_DIR, "connect.error.host.dataDir.relative");
        }
        return new Outcome.Ready(new ConnectRequest.Host(name, relayName, Integer.parseInt(port), path));
    }

    private static Outcome invalid(Field field, String key, String... args) {
        return new Outcome.Invalid(ConnectProblem.of(field, key, args));
    }
}
