package dev.parley.ui.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.FakeTransport;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.relay.FloodPolicy;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportState;
import dev.parley.transport.irc.IrcTransport;
import dev.parley.transport.irc.IrcTransportConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console fed by a pipe, against an in-process relay on 127.0.0.1: a script is paced by what
 * its lines do (joins landing, a joined channel's recent lines), never by its wait limit.
 */
class ScriptConsoleTest {

    /** Far longer than any test may take: a script that waits it out fails by the test's timeout. */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private SqliteMessageStore store;
    private RelayServer relay;
    private ChatService bob;

    @BeforeEach
    void relayWithAStoredLine() throws IOException {
        store = SqliteMessageStore.open(data);
        relay = RelayServer.start(new RelayConfig(new InetSocketAddress("127.0.0.1", 0), "parley", "Parley", null,
                List.of(), RelayConfig.loopback().limits(), FloodPolicy.off()), store); // long scripts at full speed
        bob = service("bob");
        List<ChatEvent> seen = new CopyOnWriteArrayList<>();
        bob.addListener(seen::add, Runnable::run);
        bob.input("/join #r");
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains(new ChatEvent.RoomSelected("#r")));
        bob.input("stored before ada came");
        await().atMost(Duration.ofSeconds(20)).until(() -> stored("stored before ada came"));
    }

    private boolean stored(String text) {
        return store.latest("#r", 10).stream().anyMatch(m -> m.text().equals(text));
    }

    @AfterEach
    void stop() {
        bob.close();
        relay.close();
        store.close();
    }

    private ChatService service(String nick) {
        ChatService service = new ChatService((endpoint, n) -> {
            Endpoint.Relay r = (Endpoint.Relay) endpoint;
            return new IrcTransport(IrcTransportConfig.of(r.host(), r.port(), n));
        }, nick);
        service.connect(new Endpoint.Relay("127.0.0.1", relay.address().getPort()));
        return service;
    }

    /** Runs {@code script} as ada, which must exit 0; returns what the console printed. */
    private String run(String script) throws IOException {
        return run(script, 0);
    }

    /** Runs {@code script} as ada, which must exit with {@code expectedExit}; returns what the console printed. */
    private String run(String script, int expectedExit) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ChatService ada = new ChatService((endpoint, n) -> {
            Endpoint.Relay r = (Endpoint.Relay) endpoint;
            return new IrcTransport(IrcTransportConfig.of(r.host(), r.port(), n));
        }, "ada");
        try {
            int exit = new ScriptConsole(ada, new BufferedReader(new StringReader(script)),
                    new PrintStream(printed, true, StandardCharsets.UTF_8), new ConsoleOptions(false, null, WAIT_LIMIT, Duration.ZERO))
                    .run(() -> ada.connect(new Endpoint.Relay("127.0.0.1", relay.address().getPort())));
            assertEquals(expectedExit, exit, printed.toString(StandardCharsets.UTF_8));
        } finally {
            ada.close();
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void historyRightAfterAJoinShowsTheChannelsStoredLines() throws IOException {
        String printed = run("/join #r\n/history 5\n");
        int last = printed.indexOf("-- Last ");
        assertTrue(last >= 0, printed);
        assertTrue(printed.startsWith("-- Last 1 lines of #r:\n[bob] stored before ada came", last), printed);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aConversationRenamedDuringAJoinDoesNotEndTheWait() throws Exception {
        List<FakeTransport> made = new CopyOnWriteArrayList<>();
        ChatService ada = new ChatService(FakeTransport.into(made), "ada");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ScriptConsole console = new ScriptConsole(ada, new BufferedReader(new StringReader("/query bob\n/join #x\nafter the join\n")),
                new PrintStream(printed, true, StandardCharsets.UTF_8), new ConsoleOptions(false, null, WAIT_LIMIT, Duration.ZERO));
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return console.run(() -> ada.connect(new Endpoint.Relay("fake", 6667)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> !made.isEmpty() && made.getFirst().listener != null);
            FakeTransport net = made.getFirst();
            net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
            net.listener.registered("ada");
            await().atMost(Duration.ofSeconds(10)).until(() -> net.calls.contains("join #x"));

            net.listener.nickChanged("bob", "bobby"); // while the script waits for its join
            await().atMost(Duration.ofSeconds(10)).until(() -> printed.toString(StandardCharsets.UTF_8)
                    .contains("-- Now talking in bobby"));
            net.listener.joined("#x", "ada");
            await().atMost(Duration.ofSeconds(10)).until(() -> !net.historyRequests.isEmpty());
            net.listener.history("#x", List.of(), false);

            await().atMost(Duration.ofSeconds(10)).until(() -> !net.sent.isEmpty());
            assertEquals("#x", net.sent.getFirst().target(), "the line after the join went out before the join landed");
            OutgoingMessage line = net.sent.getFirst();
            net.listener.sent(line.localId(), new ChatMessage("m1", Instant.now(), "#x", "ada", "ada!u@h", line.text(),
                    MessageKind.MESSAGE));
            await().atMost(Duration.ofSeconds(10)).until(() -> net.calls.stream().anyMatch(c -> c.startsWith("quit")));
            net.listener.stateChanged(TransportState.of(TransportState.Phase.OFFLINE, "fake:6667"));
            assertEquals(0, exit.get(10, TimeUnit.SECONDS), printed.toString(StandardCharsets.UTF_8));
        } finally {
            ada.close();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void namingTheCurrentChannelAgainDoesNotWaitForAnAnswerThatNeverComes() throws IOException {
        String printed = run("/join #r\n/join #r\n/switch #r\nsaid after three\n");
        assertEquals(3, printed.lines().filter(l -> l.equals("-- Now talking in #r")).count(), printed);
        assertTrue(stored("said after three"), "the script ended before its line was stored");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anEarlierLinesErrorDoesNotEndAJoinsWaitAndTheScriptExitsOne() throws IOException {
        String printed = run("/frob\n/join #r2\nsaid in r2\n", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.latest("#r2", 10).stream()
                .anyMatch(m -> m.text().equals("said in r2")));
        assertTrue(printed.contains("1 error while the script ran"), printed);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aMessageTheServerRefusesMakesTheExitCodeOne() throws IOException {
        String printed = run("/msg nosuchnick hi\n", 1);
        assertTrue(printed.contains("nosuchnick"), printed);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aScriptLongerThanTheOutboxSendsEveryLine() throws IOException {
        StringBuilder script = new StringBuilder("/join #r\n");
        int count = 700; // more than the client's outbox holds (500)
        for (int i = 1; i <= count; i++) {
            script.append("line ").append(i).append('\n');
        }
        run(script.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> stored("line " + count));
        assertEquals(count, store.latest("#r", count + 10).stream().filter(m -> m.text().startsWith("line ")).count());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aQuitRightAfterAMessageWaitsForItAndExitsZero() throws IOException {
        String printed = run("/join #r\nlast words\n/quit\n");
        assertFalse(printed.contains("Not sent"), printed);
        assertTrue(stored("last words"));
    }
}
