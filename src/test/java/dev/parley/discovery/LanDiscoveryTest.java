package dev.parley.discovery;

import static dev.parley.discovery.LoopbackBeacons.LOOPBACK;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real ZBeacons on real sockets, kept on this host: beacons go to 127.255.255.255 on a free port.
 * A short interval keeps the test quick; expireAfter spans six intervals so one lost datagram
 * does not expire a node.
 */
@Timeout(30)
class LanDiscoveryTest {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Duration EXPIRE_AFTER = Duration.ofMillis(1500);
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    private final BeaconSettings settings = LoopbackBeacons.settings(INTERVAL);
    private final Announcement relayAnnouncement = Announcement.relay(Announcement.newNodeId(), "lab relay", 6667);
    private final Announcement peerAnnouncement = Announcement.meshPeer(Announcement.newNodeId(), "zoe", 7000, "here");
    private final Announcement selfAnnouncement = Announcement.meshPeer(Announcement.newNodeId(), "me", 7001, "");
    private final LanDirectory directory = new LanDirectory(settings, EXPIRE_AFTER, InstantSource.system());
    // The relay sends from the loopback interface chosen by name; the others let the system choose.
    private final LanAnnouncer relay = new LanAnnouncer(
            settings.withNetworkInterface(LoopbackBeacons.loopbackInterfaceName()), relayAnnouncement);
    private final LanAnnouncer peer = new LanAnnouncer(settings, peerAnnouncement);
    private final LanAnnouncer self = new LanAnnouncer(settings, selfAnnouncement);
    private final RecordingDiscoveryListener events = new RecordingDiscoveryListener();

    @AfterEach
    void closeAll() {
        relay.close();
        peer.close();
        self.close();
        directory.close();
    }

    @Test
    void findsRelayAndPeerSeesUpdatesAndExpiresTheSilent() {
        directory.addListener(events);
        directory.ignoreNodeId(selfAnnouncement.nodeId());
        directory.start();
        relay.start();
        peer.start();
        self.start();

        await().atMost(AT_MOST).until(() -> directory.services().size() == 2);
        DiscoveredService foundRelay = directory.services(ServiceKind.RELAY).getFirst();
        DiscoveredService foundPeer = directory.services(ServiceKind.MESH_PEER).getFirst();
        assertEquals(relayAnnouncement, foundRelay.announcement());
        assertEquals(new InetSocketAddress(LOOPBACK, 6667), foundRelay.endpoint());
        assertEquals(peerAnnouncement, foundPeer.announcement());
        assertEquals(LOOPBACK, foundPeer.address());

        // Foreign and broken datagrams on the port must not stop the directory from listening.
        LoopbackBeacons.sendRaw(settings.port(), new byte[] {9});
        LoopbackBeacons.sendRaw(settings.port(), new byte[0]);
        LoopbackBeacons.sendRaw(settings.port(), "ZRE\u0001 not ours".getBytes(StandardCharsets.US_ASCII));

        peer.update(peerAnnouncement.withExtra("away"));
        await().atMost(AT_MOST).until(() -> directory.services(ServiceKind.MESH_PEER).getFirst()
                .announcement().extra().equals("away"));

        relay.close();
        relay.close();
        await().atMost(AT_MOST).until(() -> directory.services(ServiceKind.RELAY).isEmpty());
        assertEquals(List.of("zoe"), directory.services().stream().map(s -> s.announcement().name()).toList());

        List<String> seen = events.events();
        assertTrue(seen.containsAll(List.of("appeared lab relay", "appeared zoe",
                "updated zoe -> zoe away @127.0.0.1", "gone lab relay")), seen.toString());
        assertEquals(4, seen.size(), seen.toString());
    }

    @Test
    void closeIsIdempotentAndFinal() {
        directory.start();
        peer.start();
        directory.close();
        directory.close();
        peer.close();
        peer.close();
        assertThrows(IllegalStateException.class, directory::start);
        assertThrows(IllegalStateException.class, peer::start);
        // close() joins ZBeacon's threads (bounded), so none of them outlives it.
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("ZBeacon")).toList());
    }

    @Test
    void closingWhatNeverStartedIsHarmless() {
        relay.close();
        directory.close();
        assertEquals(List.of(), directory.services());
    }

    @Test
    void updateKeepsTheNodeId() {
        assertThrows(IllegalArgumentException.class,
                () -> peer.update(Announcement.meshPeer("someone-else", "zoe", 7000, "")));
        assertEquals(peerAnnouncement, peer.announcement());
    }
}
