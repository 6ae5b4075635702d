package dev.parley.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testsupport.IrcTestClient;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bans, mode replies and queries, and the privacy of direct history: found by hand with irssi and WeeChat. */
class ModesAndQueriesTest extends RelayTestBase {

    private IrcTestClient ada;
    private IrcTestClient bob;

    @BeforeEach
    void twoUsers() throws IOException {
        start();
        ada = user("ada");
        bob = user("bob");
        ada.send("JOIN #m");
        ada.await(" 366 ada #m ");
    }

    @Test
    void bansKeepPeopleOutAndQuietAndAreListed() throws IOException {
        bob.send("JOIN #m");
        bob.await(" 366 bob #m ");
        ada.send("MODE #m +b bob");
        bob.await(":ada!~ada@127.0.0.1 MODE #m \\+b bob!\\*@\\*");
        bob.send("PRIVMSG #m :can I talk?");
        bob.await(" 404 bob #m :Cannot send to channel \\(you are banned\\)");
        ada.send("MODE #m b");
        ada.await(" 367 ada #m bob!\\*@\\* ada \\d+");
        ada.await(" 368 ada #m ");
        ada.send("KICK #m bob");
        bob.await(" KICK #m bob"); // out for certain before trying again, or the JOIN may race the KICK
        bob.send("JOIN #m");
        bob.await(" 474 bob #m :Cannot join channel \\(\\+b\\)");
        ada.send("MODE #m -b bob!*@*");
        ada.await("MODE #m -b bob!\\*@\\*");
        bob.send("JOIN #m");
        bob.await(":bob!~bob@127.0.0.1 JOIN #m");
    }

    @Test
    void channelModeReplyHasOneParameterPerValueAndNoOpChangesAreNotAnnounced() throws IOException {
        ada.send("MODE #m +kl s3cret 10");
        ada.await("MODE #m \\+kl s3cret :?10");
        ada.send("MODE #m");
        assertEquals(List.of("ada", "#m", "+ntkl", "s3cret", "10"),
                parseParams(ada.await(" 324 ada #m ")));
        ada.send("MODE #m +t");
        ada.send("MODE #m +oooooo ada ada ada ada ada ada");
        ada.assertNothing(" MODE #m \\+t| MODE #m \\+o");
        ada.send("MODE #m +l nope");
        ada.await(" 461 ada MODE ");
    }

    @Test
    void awayUsersAreAnnouncedWhenTheyJoin() throws IOException {
        IrcTestClient watcher = userWithCaps("watcher", "away-notify");
        watcher.send("JOIN #m");
        watcher.await(" 366 watcher #m ");
        bob.send("AWAY :in a meeting");
        bob.await(" 306 bob ");
        bob.send("JOIN #m");
        watcher.await(":bob!~bob@127.0.0.1 JOIN #m");
        watcher.await(":bob!~bob@127.0.0.1 AWAY :in a meeting");
    }

    @Test
    void tooManyTargetsIsSaid() throws IOException {
        ada.send("PRIVMSG bob,bob2,bob3,bob4,#m :hi all");
        ada.await(" 407 ada #m :Too many targets");
    }

    @Test
    void directHistoryIsNotGivenToTheNextHolderOfANick() throws IOException {
        IrcTestClient carol = userWithCaps("carol", "batch draft/chathistory");
        IrcTestClient dave = userWithCaps("dave", "batch draft/chathistory");
        carol.send("PRIVMSG dave :a secret for dave");
        dave.await("PRIVMSG dave :a secret for dave");
        dave.send("CHATHISTORY LATEST carol * 10");
        dave.await("PRIVMSG dave :a secret for dave");
        dave.send("QUIT");
        dave.awaitClosed();

        IrcTestClient impostor = userWithCaps("dave", "batch draft/chathistory");
        impostor.send("CHATHISTORY LATEST carol * 10");
        impostor.await("BATCH \\+");
        impostor.await("BATCH -");
        impostor.send("CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z 10");
        impostor.await("BATCH -");
        impostor.assertNothing("secret|TARGETS carol");
    }

    @Test
    void ctcpQueriesAreDeliveredButNotStored() throws IOException {
        IrcTestClient carol = userWithCaps("carol", "batch draft/chathistory");
        carol.send("JOIN #m");
        carol.send("PRIVMSG #m :\u0001VERSION\u0001");
        carol.send("PRIVMSG #m :\u0001ACTION waves\u0001");
        ada.await("PRIVMSG #m :\u0001VERSION\u0001");
        ada.await("ACTION waves");
        carol.send("CHATHISTORY LATEST #m * 10");
        carol.await("ACTION waves");
        carol.assertNothing("VERSION");
    }

    @Test
    void lusersWhoMasksVersionAndTime() throws IOException {
        bob.send("MODE bob +i");
        bob.await(":bob MODE bob :?\\+i"); // bob's and ada's commands run on different threads
        ada.send("LUSERS");
        ada.await(" 251 ada :There are 1 users and 1 invisible on 1 servers");
        ada.await(" 254 ada 1 :channels formed");
        ada.send("WHO a*");
        ada.await(" 352 ada \\* ~ada 127.0.0.1 parley ada H ");
        ada.send("WHO *");
        ada.await(" 315 ada \\* ");
        ada.assertNothing(" 352 ada \\* ~bob ");
        ada.send("VERSION");
        assertTrue(ada.await(" 351 ada ").contains("parley-"));
        ada.send("TIME");
        ada.await(" 391 ada parley :?\\d{4}-");
    }

    private static List<String> parseParams(String line) {
        try {
            return dev.parley.protocol.IrcParser.parse(line).params();
        } catch (dev.parley.protocol.IrcParseException e) {
            throw new AssertionError(line, e);
        }
    }
}
