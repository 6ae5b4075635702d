package dev.parley.transport.irc;

import static dev.parley.transport.TransportState.Phase.CONNECTED;
import static dev.parley.transport.TransportState.Phase.OFFLINE;
import static dev.parley.transport.TransportState.Phase.RECONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChatMessage;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.TransportState;
import dev.parley.transport.irc.Peers.Peer;
import dev.parley.transport.irc.RecordingListener.Error;
import dev.parley.transport.irc.RecordingListener.History;
import dev.parley.transport.irc.RecordingListener.Info;
import dev.parley.transport.irc.RecordingListener.Joined;
import dev.parley.transport.irc.RecordingListener.Registered;
import dev.parley.transport.irc.RecordingListener.SendFailed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IrcTransport against scripted servers: no CAP, refused nicks, a server that goes silent, a dropped link. */
class IrcTransportFakeServerTest {

    private final Peers peers = new Peers();
    private FakeIrcServer server;

    @AfterEach
    void stop() throws IOException {
        peers.close();
        if (server != null) {
            server.close();
        }
    }

    /** Registers on USER without a word about CAP, then answers nothing at all (not even PING). */
    private static void registerThenSilence(FakeIrcServer.Conn conn, String line) throws IOException {
        if (line.startsWith("USER ")) {
            conn.welcome();
        }
    }

    @Test
    void detectsADeadLinkWithItsOwnPing() throws IOException {
        server = new FakeIrcServer(IrcTransportFakeServerTest::registerThenSilence);
        Peer ada = peers.start(Peers.config(server.port(), "ada").withReconnect(Peers.MANUAL)
                .withPing(Duration.ofMillis(200), Duration.ofMillis(300)));

        assertEquals("ada", ada.events().await(Registered.class, r -> true).nick());
        FakeIrcServer.Conn conn = server.awaitConnection(0);
        conn.send("PING :are-you-there");
        conn.awaitLine("^PONG :?are-you-there$");
        TransportState dead = ada.events().awaitPhase(RECONNECTING).state();

        assertTrue(dead.detail().startsWith("ping timeout"), dead.detail());
        conn.awaitLine("^PING :?parley-\\d+$");
        assertTrue(ada.events().phases().indexOf(CONNECTED) < ada.events().phases().indexOf(RECONNECTING));
    }

    @Test
    void aQuitRightBeforeCloseStillEndsAsAQuit() throws IOException {
        server = new FakeIrcServer(IrcTransportFakeServerTest::registerThenSilence);
        // What the desktop app does when it quits. close() may stop the timers before the quit
        // runs on the event thread; the quit must end the same way either way.
        for (int i = 0; i < 20; i++) {
            Peer ada = peers.connected(Peers.config(server.port(), "ada" + i));
            ada.transport().quit("bye");
            ada.transport().close();
            assertEquals("quit", ada.events().awaitPhase(OFFLINE).state().detail(), "round " + i);
        }
    }

    @Test
    void worksWithAServerThatDoesNotKnowCap() throws IOException {
        server = new FakeIrcServer((conn, line) -> {
            if (line.startsWith("CAP ")) {
                conn.send(":fake.server 421 * CAP :Unknown command");
            } else if (line.startsWith("USER ")) {
                conn.welcome();
            } else if (line.startsWith("JOIN ")) {
                conn.send(":" + conn.nick + "!u@127.0.0.1 " + line);
                conn.send(":fake.server 353 " + conn.nick + " = #x :" + conn.nick + " @zed");
                conn.send(":fake.server 366 " + conn.nick + " #x :End of NAMES list");
            }
        });
        Peer ada = peers.connected(Peers.config(server.port(), "ada"));
        assertTrue(ada.transport().capabilities().isEmpty());
        FakeIrcServer.Conn conn = server.awaitConnection(0);
        conn.awaitLine("^USER ada 0 \\* :ada$");

        ada.joinAndWait("#x");
        String id = ada.say("#x", "hi there");
        ChatMessage stored = ada.events().awaitSent(id).stored();
        assertEquals(id, stored.id(), "without echo-message the local id stands");
        assertEquals("hi there", stored.text());
        assertEquals("ada!u@127.0.0.1", stored.origin());
        conn.awaitLine("^PRIVMSG #x :hi there$");

        conn.send(":zed!z@127.0.0.1 PRIVMSG #x :hello ada");
        ChatMessage in = ada.events().awaitMessage("hello ada").message();
        assertTrue(in.id().startsWith("local-"), in.id());
        conn.send(":fake.server NOTICE ada :*** server notice");
        ada.events().await(Info.class, i -> i.target() == null && i.text().equals("*** server notice"));

        ada.transport().requestHistory(HistoryRequest.latest("#x", 50));
        History none = ada.events().await(History.class, h -> true);
        assertTrue(none.messages().isEmpty());
        ada.events().await(Info.class, i -> "#x".equals(i.target()) && i.text().equals("This server keeps no history"));
        assertFalse(conn.received.stream().anyMatch(l -> l.startsWith("CHATHISTORY")));
    }

    @Test
    void anErroneousNickFallsBackToASafeOne() throws IOException {
        server = new FakeIrcServer((conn, line) -> {
            if (line.equals("NICK ada")) {
                conn.send(":fake.server 432 * ada :Erroneous nickname");
            } else if (line.startsWith("USER ") || (line.startsWith("NICK Guest"))) {
                if (!conn.nick.equals("ada") && conn.received.stream().anyMatch(l -> l.startsWith("USER "))) {
                    conn.welcome();
                }
            }
        });
        Peer ada = peers.start(Peers.config(server.port(), "ada"));

        String nick = ada.events().await(Registered.class, r -> true).nick();
        assertTrue(nick.matches("Guest\\d{4}"), nick);
        ada.events().await(Error.class, e -> e.text().equals("Nick ada is not allowed on this server; using " + nick));
    }

    @Test
    void rejoinsWithTheKeyAfterTheLinkDrops() throws IOException {
        server = new FakeIrcServer((conn, line) -> {
            if (line.startsWith("USER ")) {
                conn.welcome();
            } else if (line.startsWith("JOIN ")) {
                conn.send(":" + conn.nick + "!u@127.0.0.1 JOIN " + line.split(" ")[1]);
            }
        });
        Peer ada = peers.connected(Peers.config(server.port(), "ada"));
        ada.transport().join("#k", "k3y");
        ada.events().await(Joined.class, j -> j.channel().equals("#k"));
        server.awaitConnection(0).awaitLine("^JOIN #k k3y$");

        server.awaitConnection(0).close();

        server.awaitConnection(1).awaitLine("^JOIN #k k3y$");
        ada.events().awaitCount(Joined.class, j -> j.channel().equals("#k"), 2);
        assertTrue(ada.events().phases().contains(RECONNECTING));
    }

    @Test
    void sendingWhileNotConnectedFailsAtOnceAndJoinsWaitForTheConnection() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Peer ada = peers.start(Peers.config(port, "ada").withReconnect(Peers.MANUAL));
        TransportState refused = ada.events().awaitPhase(RECONNECTING).state();
        assertEquals("connection refused", refused.detail());
        assertEquals(Duration.ofMinutes(10).toMillis(), refused.retryIn().toMillis(), 0.2 * Duration.ofMinutes(10).toMillis());

        String id = ada.say("#x", "anyone?");
        assertEquals("not connected", ada.events().await(SendFailed.class, f -> f.localId().equals(id)).reason());
        ada.transport().join("#later", null);
        ada.transport().requestChannelList();
        ada.events().await(Error.class, e -> e.text().equals("Not connected: cannot list channels"));
        ada.transport().quit(null);
        ada.events().await(RecordingListener.State.class, s -> s.phase() == TransportState.Phase.OFFLINE);
    }

    @Test
    void withReconnectingOffAFailedDialEndsOfflineWithTheReason() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Peer ada = peers.start(Peers.config(port, "ada").withReconnect(ReconnectPolicy.disabled()));
        TransportState offline = ada.events().awaitPhase(TransportState.Phase.OFFLINE).state();
        assertEquals("connection refused", offline.detail());
        assertEquals(List.of(TransportState.Phase.CONNECTING, TransportState.Phase.OFFLINE), ada.events().phases());
    }

    @Test
    void reconnectNowDialsAtOnceInsteadOfWaitingOutTheDelay() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Peer ada = peers.start(Peers.config(port, "ada").withReconnect(Peers.MANUAL)); // 10 minutes between tries
        ada.events().awaitPhase(RECONNECTING);
        server = new FakeIrcServer(port, (conn, line) -> {
            if (line.startsWith("USER ")) {
                conn.welcome();
            }
        });
        ada.transport().reconnectNow();
        ada.events().awaitPhase(TransportState.Phase.CONNECTED);
        assertEquals(List.of(TransportState.Phase.CONNECTING, RECONNECTING, TransportState.Phase.CONNECTING,
                TransportState.Phase.CONNECTED), ada.events().phases());
    }

    @Test
    void aCatchUpComesBeforeLiveMessagesAndConfirmsWhatWasStoredBeforeTheLinkBroke() throws IOException {
        String caps = "message-tags server-time echo-message batch labeled-response draft/chathistory";
        server = new FakeIrcServer((conn, line) -> {
            String who = ":" + conn.nick + "!u@127.0.0.1";
            if (line.equals("CAP LS 302")) {
                conn.send(":fake.server CAP * LS :" + caps + " sasl=PLAIN");
            } else if (line.startsWith("CAP REQ ")) {
                conn.send(":fake.server CAP * ACK :" + line.substring(line.indexOf(':') + 1));
            } else if (line.equals("CAP END")) {
                conn.welcome();
            } else if (line.equals("JOIN #c")) {
                conn.send(who + " JOIN #c");
                conn.send(":fake.server 366 " + conn.nick + " #c :End of NAMES list");
                if (conn.received.stream().anyMatch(l -> l.startsWith("CHATHISTORY"))) {
                    return;
                }
                if (server.awaitConnection(0) != conn) { // the rejoin: a live line before the catch-up answer
                    conn.send("@msgid=L1;time=2030-01-01T00:00:03.000Z :zed!z@h PRIVMSG #c :live1");
                }
            } else if (line.startsWith("CHATHISTORY AFTER #c ")) {
                conn.send(":fake.server BATCH +b1 chathistory #c");
                conn.send("@batch=b1;msgid=A;time=2030-01-01T00:00:01.000Z :zed!z@h PRIVMSG #c :missed");
                conn.send("@batch=b1;msgid=U;time=2030-01-01T00:00:02.000Z " + who + " PRIVMSG #c :unconfirmed");
                conn.send("@batch=b1;msgid=L1;time=2030-01-01T00:00:03.000Z :zed!z@h PRIVMSG #c :live1");
                conn.send(":fake.server BATCH -b1");
            }
        });
        Peer ada = peers.connected(Peers.config(server.port(), "ada"));
        assertEquals(java.util.Set.copyOf(java.util.List.of(caps.split(" "))), ada.transport().capabilities());
        ada.joinAndWait("#c");
        FakeIrcServer.Conn first = server.awaitConnection(0);
        first.send("@msgid=X;time=2030-01-01T00:00:00.000Z :zed!z@h PRIVMSG #c :before");
        ada.events().awaitMessage("before");
        String unconfirmed = ada.say("#c", "unconfirmed");
        first.awaitLine("^@label=\\S+ PRIVMSG #c :unconfirmed$");
        first.close(); // no echo: the transport cannot know whether it was stored

        FakeIrcServer.Conn second = server.awaitConnection(1);
        second.awaitLine("^CHATHISTORY AFTER #c msgid=X 100$");
        ChatMessage stored = ada.events().awaitSent(unconfirmed).stored();
        ada.events().awaitMessage("live1");

        assertEquals("U", stored.id());
        assertEquals(java.util.List.of("before", "missed", "live1"), ada.events().messageTexts());
        assertTrue(ada.events().all(SendFailed.class).isEmpty());
    }
}
