package dev.parley.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a relay ({@code parley server} and "host a relay here"): the {@code [server]} table
 * of {@code parley.toml}.
 *
 * @param bind      address to listen on
 * @param port      TCP port; 0 picks a free one
 * @param dataDir   folder for the message store
 * @param name      server name shown in replies
 * @param password  server password checked against PASS, or null for none
 * @param announce  whether to announce the relay on the LAN by UDP beacon
 * @param broadcast where the beacon is sent
 */
public record ServerSettings(String bind, int port, Path dataDir, String name, String password,
                             boolean announce, String broadcast) {

    public static final int DEFAULT_PORT = 6667;
    public static final String DEFAULT_BROADCAST = "255.255.255.255";

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(broadcast, "broadcast");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static ServerSettings defaults(AppDirs dirs) {
        return new ServerSettings("0.0.0.0", DEFAULT_PORT, dirs.dataDir().resolve("relay"), "parley",
                null, true, DEFAULT_BROADCAST);
    }
}
