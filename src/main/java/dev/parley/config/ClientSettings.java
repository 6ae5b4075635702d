package dev.parley.config;

import java.util.Objects;
import java.util.Set;

/**
 * Where the client connects by default: the {@code [client]} table of {@code parley.toml}.
 *
 * @param server the relay, as {@code host} or {@code host:port}
 * @param mode   how the desktop app connected last: {@code relay}, {@code host} (a relay started
 *               in the app) or {@code mesh}; reused on the next start
 * @param password the relay's server password (sent with PASS), or null for none
 */
public record ClientSettings(String server, String mode, String password) {

    public static final Set<String> MODES = Set.of("relay", "host", "mesh");

    public ClientSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mode, "mode");
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be relay, host or mesh");
        }
    }

    /** Without a server password. */
    public ClientSettings(String server, String mode) {
        this(server, mode, null);
    }

    public static ClientSettings defaults() {
        return new ClientSettings("localhost:" + ServerSettings.DEFAULT_PORT, "relay");
    }

    public ClientSettings withServer(String newServer) {
        return new ClientSettings(newServer, mode, password);
    }

    public ClientSettings withMode(String newMode) {
        return new ClientSettings(server, newMode, password);
    }
}
