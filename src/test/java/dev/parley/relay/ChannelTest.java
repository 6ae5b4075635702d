package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channels over real sockets: membership, announcements with full sources, modes and their errors. */
class ChannelTest extends RelayTestBase {

    private IrcTestClient ada;
    private IrcTestClient bob;
    private IrcTestClient cy;

    @BeforeEach
    void threeUsers() throws IOException {
        start();
        ada = user("ada");
        bob = user("bob");
        cy = user("cy");
    }

    private void joinAll(String channel) throws IOException {
        for (IrcTestClient c : new IrcTestClient[] {ada, bob, cy}) {
            c.send("JOIN " + channel);
            c.await(" 366 " + c.nick + " ");
        }
        ada.drain();
        bob.drain();
        cy.drain();
    }

    @Test
    void threeClientsChatAndTheSenderDoesNotGetItsOwnLine() throws IOException {
        joinAll("#lab");
        ada.send("PRIVMSG #lab :hello, lab");
        bob.await("^@time=\\S+;msgid=\\S+ :ada!~ada@127.0.0.1 PRIVMSG #lab :hello, lab$|^:ada!~ada@127.0.0.1 PRIVMSG #lab :hello, lab$");
        cy.await(":ada!~ada@127.0.0.1 PRIVMSG #lab :hello, lab");
        ada.assertNothing("PRIVMSG #lab");
        bob.send("PRIVMSG #LAB :case does not matter");
        ada.await(":bob!~bob@127.0.0.1 PRIVMSG #lab :case does not matter");
    }

    @Test
    void channelsAreIsolated() throws IOException {
        ada.send("JOIN #one");
        bob.send("JOIN #one");
        cy.send("JOIN #two");
        bob.await(" 366 bob #one ");
        cy.await(" 366 cy #two ");
        ada.send("PRIVMSG #one :only one");
        bob.await("PRIVMSG #one :only one");
        cy.assertNothing("only one");
    }

    @Test
    void joinCreatesTheChannelAndGivesTheCreatorOps() throws IOException {
        ada.send("JOIN #new");
        ada.await(":ada!~ada@127.0.0.1 JOIN #new");
        ada.await(" 353 ada = #new :@ada$");
        ada.await(" 366 ada #new :End of /NAMES list");
        bob.send("JOIN #new");
        ada.await(":bob!~bob@127.0.0.1 JOIN #new");
        bob.await(" 353 bob = #new :@ada bob$");
    }

    @Test
    void everyMemberSeesPartQuitNickKickAndTopicWithTheFullSource() throws IOException {
        joinAll("#lab");
        cy.send("PART #lab :bye now");
        ada.await(":cy!~cy@127.0.0.1 PART #lab :bye now");
        bob.await(":cy!~cy@127.0.0.1 PART #lab :bye now");
        cy.await(":cy!~cy@127.0.0.1 PART #lab :bye now");

        bob.send("NICK robert");
        ada.await(":bob!~bob@127.0.0.1 NICK :?robert");
        bob.await(":bob!~bob@127.0.0.1 NICK :?robert");
        bob.nick = "robert";

        ada.send("TOPIC #lab :Lab notes");
        bob.await(":ada!~ada@127.0.0.1 TOPIC #lab :Lab notes");
        ada.await(":ada!~ada@127.0.0.1 TOPIC #lab :Lab notes");

        ada.send("KICK #lab robert :too loud");
        bob.await(":ada!~ada@127.0.0.1 KICK #lab robert :too loud");
        ada.await(":ada!~ada@127.0.0.1 KICK #lab robert :too loud");

        bob.send("JOIN #lab");
        bob.await(" 332 robert #lab :Lab notes");
        bob.await(" 333 robert #lab ada \\d+");
        bob.send("QUIT :gone home");
        bob.await("^ERROR :Closing link: 127.0.0.1 \\(Quit: gone home\\)");
        ada.await(":robert!~bob@127.0.0.1 QUIT :Quit: gone home");
        cy.assertNothing("QUIT");
    }

    @Test
    void failingJoinChangesNothingAndGivesItsNumeric() throws IOException {
        ada.send("JOIN #keyed");
        ada.await(" 366 ada #keyed ");
        ada.send("MODE #keyed +k secret");
        ada.await(":ada!~ada@127.0.0.1 MODE #keyed \\+k secret");
        bob.send("JOIN #home");
        bob.await(" 366 bob #home ");
        bob.send("JOIN #keyed wrong");
        bob.await(" 475 bob #keyed :Cannot join channel \\(\\+k\\)");
        bob.send("JOIN #keyed secret");
        bob.await(":bob!~bob@127.0.0.1 JOIN #keyed");
        bob.send("PRIVMSG #home :still here");
        bob.assertNothing(" 40[34] ");

        ada.send("MODE #keyed +il 2");
        ada.await("MODE #keyed \\+il 2");
        cy.send("JOIN #keyed secret");
        cy.await(" 473 cy #keyed :Cannot join channel \\(\\+i\\)");
        ada.send("INVITE cy #keyed");
        ada.await(" 341 ada cy #keyed");
        cy.await(":ada!~ada@127.0.0.1 INVITE cy #keyed");
        cy.send("JOIN #keyed secret");
        cy.await(" 471 cy #keyed :Cannot join channel \\(\\+l\\)");
        ada.send("MODE #keyed -l");
        ada.await("MODE #keyed -l");
        cy.send("JOIN #keyed secret");
        cy.await(":cy!~cy@127.0.0.1 JOIN #keyed");
        cy.send("JOIN bad,#ok");
        cy.await(" 479 cy bad :Illegal channel name");
        cy.await(":cy!~cy@127.0.0.1 JOIN #ok");
    }

    @Test
    void errorNumerics() throws IOException {
        joinAll("#lab");
        bob.send("PART #nowhere");
        bob.await(" 403 bob #nowhere ");
        bob.send("PART #lab");
        bob.send("PART #lab");
        bob.await(" 442 bob #lab :You're not on that channel");
        bob.send("PRIVMSG #lab :from outside");
        bob.await(" 404 bob #lab ");
        bob.send("PRIVMSG nobody :hi");
        bob.await(" 401 bob nobody :No such nick/channel");
        bob.send("PRIVMSG");
        bob.await(" 411 bob :No recipient given \\(PRIVMSG\\)");
        bob.send("PRIVMSG #lab");
        bob.await(" 412 bob :No text to send");
        bob.send("NOTICE nobody :quiet");
        bob.assertNothing(" 401 ");
        cy.send("TOPIC #lab :mine");
        cy.await(" 482 cy #lab :You're not channel operator");
        cy.send("KICK #lab ada");
        cy.await(" 482 cy #lab ");
        ada.send("KICK #lab bob");
        ada.await(" 441 ada bob #lab :They aren't on that channel");
        ada.send("INVITE cy #lab");
        ada.await(" 443 ada cy #lab :is already on channel");
        ada.send("INVITE ghost #lab");
        ada.await(" 401 ada ghost ");
        ada.send("MODE #lab +z");
        ada.await(" 472 ada z ");
        ada.send("MODE bob +i");
        ada.await(" 502 ada :Can't change mode for other users");
        ada.send("MODE ada +x");
        ada.await(" 501 ada ");
        ada.send("JOIN");
        ada.await(" 461 ada JOIN :Not enough parameters");
    }

    @Test
    void namesListWhoWhoisAndModes() throws IOException {
        joinAll("#lab");
        ada.send("TOPIC #lab :Where we work");
        ada.send("NAMES #lab");
        ada.await(" 353 ada = #lab :@ada bob cy");
        ada.send("LIST");
        ada.await(" 321 ada Channel ");
        ada.await(" 322 ada #lab 3 :\\[\\+nt\\] Where we work");
        ada.await(" 323 ada ");
        ada.send("WHO #lab");
        ada.await(" 352 ada #lab ~ada 127.0.0.1 parley ada H@ :0 Test ada");
        ada.await(" 352 ada #lab ~bob 127.0.0.1 parley bob H :0 Test bob");
        ada.await(" 315 ada #lab ");
        ada.send("WHOIS bob");
        ada.await(" 311 ada bob ~bob 127.0.0.1 \\* :Test bob");
        ada.await(" 319 ada bob :#lab");
        ada.await(" 312 ada bob parley ");
        ada.await(" 317 ada bob \\d+ \\d+ ");
        ada.await(" 318 ada bob ");
        ada.send("WHOIS ghost");
        ada.await(" 401 ada ghost ");
        ada.send("MODE #lab");
        ada.await(" 324 ada #lab \\+nt");
        ada.await(" 329 ada #lab \\d+");
        ada.send("MODE #lab +o bob");
        bob.await("MODE #lab \\+o bob");
        cy.await(":ada!~ada@127.0.0.1 MODE #lab \\+o bob");
        bob.send("TOPIC #lab :bob can now");
        cy.await(":bob!~bob@127.0.0.1 TOPIC #lab :bob can now");
        ada.send("MODE #lab -t");
        cy.await("MODE #lab -t");
        cy.send("TOPIC #lab :anyone can");
        ada.await(":cy!~cy@127.0.0.1 TOPIC #lab :anyone can");
        ada.send("MODE ada +i");
        ada.await(":ada MODE ada :?\\+i");
        ada.send("MODE ada");
        ada.await(" 221 ada \\+i");
    }

    @Test
    void directMessagesAndAway() throws IOException {
        ada.send("PRIVMSG bob :psst");
        bob.await(":ada!~ada@127.0.0.1 PRIVMSG bob :psst");
        cy.assertNothing("psst");
        bob.send("AWAY :at lunch");
        bob.await(" 306 bob ");
        ada.send("PRIVMSG BOB :you there?");
        ada.await(" 301 ada bob :at lunch");
        bob.await("PRIVMSG bob :you there\\?");
        bob.send("AWAY");
        bob.await(" 305 bob ");
        ada.send("WHO bob");
        String who = ada.await(" 352 ada ");
        assertTrue(who.contains(" bob H "), who);
    }
}
