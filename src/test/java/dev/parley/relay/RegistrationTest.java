package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrationTest extends RelayTestBase {

    @Test
    void welcomeBurstHasNumericsIsupportAndMotd() throws IOException {
        start();
        IrcTestClient ada = connect();
        ada.send("NICK ada");
        ada.send("USER ada 0 * :Ada Lovelace");
        assertTrue(ada.await(" 001 ada ").contains("ada!~ada@127.0.0.1"));
        ada.await(" 002 ada ");
        ada.await(" 003 ada ");
        ada.await(" 004 ada parley ");
        String isupport = ada.await(" 005 ada ");
        assertTrue(isupport.contains("CASEMAPPING=rfc1459") && isupport.contains("CHANTYPES=#")
                && isupport.contains("NICKLEN=30") && isupport.contains("CHANNELLEN=50"), isupport);
        ada.await(" 375 ada ");
        ada.await(" 372 ada :- Welcome to Parley.");
        ada.await(" 376 ada ");
    }

    @Test
    void noMotdGives422() throws IOException {
        start(RelayConfig.loopback().withMotd(java.util.List.of()), new dev.parley.storage.InMemoryMessageStore());
        IrcTestClient ada = connect();
        ada.send("NICK ada");
        ada.send("USER ada 0 * :Ada");
        ada.await(" 422 ada ");
    }

    @Test
    void capNegotiationHoldsRegistrationUntilEnd() throws IOException {
        start();
        IrcTestClient ada = connect();
        ada.send("CAP LS 302");
        String ls = ada.await("CAP \\* LS :");
        for (String cap : new String[] {"message-tags", "server-time", "echo-message", "batch", "labeled-response",
                "away-notify", "draft/chathistory"}) {
            assertTrue(ls.contains(cap), ls);
        }
        ada.send("NICK ada");
        ada.send("USER ada 0 * :Ada");
        ada.send("CAP REQ :server-time bogus-cap");
        ada.await("CAP \\* NAK :server-time bogus-cap");
        ada.send("CAP REQ :server-time echo-message");
        ada.await("CAP \\* ACK :server-time echo-message");
        ada.assertNothing(" 001 ");
        ada.send("CAP LIST");
        ada.await("CAP \\* LIST :echo-message server-time|CAP \\* LIST :server-time echo-message");
        ada.send("CAP END");
        ada.await(" 001 ada ");
        ada.send("CAP FROB");
        ada.await(" 410 ada FROB ");
    }

    @Test
    void nickErrors() throws IOException {
        start();
        IrcTestClient ada = user("ada");
        IrcTestClient other = connect();
        other.send("NICK");
        other.await(" 431 \\* :No nickname given");
        other.send("NICK 9lives");
        other.await(" 432 \\* 9lives ");
        other.send("NICK ADA");
        other.await(" 433 \\* ADA :Nickname is already in use");
        other.send("NICK bob");
        other.send("USER bob 0 * :Bob");
        other.await(" 001 bob ");
        other.send("NICK Ada");
        other.await(" 433 bob Ada ");
        other.send("USER again 0 * :x");
        other.await(" 462 bob ");
        ada.send("NICK ada");
        ada.assertNothing("NICK");
    }

    @Test
    void commandsBeforeRegistrationAreRefused() throws IOException {
        start();
        IrcTestClient c = connect();
        c.send("JOIN #a");
        c.await(" 451 \\* :You have not registered");
        c.send("FROBNICATE");
        c.await(" 451 \\* ");
        c.send("USER x");
        c.await(" 461 \\* USER :Not enough parameters");
    }

    @Test
    void unknownCommandAfterRegistrationIs421() throws IOException {
        start();
        IrcTestClient ada = user("ada");
        ada.send("FROBNICATE now");
        ada.await(" 421 ada FROBNICATE :Unknown command");
        ada.send("PRIV.MSG #x :y");
        ada.await(" 421 ada PRIV.MSG ");
    }

    @Test
    void pingIsAnsweredWithPong() throws IOException {
        start();
        IrcTestClient ada = user("ada");
        ada.send("PING :hello there");
        ada.await(":parley PONG parley :hello there");
    }

    @Test
    void serverPasswordIsChecked() throws IOException {
        start(RelayConfig.loopback().withPassword("sesame"), new dev.parley.storage.InMemoryMessageStore());
        IrcTestClient wrong = connect();
        wrong.send("PASS nope");
        wrong.send("NICK ada");
        wrong.send("USER ada 0 * :Ada");
        wrong.await(" 464 ada :Password incorrect");
        wrong.await("^ERROR :Closing link: 127.0.0.1 \\(Bad password\\)");
        wrong.awaitClosed();

        IrcTestClient right = connect();
        right.send("PASS sesame");
        right.register("bob");
    }

    @Test
    void idleClientsArePingedAndDroppedAndSlowRegistrationIsDropped() throws IOException {
        RelayConfig config = RelayConfig.loopback().withLimits(RelayLimits.defaults()
                .withTimeouts(Duration.ofMillis(600), Duration.ofMillis(300), Duration.ofMillis(400)));
        start(config, new dev.parley.storage.InMemoryMessageStore());
        IrcTestClient silent = connect();
        silent.await("^ERROR :Closing link: .*Registration timed out");
        silent.awaitClosed();

        IrcTestClient ada = user("ada");
        ada.autoPong = false;
        IrcTestClient bob = user("bob");
        ada.send("JOIN #a");
        bob.send("JOIN #a");
        ada.await("JOIN #a");
        String ping = ada.await("^PING ");
        assertEquals("PING :parley", ping);
        bob.await("^PING ");
        // ada never answers: dropped, and bob (who answers) sees her quit
        ada.awaitClosed();
        bob.await(":ada!~ada@127.0.0.1 QUIT :Ping timeout");
    }
}
