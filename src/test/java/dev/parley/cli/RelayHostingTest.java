package dev.parley.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder;
import dev.parley.client.RelayFinder.FoundRelay;
import dev.parley.client.RelayHosting.HostedRelay;
import dev.parley.config.AppDirs;
import dev.parley.config.MeshSettings;
import dev.parley.config.ServerSettings;
import dev.parley.discovery.BeaconSettings;
import dev.parley.relay.RelayConfig;
import dev.parley.testsupport.IrcTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Host a relay here" and the LAN relay list over real sockets, all on this machine: beacons go
 * to the loopback broadcast address on a UDP port that was free a moment ago.
 */
class RelayHostingTest {

    private static final String LOOPBACK_BROADCAST = "127.255.255.255";

    @TempDir
    Path tmp;

    private ServerSettings server(boolean announce) {
        return ServerSettings.defaults(new AppDirs(tmp.resolve("conf"), tmp.resolve("data")))
                .withAnnounce(announce, LOOPBACK_BROADCAST);
    }

    private LocalRelayHosting hosting(boolean announce, int beaconPort) {
        return new LocalRelayHosting(server(announce),
                BeaconSettings.defaults().withPort(beaconPort).withInterval(Duration.ofMillis(200)));
    }

    @Test
    void aHostedRelayTakesIrcClientsOnItsEndpoint() throws IOException {
        try (HostedRelay relay = hosting(false, freeUdpPort()).start("lab", 0, tmp.resolve("relay"))) {
            Endpoint.Relay endpoint = relay.endpoint();
            assertEquals("127.0.0.1", endpoint.host());
            assertEquals("relay 'lab' on port " + endpoint.port(), relay.description());
            try (IrcTestClient client = IrcTestClient.registered(new InetSocketAddress(endpoint.host(), endpoint.port()), "ada")) {
                client.send("JOIN #lab");
                client.await(":ada\\S* JOIN :?#lab");
            }
            assertTrue(Files.exists(tmp.resolve("relay").resolve("parley.db")), "the store is in the data folder given");
        }
    }

    @Test
    void aNameWithSpacesIsOneWordInIrcRepliesButAsGivenOnTheLan() throws IOException {
        try (HostedRelay relay = hosting(false, freeUdpPort()).start("Ada's lab", 0, tmp.resolve("relay"));
             IrcTestClient client = IrcTestClient.registered(
                     new InetSocketAddress(relay.endpoint().host(), relay.endpoint().port()), "ada")) {
            assertTrue(relay.description().startsWith("relay 'Ada's lab' on port "), relay.description());
            client.send("PING :who");
            client.await("^:Ada-s-lab PONG Ada-s-lab :?who$");
        }
    }

    @Test
    void aPortInUseIsAnIOExceptionThatSaysWhich() throws IOException {
        LocalRelayHosting hosting = hosting(false, freeUdpPort());
        try (HostedRelay first = hosting.start("one", 0, tmp.resolve("one"))) {
            int port = first.endpoint().port();
            IOException e = assertThrows(IOException.class, () -> hosting.start("two", port, tmp.resolve("two")));
            assertTrue(e.getMessage().startsWith("cannot listen on 0.0.0.0:" + port + ": "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void anUnusableDataFolderIsAnIOExceptionAndTheRelayDoesNotStart() throws IOException {
        Path file = tmp.resolve("not-a-folder");
        Files.writeString(file, "x");
        LocalRelayHosting hosting = hosting(false, freeUdpPort());
        IOException e = assertThrows(IOException.class, () -> hosting.start("lab", 0, file.resolve("sub")));
        assertTrue(e.getMessage().startsWith("cannot open the message store: "), e.getMessage());
    }

    @Test
    void aBlankNameIsRefused() {
        IOException e = assertThrows(IOException.class, () -> hosting(false, freeUdpPort()).start(" ", 0, tmp.resolve("r")));
        assertTrue(e.getMessage().contains("needs a name"), e.getMessage());
    }

    @Test
    void theFinderListsAHostedRelayAndDropsItWhenItStops() throws IOException {
        int beaconPort = freeUdpPort();
        RelayFinder finder = new LanRelayFinder(new MeshSettings(LOOPBACK_BROADCAST, beaconPort, "", List.of()));
        AtomicReference<List<FoundRelay>> seen = new AtomicReference<>(List.of());
        try (RelayFinder.Watch watch = finder.watch(seen::set)) {
            HostedRelay relay = hosting(true, beaconPort).start("lab", 0, tmp.resolve("relay"));
            int port = relay.endpoint().port();
            try (relay) {
                await().atMost(Duration.ofSeconds(10))
                        .until(seen::get, list -> list.equals(List.of(new FoundRelay("lab", "127.0.0.1", port))));
            }
            // Silent for longer than the directory's expiry (5 s), it is gone from the list.
            await().atMost(Duration.ofSeconds(15)).until(seen::get, List::isEmpty);
        }
    }

    @Test
    void aFinderThatCannotStartGivesAWatchThatFindsNothingInsteadOfThrowing() {
        RelayFinder finder = new LanRelayFinder(new MeshSettings("not-an-address", freeUdpPort(), "", List.of()));
        RelayFinder.Watch watch = assertDoesNotThrow(() -> finder.watch(list -> { }));
        assertDoesNotThrow(watch::close);
    }

    @Test
    void ircServerNamesAreOneWord() {
        assertEquals("lab", RelayConfig.serverNameFor("lab"));
        assertEquals("Ada-s-lab", RelayConfig.serverNameFor(" Ada's  lab "));
        assertEquals("lab.lan", RelayConfig.serverNameFor("lab.lan"));
        assertEquals("parley", RelayConfig.serverNameFor("åäö"));
        assertEquals(63, RelayConfig.serverNameFor("x".repeat(80)).length());
    }

    private static int freeUdpPort() {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
