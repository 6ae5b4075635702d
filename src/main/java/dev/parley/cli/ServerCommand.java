package dev.parley.cli;

import dev.parley.config.ConfigException;
import dev.parley.config.ServerSettings;
import dev.parley.discovery.BeaconSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code parley server}: the relay in the foreground. Ctrl-C or SIGTERM tells clients, closes
 * the store and exits 0.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run a Parley relay: an IRC-compatible chat server that stores every message.",
                "Any IRC client (irssi, WeeChat, HexChat) can connect to it, as can 'parley console'."},
        footer = {"", "Flags override the [server] table of parley.toml. Stop with Ctrl-C or SIGTERM."})
final class ServerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServerCommand.class);

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 0.0.0.0: every interface).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 6667; 0 picks a free one and logs it).")
    private Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder for the message store.")
    private Path data;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name shown on the LAN, and in replies as one word (\"Room 101\" becomes Room-101).")
    private String name;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Server password clients must send with PASS.")
    private String password;

    @Option(names = "--no-announce", description = "Do not announce this relay on the LAN.")
    private boolean noAnnounce;

    @Option(names = "--broadcast", paramLabel = "ADDRESS",
            description = "Where the LAN announcement goes (default 255.255.255.255; 127.255.255.255 stays on this machine).")
    private String broadcast;

    @Option(names = "--beacon-port", paramLabel = "PORT", description = "UDP port of LAN announcements (default 5670).")
    private Integer beaconPort;

    @Option(names = "--no-flood-limit", description = "Turn off per-client flood control (for benchmarks and tests).")
    private boolean noFloodLimit;

    @Option(names = "--max-clients", paramLabel = "N", description = "Connections at once.")
    private Integer maxClients;

    @Option(names = "--max-clients-per-ip", paramLabel = "N", description = "Connections at once from one address.")
    private Integer maxClientsPerAddress;

    @Override
    public Integer call() throws ConfigException {
        ServerSettings settings = effectiveSettings();
        // The beacon port is [mesh]'s, where the desktop app lists the relays it hears.
        int udpPort = beaconPort != null ? beaconPort : parent.settings().mesh().beaconPort();
        BeaconSettings beacons = BeaconSettings.defaults().withPort(udpPort);
        RunningRelay relay;
        try {
            relay = RunningRelay.start(settings, settings.name(), beacons);
        } catch (IOException e) {
            spec.commandLine().getErr().println("parley: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Main.onStopSignals(stop::countDown);
        InetSocketAddress address = relay.address();
        log.info("Parley relay '{}' ready on {}:{} (data: {})", settings.name(), address.getHostString(), address.getPort(),
                settings.dataDir());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("stopping");
        relay.close();
        log.info("stopped; the message store is closed");
        return Main.EXIT_OK;
    }

    ServerSettings effectiveSettings() throws ConfigException {
        OptionRange.check(spec, "--port", port, 0, 65535);
        OptionRange.check(spec, "--beacon-port", beaconPort, 1, 65535);
        OptionRange.check(spec, "--max-clients", maxClients, 1, 1_000_000);
        OptionRange.check(spec, "--max-clients-per-ip", maxClientsPerAddress, 1, 1_000_000);
        if (name != null && name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--name must not be empty");
        }
        ServerSettings s = parent.settings().server();
        s = s.withListen(bind != null ? bind : s.bind(), port != null ? port : s.port());
        if (data != null) {
            s = s.withDataDir(data.toAbsolutePath());
        }
        s = s.withIdentity(name != null ? name : s.name(), password != null ? password : s.password());
        s = s.withAnnounce(s.announce() && !noAnnounce, broadcast != null ? broadcast : s.broadcast());
        if (noFloodLimit) {
            s = s.withFlood(s.floodBurst(), 0);
        }
        s = s.withMaxClients(maxClients != null ? maxClients : s.maxClients(),
                maxClientsPerAddress != null ? maxClientsPerAddress : s.maxClientsPerAddress());
        return s;
    }
}
