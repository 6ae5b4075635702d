package dev.parley.cli;

import dev.parley.config.ServerSettings;
import dev.parley.discovery.Announcement;
import dev.parley.discovery.BeaconSettings;
import dev.parley.discovery.LanAnnouncer;
import dev.parley.relay.FloodPolicy;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayLimits;
import dev.parley.relay.RelayServer;
import dev.parley.storage.MessageStore;
import dev.parley.storage.StoreException;
import dev.parley.storage.sqlite.SqliteMessageStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relay running in this process: its message store, the server, and its LAN announcement.
 * {@code parley server} runs one in the foreground and the desktop app's "Host a relay here"
 * runs one beside the window; both start it here so they fail and stop the same way.
 */
final class RunningRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningRelay.class);

    private final ServerSettings settings;
    private final MessageStore store;
    private final RelayServer server;
    private final LanAnnouncer announcer;

    private RunningRelay(ServerSettings settings, MessageStore store, RelayServer server, LanAnnouncer announcer) {
        this.settings = settings;
        this.store = store;
        this.server = server;
        this.announcer = announcer;
    }

    /**
     * Opens the store, starts listening and, if {@code settings.announce()}, announces the relay
     * under {@code lanName} to {@code settings.broadcast()} on the port of {@code beacons}. What
     * was started is stopped again when a later step fails.
     *
     * @throws IOException with a one-line message for the user: no such address, port in use,
     *                     store unusable, beacon impossible
     */
    static RunningRelay start(ServerSettings settings, String lanName, BeaconSettings beacons) throws IOException {
        RelayConfig config = relayConfig(settings);
        if (config.listen().isUnresolved()) {
            throw new IOException("cannot listen on " + settings.bind() + ": no such address");
        }
        MessageStore store;
        try {
            store = SqliteMessageStore.open(settings.dataDir());
        } catch (StoreException e) {
            throw new IOException("cannot open the message store: " + e.getMessage(), e);
        }
        RelayServer server;
        try {
            server = RelayServer.start(config, store);
        } catch (IOException e) {
            store.close();
            throw new IOException("cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        LanAnnouncer announcer = null;
        if (settings.announce()) {
            try {
                announcer = announce(settings, lanName, beacons, server.address().getPort());
            } catch (IOException e) {
                server.close();
                store.close();
                throw e;
            }
        }
        return new RunningRelay(settings, store, server, announcer);
    }

    /** Where it listens, with the actual port when 0 was asked for. */
    InetSocketAddress address() {
        return server.address();
    }

    ServerSettings settings() {
        return settings;
    }

    /** Stops announcing (peers drop it when its beacons stop), closes the server, then the store. */
    @Override
    public void close() {
        if (announcer != null) {
            announcer.close();
        }
        server.close();
        store.close();
    }

    private static LanAnnouncer announce(ServerSettings settings, String lanName, BeaconSettings beacons, int tcpPort)
            throws IOException {
        String where = "UDP port " + beacons.port() + " to " + settings.broadcast();
        LanAnnouncer announcer = null;
        try {
            BeaconSettings target = beacons.withBroadcastAddress(settings.broadcast());
            announcer = new LanAnnouncer(target, Announcement.relay(Announcement.newNodeId(), lanName, tcpPort));
            announcer.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A broadcast address that is no IPv4 literal, a name with control characters, a beacon
            // port that cannot be bound: the config is wrong for this machine, so say so and stop.
            if (announcer != null) {
                announcer.close();
            }
            throw new IOException("cannot announce the relay on the LAN (" + where + "): " + e.getMessage(), e);
        }
        log.info("announcing '{}' on the LAN ({})", lanName, where);
        return announcer;
    }

    static RelayConfig relayConfig(ServerSettings s) {
        FloodPolicy flood = s.floodRate() <= 0 ? FloodPolicy.off() : new FloodPolicy(true, s.floodBurst(), s.floodRate());
        RelayLimits limits = RelayLimits.defaults().withMaxClients(s.maxClients()).withMaxClientsPerAddress(s.maxClientsPerAddress());
        List<String> motd = s.motd().isEmpty() ? List.of() : s.motd().lines().toList();
        return new RelayConfig(new InetSocketAddress(s.bind(), s.port()), RelayConfig.serverNameFor(s.name()), "Parley", s.password(), motd, limits, flood);
    }
}
