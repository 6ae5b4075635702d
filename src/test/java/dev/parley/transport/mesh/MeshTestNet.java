package dev.parley.transport.mesh;

import static org.awaitility.Awaitility.await;

import dev.parley.discovery.BeaconSettings;
import dev.parley.model.MessageKind;
import dev.parley.storage.InMemoryMessageStore;
import dev.parley.storage.MessageStore;
import dev.parley.transport.OutgoingMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Mesh peers for tests, all on this host: sockets on 127.0.0.1, beacons to the loopback
 * broadcast address 127.255.255.255 on a UDP port that was free a moment ago (each net its own),
 * short timings so presence changes show within seconds. Nothing reaches a real network.
 */
final class MeshTestNet implements AutoCloseable {

    static final String LOOPBACK_BROADCAST = "127.255.255.255";
    static final Duration AT_MOST = Duration.ofSeconds(10);
    static final MeshConfig.Timings QUICK = new MeshConfig.Timings(Duration.ofMillis(200), Duration.ofMillis(1200),
            Duration.ofMillis(2500), Duration.ofMillis(300));

    /** A started peer and what it heard. */
    record Node(MeshTransport transport, RecordingListener events, MeshConfig config) {
        String nick() {
            return transport.nick();
        }
    }

    private final BeaconSettings beacons = BeaconSettings.defaults()
            .withBroadcastAddress(LOOPBACK_BROADCAST)
            .withPort(freeUdpPort())
            .withInterval(Duration.ofMillis(200));
    private final List<Node> nodes = new ArrayList<>();

    /** A peer's settings: loopback only, quick timings, a fresh in-memory store. */
    MeshConfig config(String nick) {
        return config(nick, new InMemoryMessageStore());
    }

    MeshConfig config(String nick, MessageStore store) {
        return MeshConfig.defaults(nick, store).withBind("127.0.0.1", 0, 0).withBeacons(beacons).withTimings(QUICK);
    }

    Node start(String nick) {
        return start(config(nick));
    }

    Node start(MeshConfig config) {
        MeshTransport transport = new MeshTransport(config);
        RecordingListener events = new RecordingListener();
        Node node = new Node(transport, events, config);
        nodes.add(node);
        transport.start(events);
        await().atMost(AT_MOST).until(() -> events.lines().contains("registered " + config.nick())
                || events.lines().stream().anyMatch(l -> l.startsWith("state OFFLINE")));
        return node;
    }

    /** Sends {@code text} from {@code node} to a channel or nick; its local id is {@code l-text}. */
    static void say(Node node, String target, String text) {
        node.transport().send(new OutgoingMessage("l-" + text, target, text, MessageKind.MESSAGE));
    }

    /** Waits until every node sees every other one, reachable. */
    void awaitFullTable(Node... all) {
        for (Node node : all) {
            await().atMost(AT_MOST).until(() -> node.transport().peers().stream()
                    .filter(p -> p.presence() != dev.parley.model.Presence.UNREACHABLE).count() >= all.length - 1);
        }
    }

    /** Joins every node to {@code channel} and waits until each lists all of them as members. */
    void joinAll(String channel, Node... all) {
        for (Node node : all) {
            node.transport().join(channel, null);
        }
        for (Node node : all) {
            await().atMost(AT_MOST).until(() -> node.transport().peers().stream()
                    .filter(p -> p.channels().stream().anyMatch(c -> c.equalsIgnoreCase(channel))).count()
                    >= all.length - 1);
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.transport().close();
        }
        nodes.clear();
    }

    private static int freeUdpPort() {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
