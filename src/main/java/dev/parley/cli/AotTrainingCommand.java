package dev.parley.cli;

import dev.parley.client.Endpoint;
import dev.parley.config.AppDirs;
import dev.parley.config.ServerSettings;
import dev.parley.config.Settings;
import dev.parley.discovery.BeaconSettings;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageIds;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import dev.parley.storage.MessageStore;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.ui.fx.AotTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley aot-training}: the session the installer build runs once to make the launcher's
 * ahead-of-time cache ({@code installer/Packager.java}). Not for users, so hidden from the help.
 *
 * <p>Everything lives in a temporary folder that is deleted at the end: a relay on 127.0.0.1 (a
 * free port, not announced, no flood limit) whose store holds {@value #HISTORY} messages in
 * {@value #CHANNEL}, and the desktop app's settings, which it never saves. The app runs headless
 * (JavaFX's own platform: no display needed, nothing shown) through {@link AotTraining}.
 */
@Command(name = "aot-training", hidden = true,
        description = "Run a scripted desktop session, headless, for the installer's AOT cache (used when packaging).")
final class AotTrainingCommand implements java.util.concurrent.Callable<Integer> {

    static final String CHANNEL = "#aot-training";
    static final int HISTORY = 3_000;
    static final int LIVE = 1_000;
    private static final List<String> WORDS = List.of("the", "build", "is", "green", "again", "who", "broke", "main",
            "lunch", "at", "noon", "?", "ok", "thanks", "merged", "review", "please", "tests", "on", "ci", "Friday",
            "coffee", "meeting", "moved", "to", "3pm", "hej", "smörgåsbord", "你好", "relay", "mesh", "ship", "it", ":)");

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Headless"); // before JavaFX starts: no window, no display needed
        }
        Path folder = Files.createTempDirectory("parley-aot-training");
        try {
            fill(folder.resolve("data"));
            Settings settings = Settings.defaults(new AppDirs(folder.resolve("config"), folder.resolve("data")));
            ServerSettings server = settings.server().withListen("127.0.0.1", 0).withDataDir(folder.resolve("data"))
                    .withAnnounce(false, "127.255.255.255").withFlood(settings.server().floodBurst(), 0);
            try (RunningRelay relay = RunningRelay.start(server, server.name(), BeaconSettings.defaults());
                 Transports transports = new Transports(folder.resolve("mesh"), settings.mesh())) {
                AotTraining.Result result = AotTraining.run(settings, transports.factory(),
                        new Endpoint.Relay("127.0.0.1", relay.address().getPort()), CHANNEL, LIVE);
                spec.commandLine().getOut().printf("AOT training: opened %s with %d lines, paged back %d times, "
                                + "took %d live lines, in %.1f s%n", CHANNEL, result.linesOnOpen(), result.pagesLoaded(),
                        result.liveLines(), result.took().toMillis() / 1000.0);
                return Main.EXIT_OK;
            }
        } catch (Exception e) {
            spec.commandLine().getErr().println("parley aot-training: " + e.getMessage());
            return Main.EXIT_FAILURE;
        } finally {
            deleteTree(folder);
        }
    }

    /** {@value #HISTORY} chat-like messages in {@value #CHANNEL}, one a second, ending an hour ago. */
    private static void fill(Path dataDir) throws Exception {
        MessageIds ids = new MessageIds();
        Conversation conversation = Conversation.channel(CHANNEL);
        Instant base = Instant.now().minusSeconds(HISTORY + 3600L).truncatedTo(ChronoUnit.MILLIS);
        try (MessageStore store = SqliteMessageStore.open(dataDir)) {
            CompletableFuture<?> last = null;
            for (int i = 0; i < HISTORY; i++) {
                Instant time = base.plusSeconds(i);
                String nick = "user" + (i % 12);
                StringBuilder text = new StringBuilder(i % 25 == 0 ? "see https://example.org/notes/" + i : "");
                for (int w = 0; w < 3 + (i * 7) % 30; w++) {
                    text.append(text.isEmpty() ? "" : " ").append(WORDS.get((i + w * 5) % WORDS.size()));
                }
                last = store.append(conversation, new ChatMessage(ids.next(time), time, CHANNEL, nick,
                        nick + "!u@127.0.0.1", text.toString(), MessageKind.MESSAGE));
            }
            last.get(30, TimeUnit.SECONDS); // appends complete in order
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
