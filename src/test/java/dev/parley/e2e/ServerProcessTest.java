package dev.parley.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.discovery.BeaconSettings;
import dev.parley.discovery.LanDirectory;
import dev.parley.discovery.ServiceKind;
import dev.parley.testsupport.IrcTestClient;
import dev.parley.testsupport.ParleyProcess;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley server} as a real process: ready line, chat, SIGTERM, restart, and its errors. */
class ServerProcessTest {

    @TempDir
    Path tmp;

    @Test
    void runsChatsStopsOnSigtermWithExitZeroAndKeepsHistory() throws Exception {
        Path data = tmp.resolve("data");
        try (ParleyProcess server = ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port", "0",
                "--data", data.toString(), "--no-announce")) {
            InetSocketAddress address = server.awaitRelayAddress();
            try (IrcTestClient ada = IrcTestClient.registered(address, "ada");
                 IrcTestClient bob = IrcTestClient.registered(address, "bob")) {
                ada.send("JOIN #e2e");
                bob.send("JOIN #e2e");
                bob.await(" 366 bob #e2e ");
                ada.send("PRIVMSG #e2e :over a real process");
                bob.await(":ada!~ada@127.0.0.1 PRIVMSG #e2e :over a real process");
                ada.sync();
                server.terminate(); // SIGTERM
                bob.await("^ERROR :Closing link: .*Server shutting down");
                assertEquals(0, server.awaitExit());
            }
            assertTrue(server.stderr().contains("stopped; the message store is closed"), server.stderr());
        }
        try (ParleyProcess again = ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port", "0",
                "--data", data.toString(), "--no-announce");
             IrcTestClient carol = new IrcTestClient(again.awaitRelayAddress())) {
            carol.registerWithCaps("carol", "batch draft/chathistory");
            carol.send("JOIN #e2e");
            carol.send("CHATHISTORY LATEST #e2e * 10");
            carol.await(":ada!~ada@127.0.0.1 PRIVMSG #e2e :over a real process");
            again.terminate();
            assertEquals(0, again.awaitExit());
        }
    }

    @Test
    void theRelayAnnouncesItselfOnTheLan() throws Exception {
        int beaconPort;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            beaconPort = probe.getLocalPort();
        }
        BeaconSettings beacons = BeaconSettings.defaults().withBroadcastAddress("127.255.255.255").withPort(beaconPort)
                .withInterval(Duration.ofMillis(250));
        try (LanDirectory directory = new LanDirectory(beacons);
             ParleyProcess server = ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port", "0",
                     "--data", tmp.resolve("d").toString(), "--name", "lab-relay", "--broadcast", "127.255.255.255",
                     "--beacon-port", Integer.toString(beaconPort))) {
            directory.start();
            InetSocketAddress address = server.awaitRelayAddress();
            await().atMost(Duration.ofSeconds(10)).until(() -> directory.services(ServiceKind.RELAY).stream()
                    .anyMatch(s -> s.announcement().name().equals("lab-relay")
                            && s.announcement().tcpPort() == address.getPort()));
            server.terminate();
            assertEquals(0, server.awaitExit());
        }
    }

    @Test
    void aTakenPortIsAOneLineErrorAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ParleyProcess server = ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port",
                     Integer.toString(taken.getLocalPort()), "--data", tmp.resolve("d").toString(), "--no-announce")) {
            assertEquals(1, server.awaitExit());
            String err = server.stderr().strip();
            assertTrue(err.startsWith("parley: cannot listen on 127.0.0.1:" + taken.getLocalPort()), err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    @Test
    void anUnwritableDataDirIsAOneLineErrorAndExitOne() throws Exception {
        Path file = tmp.resolve("not-a-dir");
        Files.writeString(file, "x");
        try (ParleyProcess server = ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port", "0",
                "--data", file.resolve("sub").toString(), "--no-announce")) {
            assertEquals(1, server.awaitExit());
            String err = server.stderr().strip();
            assertTrue(err.startsWith("parley: cannot open the message store"), err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    @Test
    void helpListsTheServerOptions() throws IOException, InterruptedException {
        try (ParleyProcess help = ParleyProcess.start(tmp, "server", "--help")) {
            assertEquals(0, help.awaitExit());
            for (String option : new String[] {"--bind", "--port", "--data", "--name", "--password", "--no-announce",
                    "--no-flood-limit"}) {
                assertTrue(help.stdout().contains(option), help.stdout());
            }
        }
    }

    @Test
    void aHangupStopsItAsCleanlyAsSigterm() throws Exception {
        try (ParleyProcess server = ParleyProcess.start(tmp, "server", "--bind", "127.0.0.1", "--port", "0",
                "--data", tmp.resolve("hup").toString(), "--no-announce");
             IrcTestClient ada = IrcTestClient.registered(server.awaitRelayAddress(), "ada")) {
            signal("HUP", server.process()); // its terminal closed
            ada.await("^ERROR :Closing link: .*Server shutting down");
            assertEquals(0, server.awaitExit());
            assertTrue(server.stderr().contains("stopped; the message store is closed"), server.stderr());
        }
    }

    static void signal(String name, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }
}
