package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bytes on the wire: split lines, packed lines, overlong lines, bad UTF-8, garbage. */
class FramingTest extends RelayTestBase {

    private IrcTestClient ada;
    private IrcTestClient bob;

    @BeforeEach
    void twoUsersInAChannel() throws IOException {
        start();
        ada = user("ada");
        bob = user("bob");
        ada.send("JOIN #f");
        bob.send("JOIN #f");
        bob.await(" 366 bob #f ");
    }

    @Test
    void aLineSplitOverManyWritesArrivesWhole() throws IOException {
        byte[] line = "PRIVMSG #f :split into many writes\r\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : line) {
            ada.sendRaw(new byte[] {b});
        }
        bob.await("PRIVMSG #f :split into many writes$");
    }

    @Test
    void manyLinesInOneWriteAllArriveInOrder() throws IOException {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            burst.append("PRIVMSG #f :line ").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
        }
        ada.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 50; i++) {
            bob.await("PRIVMSG #f :line " + i + "$");
        }
    }

    @Test
    void overlongLineIsRefusedWith417AndTheConnectionGoesOn() throws IOException {
        ada.send("PRIVMSG #f :" + "x".repeat(600));
        ada.await(" 417 ada :Input line was too long");
        ada.send("@" + "k".repeat(9000) + " PRIVMSG #f :tags too long");
        ada.await(" 417 ada ");
        ada.send("PRIVMSG #f :still fine");
        bob.await("PRIVMSG #f :still fine");
        bob.assertNothing("xxxx|tags too long");
    }

    @Test
    void badUtf8IsReplacedNotFatal() throws IOException {
        byte[] bad = {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'f', ' ', ':', 'a', (byte) 0xFF, (byte) 0xC3, '(', 'b', '\r', '\n'};
        ada.sendRaw(bad);
        bob.await("PRIVMSG #f :a\uFFFD\uFFFD\\(b$");
    }

    @Test
    void malformedLinesAreDroppedAndLongTextIsCutToFitTheRelayedLine() throws IOException {
        ada.send(":");
        ada.await(" 400 ada \\* :Line dropped: source but no command$");
        ada.send("@bad@key=1 PRIVMSG #f :x");
        ada.await(" 400 ada PRIVMSG :Line dropped: bad tag key 'bad@key'$");
        ada.sendRaw(new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', '#', 'f', ' ', ':', 'a', 0, 'b', '\r', '\n'});
        ada.await(" 400 ada PRIVMSG :Line dropped: control character 0 inside the line$");
        ada.sendRaw(new byte[] {0, 1, 2, '\r', '\n'});
        ada.await(" 400 ada \\* :Line dropped: control character 0 inside the line$");
        ada.send("@" + "k".repeat(600) + "@=1 PRIVMSG #f :x"); // the reason quotes the bad key: cut short
        String reply = ada.await(" 400 ada PRIVMSG :Line dropped: bad tag key 'k+\\.\\.\\.$");
        assertTrue(reply.getBytes(StandardCharsets.UTF_8).length <= 510, reply);
        ada.send("PRIVMSG #f :" + "é".repeat(249)); // 498 bytes of text, 510 with the command: the most a line holds
        String relayed = bob.await("PRIVMSG #f :é");
        int bytes = relayed.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 510, () -> "relayed line is " + bytes + " bytes");
        assertTrue(relayed.endsWith("é") && !relayed.contains("\uFFFD"), relayed);
        ada.send("PRIVMSG #f :alive");
        bob.await("PRIVMSG #f :alive");
    }
}
