package dev.parley.relay;

import dev.parley.testsupport.IrcTestClient;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.storage.InMemoryMessageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slow readers, flooders and connection storms: the server and the other clients carry on. */
class AbuseTest extends RelayTestBase {

    @Test
    void aStalledReaderIsDroppedWhileAFastOneGetsEverything() throws IOException {
        start(RelayConfig.loopback().withLimits(RelayLimits.defaults().withSendQueueBytes(256 * 1024))
                .withFlood(FloodPolicy.off()), new InMemoryMessageStore());
        IrcTestClient publisher = user("pub");
        IrcTestClient fast = user("fast");
        publisher.send("JOIN #load");
        publisher.await(" 366 pub #load "); // two clients' commands run in no set order: pub's JOIN first
        fast.send("JOIN #load");
        fast.await(" 366 fast #load ");

        try (Socket stalled = new Socket()) {
            stalled.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            stalled.connect(relay.address());
            OutputStream out = stalled.getOutputStream();
            out.write("NICK stalled\r\nUSER s 0 * :s\r\nJOIN #load\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            fast.await(":stalled!~s@127.0.0.1 JOIN #load");
            int fastFirst = fast.all().size();
            // never read from `stalled` again

            // 16,000 lines of ~330 bytes: about 5 MB, past the 256 KiB queue plus every kernel buffer
            // on the way to the stalled reader. Sent in chunks that the fast reader confirms, so
            // its own queue never holds more than one chunk.
            String padding = "p".repeat(300);
            int chunks = 160;
            int perChunk = 100;
            for (int chunk = 0; chunk < chunks; chunk++) {
                StringBuilder burst = new StringBuilder();
                for (int i = chunk * perChunk; i < (chunk + 1) * perChunk; i++) {
                    burst.append("PRIVMSG #load :").append(i).append(' ').append(padding).append("\r\n");
                }
                publisher.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
                fast.await("PRIVMSG #load :" + ((chunk + 1) * perChunk - 1) + " p");
            }
            // every line arrived, in order, with the stalled reader's QUIT somewhere among them
            List<String> all = fast.all();
            List<String> seen = new java.util.ArrayList<>(all.subList(fastFirst, all.size()));
            assertTrue(seen.remove(":stalled!~s@127.0.0.1 QUIT :SendQ exceeded"), "no QUIT for the stalled reader");
            for (int i = 0; i < chunks * perChunk; i++) {
                assertTrue(seen.get(i).contains("PRIVMSG #load :" + i + " p"), "line " + i + ": " + seen.get(i));
            }
        }
        publisher.send("PRIVMSG #load :after");
        fast.await("PRIVMSG #load :after");
    }

    @Test
    void aFlooderIsSlowedDownButLosesNothing() throws IOException {
        start(RelayConfig.loopback().withFlood(new FloodPolicy(true, 5, 50)), new InMemoryMessageStore());
        IrcTestClient flooder = user("flooder");
        IrcTestClient reader = user("reader");
        flooder.send("JOIN #f");
        reader.send("JOIN #f");
        reader.await(" 366 reader #f ");
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            burst.append("PRIVMSG #f :flood ").append(i).append("\r\n");
        }
        long start = System.nanoTime();
        flooder.sendRaw(burst.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 30; i++) {
            reader.await("PRIVMSG #f :flood " + i + "$");
        }
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // 25 lines past the burst at 50 lines/s cannot arrive in less than about half a second
        assertTrue(elapsedMs >= 400, "flood was not slowed: " + elapsedMs + " ms");
    }

    @Test
    void connectionLimitsRefuseWithAnErrorAndFreeTheirSlots() throws IOException {
        start(RelayConfig.loopback().withLimits(RelayLimits.defaults().withMaxClients(3).withMaxClientsPerAddress(3)),
                new InMemoryMessageStore());
        IrcTestClient a = user("a");
        IrcTestClient b = user("b");
        IrcTestClient c = user("c");
        IrcTestClient refused = connect();
        refused.await("^ERROR :Closing link: 127.0.0.1 \\(Server is full\\)");
        refused.awaitClosed();
        c.send("QUIT");
        c.awaitClosed();
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.connectionCount() == 2);
        IrcTestClient d = user("d");
        a.send("PRIVMSG d :welcome");
        d.await("PRIVMSG d :welcome");
        b.send("PRIVMSG a :ok");
        a.await("PRIVMSG a :ok");
    }

    @Test
    void perAddressLimit() throws IOException {
        start(RelayConfig.loopback().withLimits(RelayLimits.defaults().withMaxClientsPerAddress(2)), new InMemoryMessageStore());
        user("a");
        user("b");
        IrcTestClient third = connect();
        third.await("^ERROR :Closing link: 127.0.0.1 \\(Too many connections from your address\\)");
    }

    @Test
    void abruptDisconnectsAreCleanedUp() throws IOException {
        start();
        IrcTestClient stays = user("stays");
        stays.send("JOIN #x");
        for (int i = 0; i < 20; i++) {
            IrcTestClient gone = user("gone" + i);
            gone.send("JOIN #x");
            stays.await("gone" + i + "!\\S+ JOIN #x");
            gone.close(); // no QUIT: the socket just goes away
            stays.await(":gone" + i + "!\\S+ QUIT :");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> relay.connectionCount() == 1);
        stays.send("NAMES #x");
        stays.await(" 353 stays = #x :@stays$");
    }
}
