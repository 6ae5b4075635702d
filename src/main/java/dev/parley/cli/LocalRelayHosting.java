package dev.parley.cli;

import dev.parley.client.Endpoint;
import dev.parley.client.RelayHosting;
import dev.parley.config.ServerSettings;
import dev.parley.discovery.BeaconSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Host a relay here": the same relay as {@code parley server}, started inside the desktop app.
 * It listens on every interface so others on the LAN can join, takes its password, limits,
 * MOTD and announcement settings from the {@code [server]} table, and this computer's own
 * client reaches it on the loopback address.
 */
final class LocalRelayHosting implements RelayHosting {

    private static final Logger log = LoggerFactory.getLogger(LocalRelayHosting.class);
    private static final String EVERY_INTERFACE = "0.0.0.0";

    private final ServerSettings server;
    private final BeaconSettings beacons;

    /**
     * @param server  the {@code [server]} settings; bind, port, data folder and name are replaced
     *                by what {@link #start} is given
     * @param beacons the beacon port and interval; the broadcast address comes from {@code server}
     */
    LocalRelayHosting(ServerSettings server, BeaconSettings beacons) {
        this.server = Objects.requireNonNull(server, "server");
        this.beacons = Objects.requireNonNull(beacons, "beacons");
    }

    @Override
    public HostedRelay start(String name, int port, Path dataDir) throws IOException {
        if (name.isBlank() || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IOException("a relay needs a name, without control characters");
        }
        if (port < 0 || port > 65535) {
            throw new IOException("the port must be from 0 to 65535, got " + port);
        }
        ServerSettings settings = server.withListen(EVERY_INTERFACE, port)
                .withDataDir(dataDir.toAbsolutePath())
                .withIdentity(name, server.password()); // in IRC replies as one word: RelayConfig.serverNameFor
        RunningRelay relay = RunningRelay.start(settings, name, beacons);
        Hosted hosted = new Hosted(relay, name);
        log.info("hosting {} (data: {})", hosted.description(), settings.dataDir());
        return hosted;
    }

    private static final class Hosted implements HostedRelay {

        private final RunningRelay relay;
        private final String name;
        private final AtomicBoolean closed = new AtomicBoolean();

        Hosted(RunningRelay relay, String name) {
            this.relay = relay;
            this.name = name;
        }

        @Override
        public Endpoint.Relay endpoint() {
            // It listens on every interface; loopback always reaches it and never leaves the machine.
            return new Endpoint.Relay("127.0.0.1", relay.address().getPort());
        }

        @Override
        public String description() {
            return "relay '" + name + "' on port " + relay.address().getPort();
        }

        /** Idempotent: the app may close it on "stop hosting" and again on exit. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                relay.close();
                log.info("stopped hosting relay '{}'", name);
            }
        }
    }
}
