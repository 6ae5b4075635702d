package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParseException;
import dev.parley.protocol.IrcParser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** message-tags, server-time, msgid, echo-message, labeled-response, batch, away-notify and chathistory. */
class Ircv3Test extends RelayTestBase {

    private static final String ALL_CAPS =
            "message-tags server-time echo-message batch labeled-response away-notify draft/chathistory";

    @BeforeEach
    void startRelay() throws IOException {
        start();
    }

    private static IrcMessage parse(String line) {
        try {
            return IrcParser.parse(line);
        } catch (IrcParseException e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    void tagsFollowEachClientsCapabilities() throws IOException {
        IrcTestClient full = userWithCaps("full", ALL_CAPS);
        IrcTestClient timeOnly = userWithCaps("timeonly", "server-time");
        IrcTestClient plain = user("plain");
        for (IrcTestClient c : List.of(full, timeOnly, plain)) {
            c.send("JOIN #t");
            c.await(" 366 " + c.nick + " #t ");
        }
        full.send("@+draft/reply=abc PRIVMSG #t :tagged");
        IrcMessage echo = parse(full.await("PRIVMSG #t :tagged"));
        IrcMessage toTime = parse(timeOnly.await("PRIVMSG #t :tagged"));
        IrcMessage toPlain = parse(plain.await("PRIVMSG #t :tagged"));

        assertTrue(echo.tags().containsKey("msgid"), echo.toString());
        assertEquals("abc", echo.tags().get("+draft/reply"));
        Instant time = Instant.parse(echo.tags().get("time"));
        assertTrue(echo.tags().get("time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(java.util.Set.of("time"), toTime.tags().keySet());
        assertEquals(time, Instant.parse(toTime.tags().get("time")));
        assertTrue(toPlain.tags().isEmpty(), toPlain.toString());
    }

    @Test
    void msgidsAreUniqueAndEchoMessageReturnsTheSameId() throws IOException {
        IrcTestClient ada = userWithCaps("ada", ALL_CAPS);
        IrcTestClient bob = userWithCaps("bob", "message-tags");
        ada.send("JOIN #t");
        bob.send("JOIN #t");
        bob.await(" 366 bob #t ");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ada.send("PRIVMSG #t :n" + i);
            String echoId = parse(ada.await("PRIVMSG #t :n" + i + "$")).tags().get("msgid");
            String seenId = parse(bob.await("PRIVMSG #t :n" + i + "$")).tags().get("msgid");
            assertEquals(echoId, seenId);
            ids.add(echoId);
        }
        assertEquals(ids.size(), ids.stream().distinct().count());
    }

    @Test
    void labeledResponsesAckSingleAndBatch() throws IOException {
        IrcTestClient ada = userWithCaps("ada", ALL_CAPS);
        ada.send("@label=one PONG x");
        ada.await("^@label=one :parley ACK$");
        ada.send("@label=two PING tok");
        ada.await("^@label=two :parley PONG parley :tok$");
        ada.send("@label=three JOIN #lab");
        IrcMessage start = parse(ada.await("BATCH \\+\\S+ labeled-response"));
        assertEquals("three", start.tags().get("label"));
        String batch = start.param(0).substring(1);
        IrcMessage join = parse(ada.await(" JOIN #lab"));
        assertEquals(batch, join.tags().get("batch"));
        assertEquals(batch, parse(ada.await(" 366 ada #lab ")).tags().get("batch"));
        ada.await("BATCH -" + batch);
        ada.send("@label=four PRIVMSG #lab :echoed");
        IrcMessage echo = parse(ada.await("PRIVMSG #lab :echoed"));
        assertEquals("four", echo.tags().get("label"));
    }

    @Test
    void awayNotifyGoesOnlyToClientsThatAskedForIt() throws IOException {
        IrcTestClient ada = user("ada");
        IrcTestClient watcher = userWithCaps("watcher", "away-notify");
        IrcTestClient plain = user("plain");
        for (IrcTestClient c : List.of(ada, watcher, plain)) {
            c.send("JOIN #t");
            c.await(" 366 " + c.nick + " #t ");
        }
        ada.send("AWAY :brb");
        watcher.await(":ada!~ada@127.0.0.1 AWAY :?brb");
        ada.send("AWAY");
        watcher.await(":ada!~ada@127.0.0.1 AWAY$");
        plain.assertNothing("AWAY");
    }

    @Test
    void tagmsgReachesOnlyTagClients() throws IOException {
        IrcTestClient ada = userWithCaps("ada", ALL_CAPS);
        IrcTestClient tags = userWithCaps("tags", "message-tags");
        IrcTestClient plain = user("plain");
        for (IrcTestClient c : List.of(ada, tags, plain)) {
            c.send("JOIN #t");
            c.await(" 366 " + c.nick + " #t ");
        }
        ada.send("@+typing=active TAGMSG #t");
        assertEquals("active", parse(tags.await("TAGMSG #t")).tags().get("+typing"));
        plain.assertNothing("TAGMSG");
    }

    @Test
    void noReplayUnlessAskedAndChathistoryServesEverySubcommand() throws IOException {
        IrcTestClient ada = userWithCaps("ada", ALL_CAPS);
        ada.send("JOIN #h");
        ada.await(" 366 ada #h ");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ada.send("PRIVMSG #h :m" + i);
            ids.add(parse(ada.await("PRIVMSG #h :m" + i + "$")).tags().get("msgid"));
        }
        IrcTestClient bob = userWithCaps("bob", ALL_CAPS);
        bob.send("JOIN #h");
        bob.await(" 366 bob #h ");
        bob.assertNothing("PRIVMSG #h");

        assertEquals(List.of("m8", "m9", "m10"), history(bob, "LATEST #h * 3"));
        assertEquals(List.of("m3", "m4"), history(bob, "BEFORE #h msgid=" + ids.get(4) + " 2"));
        assertEquals(List.of("m6", "m7"), history(bob, "AFTER #h msgid=" + ids.get(4) + " 2"));
        assertEquals(List.of("m9", "m10"), history(bob, "LATEST #h msgid=" + ids.get(7) + " 5"));
        List<String> around = history(bob, "AROUND #h msgid=" + ids.get(4) + " 3");
        assertTrue(around.contains("m5") && around.size() == 3, around.toString());
        assertEquals(List.of("m3", "m4", "m5"), history(bob, "BETWEEN #h msgid=" + ids.get(1) + " msgid=" + ids.get(5) + " 3"));
        assertEquals(List.of(), history(bob, "BEFORE #h msgid=nonexistent 5"));

        bob.send("CHATHISTORY LATEST #secret * 5");
        bob.await("FAIL CHATHISTORY INVALID_TARGET");
        bob.send("CHATHISTORY LATEST #h * many");
        bob.await("FAIL CHATHISTORY INVALID_PARAMS");
        bob.send("CHATHISTORY BEFORE #h yesterday 5");
        bob.await("FAIL CHATHISTORY INVALID_PARAMS");
    }

    @Test
    void directHistoryAndTargets() throws IOException {
        IrcTestClient ada = userWithCaps("ada", ALL_CAPS);
        IrcTestClient bob = userWithCaps("bob", ALL_CAPS);
        IrcTestClient eve = userWithCaps("eve", ALL_CAPS);
        ada.send("PRIVMSG bob :private one");
        bob.await("PRIVMSG bob :private one");
        bob.send("PRIVMSG ada :private two");
        ada.await("PRIVMSG ada :private two");
        assertEquals(List.of("private one", "private two"), history(bob, "LATEST ada * 10"));
        assertEquals(List.of("private one", "private two"), history(ada, "LATEST BOB * 10"));
        assertEquals(List.of(), history(eve, "LATEST ada * 10"));

        bob.send("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z 10");
        String batch = parse(bob.await("BATCH \\+\\S+ :?draft/chathistory-targets")).param(0).substring(1);
        IrcMessage target = parse(bob.await("CHATHISTORY TARGETS ada "));
        assertEquals(batch, target.tags().get("batch"));
        bob.await("BATCH -" + batch);
    }

    /** The texts of one CHATHISTORY reply, checking its batch framing. */
    private List<String> history(IrcTestClient client, String request) throws IOException {
        client.send("CHATHISTORY " + request);
        IrcMessage start = parse(client.await("BATCH \\+\\S+ chathistory "));
        String batch = start.param(0).substring(1);
        List<String> texts = new ArrayList<>();
        while (true) {
            IrcMessage line = parse(client.await("."));
            if (line.command().equals("BATCH")) {
                assertEquals("-" + batch, line.param(0));
                return texts;
            }
            assertEquals(batch, line.tags().get("batch"), line.toString());
            assertNotEquals(null, line.tags().get("msgid"));
            texts.add(line.lastParam());
        }
    }
}
