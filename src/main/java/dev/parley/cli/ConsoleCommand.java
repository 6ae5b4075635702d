package dev.parley.cli;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.i18n.ClientTexts;
import dev.parley.config.ClientSettings;
import dev.parley.config.ConfigException;
import dev.parley.config.MeshSettings;
import dev.parley.config.Settings;
import dev.parley.protocol.Names;
import dev.parley.relay.RelayLimits;
import dev.parley.transport.mesh.PeerAddress;
import dev.parley.ui.console.ConsoleOptions;
import dev.parley.ui.console.InteractiveConsole;
import dev.parley.ui.console.ScriptConsole;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code parley console}: the client in a terminal, or in a script when stdin is not one. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Chat in the terminal, through a relay or any IRC server, or serverless (--mesh).",
                // One entry per paragraph: picocli wraps each to the terminal's width itself.
                "Without a terminal (stdin from a pipe or a file) each input line is typed in turn and "
                        + "received lines are printed plainly; at the end of input it waits until its messages "
                        + "are sent, then exits 0. Example:",
                "  printf '/join #lab\\nhello\\n' | parley console --nick bot 10.0.0.5"},
        footer = {"", "Also: parley console NAME HOST PORT (the seed programs' form), and parley --console.",
                "Type /help inside for the commands. The default server is [client] server in parley.toml."})
final class ConsoleCommand implements Callable<Integer> {

    private static final Duration SCRIPT_WAIT = Duration.ofSeconds(20);
    /** Peers find a new one within about two seconds, then fetch what it said: give them time. */
    private static final Duration MESH_LINGER = Duration.ofSeconds(5);
    /** How long a stop signal waits for the goodbye to go out. */
    private static final Duration QUIT_WAIT = Duration.ofSeconds(3);

    @ParentCommand
    private ParleyCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--nick", paramLabel = "NAME", description = "Your nick (default: nick in parley.toml, else your login name).")
    private String nick;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "The relay's server password (default: password in [client] of parley.toml, "
                    + "which keeps it out of the process list).")
    private String password;

    @Parameters(arity = "0..3", paramLabel = "ADDRESS",
            description = "HOST, HOST:PORT or chat://HOST:PORT (default port 6667); or NAME HOST PORT. "
                    + "With --mesh: peers to reach directly, as HOST:PORT.")
    private List<String> address = new ArrayList<>();

    @Option(names = "--join", split = ",", paramLabel = "CHANNEL",
            description = "Channels to join once connected, as if typed with /join (#lab,#tea or lab,tea); "
                    + "the first is where typed lines go.")
    private List<String> joins = new ArrayList<>();

    @Option(names = "--mesh", description = "No server: talk to the peers on the LAN directly.")
    private boolean mesh;

    @Option(names = "--broadcast", paramLabel = "ADDRESS",
            description = "With --mesh: where LAN beacons go (default 255.255.255.255; 127.255.255.255 stays on this computer).")
    private String broadcast;

    @Option(names = "--beacon-port", paramLabel = "PORT", description = "With --mesh: UDP port of the beacons (default 5670).")
    private Integer beaconPort;

    @Option(names = "--interface", paramLabel = "NAME", description = "With --mesh: network interface to send beacons from.")
    private String iface;

    @Override
    public Integer call() throws ConfigException, IOException {
        Settings settings = parent.settings();
        String chosenNick = nick != null ? nick : settings.nick();
        String nickFrom = nick != null ? "--nick" : "nick in " + parent.configFile();
        Endpoint endpoint;
        MeshSettings meshSettings = meshSettings(settings.mesh());
        try {
            if (mesh) {
                endpoint = new Endpoint.Mesh();
                List<String> peers = new ArrayList<>(meshSettings.peers());
                peers.addAll(address); // with --mesh the addresses are peers to reach directly
                meshSettings = new MeshSettings(meshSettings.broadcast(), meshSettings.beaconPort(), meshSettings.iface(), peers);
                peers.forEach(PeerAddress::parse); // a bad address is bad usage, said now rather than by the mesh later
            } else {
                endpoint = relayEndpoint(settings);
                if (address.size() == 3 && nick == null) {
                    chosenNick = address.get(0);
                    nickFrom = "the first argument";
                }
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("parley: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!Names.isValidNick(chosenNick, RelayLimits.NICK_LENGTH)) {
            // Said now: the relay would only answer 432 and the mesh refuse to start, after the
            // console had opened (and the mesh had made a history folder for the nick).
            spec.commandLine().getErr().println("parley: '" + chosenNick + "' (" + nickFrom + ") is not a nick: up to " + RelayLimits.NICK_LENGTH
                    + " letters a-z, digits and - _ [ ] \\ ` ^ { } |, not starting with a digit or -");
            return Main.EXIT_USAGE;
        }
        List<String> channels = joins.stream().map(Names::asChannel).toList();
        for (int i = 0; i < channels.size(); i++) {
            if (!ClientSettings.isChannelName(channels.get(i))) {
                spec.commandLine().getErr().println("parley: --join: '" + joins.get(i) + "' is not a channel name (#lab, or lab)");
                return Main.EXIT_USAGE;
            }
        }
        boolean interactive = System.console() != null && System.console().isTerminal();
        Transports transports = new Transports(parent.dirs().dataDir(), meshSettings,
                password != null ? password : settings.client().password());
        // The console writes the service's lines as they come, in the language chosen in parley.toml.
        ChatService service = new ChatService(transports.factory(), chosenNick, ClientTexts.forLocale(settings.ui().locale()));
        Endpoint target = endpoint;
        // A terminal joins them with the connection (the first becomes current); a script reads them
        // as its first lines, so it waits for each join before the lines that follow, as for a typed /join.
        Runnable connect = interactive ? () -> service.connect(target, channels) : () -> service.connect(target);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        service.addListener(event -> {
            if (event instanceof ChatEvent.Closed) {
                closed.complete(null);
            }
        }, Runnable::run);
        // On a terminal Ctrl-C is the line editor's (it leaves properly already); TERM and HUP are ours.
        Runnable leave = () -> leaveOnSignal(service, transports, closed, interactive);
        if (interactive) {
            Main.onStopSignals(leave, "TERM", "HUP");
        } else {
            Main.onStopSignals(leave);
        }
        try {
            if (interactive) {
                return runInteractive(service, connect);
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            String joinLines = channels.stream().map(c -> "/join " + c + "\n").reduce("", String::concat);
            BufferedReader in = new BufferedReader(new InputStreamReader(new SequenceInputStream(
                    new ByteArrayInputStream(joinLines.getBytes(StandardCharsets.UTF_8)), System.in), StandardCharsets.UTF_8));
            return new ScriptConsole(service, in, out,
                    new ConsoleOptions(false, null, SCRIPT_WAIT, mesh ? MESH_LINGER : Duration.ZERO)).run(connect);
        } finally {
            service.close();
            transports.close();
        }
    }

    /**
     * On SIGTERM, SIGHUP or (in a script) Ctrl-C: leaves as /quit does, so the relay or the mesh
     * tells the others at once rather than after a timeout. An interactive console then returns
     * from its loop by itself; a script may be blocked reading its input, so this ends the process.
     */
    private static void leaveOnSignal(ChatService service, Transports transports, CompletableFuture<Void> closed,
                                      boolean interactive) {
        service.input("/quit");
        try {
            closed.get(QUIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (interactive) {
                return;
            }
        } catch (ExecutionException | TimeoutException e) {
            // leave anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.close();
        transports.close();
        System.exit(Main.EXIT_OK);
    }

    /** HOST[:PORT] or chat://HOST:PORT, or the seeds' NAME HOST PORT, or the configured server. */
    private Endpoint.Relay relayEndpoint(Settings settings) {
        return switch (address.size()) {
            case 0 -> Endpoint.parseRelay(settings.client().server());
            case 1 -> Endpoint.parseRelay(address.getFirst());
            case 3 -> Endpoint.parseRelay(address.get(1) + ":" + address.get(2));
            default -> throw new IllegalArgumentException("give HOST[:PORT], or NAME HOST PORT");
        };
    }

    private MeshSettings meshSettings(MeshSettings fromFile) {
        MeshSettings m = fromFile;
        if (broadcast != null) {
            m = m.withBroadcast(broadcast);
        }
        if (OptionRange.check(spec, "--beacon-port", beaconPort, 1, 65535) != null) {
            m = m.withBeaconPort(beaconPort);
        }
        if (iface != null) {
            m = m.withInterface(iface);
        }
        return m;
    }

    private int runInteractive(ChatService service, Runnable connect) throws IOException {
        Path history = parent.dirs().dataDir().resolve("console_history");
        Files.createDirectories(history.getParent());
        String noColor = System.getenv("NO_COLOR");
        boolean colour = noColor == null || noColor.isEmpty();
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return new InteractiveConsole(service, terminal, new ConsoleOptions(colour, history, SCRIPT_WAIT, Duration.ZERO)).run(connect);
        }
    }
}
