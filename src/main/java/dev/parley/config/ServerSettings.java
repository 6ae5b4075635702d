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
 * @param motd      message of the day; empty for none
 * @param maxClients           connections at once
 * @param maxClientsPerAddress connections at once from one IP address
 * @param floodBurst lines a client may send at once before it is slowed down
 * @param floodRate  lines per second a client may send after its burst; 0 turns flood control off
 */
public record ServerSettings(String bind, int port, Path dataDir, String name, String password,
                             boolean announce, String broadcast, String motd, int maxClients,
                             int maxClientsPerAddress, int floodBurst, double floodRate) {

    public static final int DEFAULT_PORT = 6667;
    public static final String DEFAULT_BROADCAST = "255.255.255.255";

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(motd, "motd");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static final String DEFAULT_MOTD = "Welcome to Parley, chat for your LAN.";

    public static ServerSettings defaults(AppDirs dirs) {
        return new ServerSettings("0.0.0.0", DEFAULT_PORT, dirs.dataDir().resolve("relay"), "parley",
                null, true, DEFAULT_BROADCAST, DEFAULT_MOTD, 20_000, 50, 20, 10.0);
    }

    public ServerSettings withListen(String newBind, int newPort) {
        return new ServerSettings(newBind, newPort, dataDir, name, password, announce, broadcast, motd, maxClients,
                maxClientsPerAddress, floodBurst, floodRate);
    }

    public ServerSettings withDataDir(Path newDataDir) {
        return new ServerSettings(bind, port, newDataDir, name, password, announce, broadcast, motd, maxClients,
                maxClientsPerAddress, floodBurst, floodRate);
    }

    public ServerSettings withIdentity(String newName, String newPassword) {
        return new ServerSettings(bind, port, dataDir, newName, newPassword, announce, broadcast, motd, maxClients,
                maxClientsPerAddress, floodBurst, floodRate);
    }

    public ServerSettings withAnnounce(boolean newAnnounce, String newBroadcast) {
        return new ServerSettings(bind, port, dataDir, name, password, newAnnounce, newBroadcast, motd, maxClients,
                maxClientsPerAddress, floodBurst, floodRate);
    }

    public ServerSettings withFlood(int newBurst, double newRate) {
        return new ServerSettings(bind, port, dataDir, name, password, announce, broadcast, motd, maxClients,
                maxClientsPerAddress, newBurst, newRate);
    }

    public ServerSettings withMaxClients(int newMax, int newMaxPerAddress) {
        return new ServerSettings(bind, port, dataDir, name, password, announce, broadcast, motd, newMax,
                newMaxPerAddress, floodBurst, floodRate);
    }
}
