package dev.parley.config;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the client connects by default: the {@code [client]} table of {@code parley.toml}.
 *
 * @param server the relay, as {@code host} or {@code host:port}
 * @param mode   how the desktop app connected last: {@code relay}, {@code host} (a relay started
 *               in the app) or {@code mesh}; reused on the next start
 * @param password the relay's server password (sent with PASS), or null for none
 * @param channels the channels the desktop app had open when it last closed, joined again when it
 *                 next connects to the same place (as HexChat's and Element's rooms come back)
 */
public record ClientSettings(String server, String mode, String password, List<String> channels) {

    public static final Set<String> MODES = Set.of("relay", "host", "mesh");
    private static final Pattern CHANNEL = Pattern.compile("[#&][^\\s,\\x00-\\x1f\\x7f]{1,199}");

    /** What {@code channels} may hold: # or &, then up to 199 characters, no spaces, commas or control characters. */
    public static boolean isChannelName(String name) {
        return CHANNEL.matcher(name).matches();
    }

    public ClientSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mode, "mode");
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be relay, host or mesh");
        }
        channels = List.copyOf(channels);
    }

    /** No channels to join again. */
    public ClientSettings(String server, String mode, String password) {
        this(server, mode, password, List.of());
    }

    /** Without a server password. */
    public ClientSettings(String server, String mode) {
        this(server, mode, null);
    }

    public static ClientSettings defaults() {
        return new ClientSettings("localhost:" + ServerSettings.DEFAULT_PORT, "relay");
    }

    public ClientSettings withServer(String newServer) {
        return new ClientSettings(newServer, mode, password, channels);
    }

    public ClientSettings withMode(String newMode) {
        return new ClientSettings(server, newMode, password, channels);
    }

    /** @param newPassword the relay's server password, or null for none */
    public ClientSettings withPassword(String newPassword) {
        return new ClientSettings(server, mode, newPassword, channels);
    }

    public ClientSettings withChannels(List<String> newChannels) {
        return new ClientSettings(server, mode, password, newChannels);
    }
}
