package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.MeshTestNet.AT_MOST;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.MessageKind;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.mesh.Envelope.Chat;
import dev.parley.transport.mesh.Envelope.ChatKind;
import dev.parley.transport.mesh.MeshTestNet.Node;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A raw JeroMQ socket on loopback sends what no Parley peer would: garbage, oversized frames,
 * wrong frame counts, requests on the wrong socket, replayed messages. Peers drop it with a log
 * line and keep chatting.
 */
@Timeout(60)
class MeshHostileInputTest {

    private final MeshTestNet net = new MeshTestNet();
    private final ZContext raw = new ZContext(1);

    @AfterEach
    void closeAll() {
        net.close();
        raw.close();
    }

    @Test
    void badFramesAreDroppedAndTheMeshGoesOn() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);

        ZMQ.Socket rogue = raw.createSocket(SocketType.PUB);
        int port = rogue.bindToRandomPort("tcp://127.0.0.1");
        bob.transport().connectTo("127.0.0.1:" + port);
        byte[] presence = "P\n".getBytes(StandardCharsets.US_ASCII);
        byte[] lab = "C#lab\n".getBytes(StandardCharsets.US_ASCII);
        byte[] oversized = new byte[MeshLimits.MAX_FRAME_BYTES + 1];
        oversized[0] = 'P';
        oversized[1] = 'M';
        oversized[2] = 1;
        oversized[3] = 1;
        List<byte[]> bodies = List.of(
                "hello, I am not a mesh frame".getBytes(StandardCharsets.UTF_8),
                new byte[] {'P', 'M', 1, 1, 0, 5, 'x'},             // a chat cut short
                new byte[] {'P', 'M', 9, 1},                        // a future version
                new byte[] {'P', 'M', 1, 77},                       // an unknown type
                oversized,
                new byte[0]);
        // Publish until bob has counted every kind: the subscription needs a moment to arrive.
        await().atMost(AT_MOST).until(() -> {
            for (byte[] body : bodies) {
                rogue.sendMore(presence);
                rogue.send(body);
                rogue.sendMore(lab);
                rogue.send(body);
            }
            rogue.send(presence);                                   // one frame only
            rogue.sendMore(presence);
            rogue.sendMore(new byte[] {1});
            rogue.send(new byte[] {2});                             // three frames
            return bob.transport().stats().malformed() >= 2L * bodies.size() + 2;
        });

        // A request socket that gets an answer-type frame, garbage, and an empty delimiter frame.
        ZMQ.Socket dealer = raw.createSocket(SocketType.DEALER);
        dealer.connect("tcp://127.0.0.1:" + bob.transport().catchUpPort());
        long before = bob.transport().stats().malformed();
        dealer.send(EnvelopeCodec.encode(new Envelope.RepairResponse(1, 1, "#lab", 1, true, List.of())));
        dealer.send(new byte[] {'P', 'M', 1, 6, 0});
        dealer.sendMore(new byte[0]);
        dealer.send(new byte[] {1, 2, 3});
        await().atMost(AT_MOST).until(() -> bob.transport().stats().malformed() >= before + 3);

        ada.transport().send(new OutgoingMessage("l1", "#lab", "still here?", MessageKind.MESSAGE));
        await().atMost(AT_MOST).until(() -> bob.events().textsIn("#lab").equals(List.of("still here?")));
        assertTrue(bob.events().lines().stream().noneMatch(l -> l.startsWith("state OFFLINE")));
    }

    @Test
    void aReplayedMessageIsDeliveredOnce() {
        Node bob = net.start("bob");
        bob.transport().join("#lab", null);
        await().atMost(AT_MOST).until(() -> bob.events().lines().contains("joined #lab bob"));
        ZMQ.Socket rogue = raw.createSocket(SocketType.PUB);
        int port = rogue.bindToRandomPort("tcp://127.0.0.1");
        bob.transport().connectTo("127.0.0.1:" + port);

        Chat original = new Chat("01ID", "mallory-peer", 7, "mallory", 0, "#lab", 1, ChatKind.MESSAGE, "#lab", "once");
        Chat sameIdOtherSeq = new Chat("01ID", "mallory-peer", 7, "mallory", 0, "#lab", 2, ChatKind.MESSAGE, "#lab", "once");
        byte[] lab = "C#lab\n".getBytes(StandardCharsets.US_ASCII);
        // Replay until bob has seen copies: a repeat of a sequence number, and a new number with
        // an id it has. (The first copies are lost until bob's subscription reaches the rogue.)
        await().atMost(AT_MOST).until(() -> {
            for (Chat chat : List.of(original, original, sameIdOtherSeq)) {
                rogue.sendMore(lab);
                rogue.send(EnvelopeCodec.encode(chat));
            }
            return !bob.events().textsIn("#lab").isEmpty() && bob.transport().stats().duplicates() >= 2;
        });
        assertEquals(List.of("once"), bob.events().textsIn("#lab"));
        assertEquals(1, bob.transport().stats().delivered());
    }

    @Test
    void aPeerThatNeverHandshakesIsDroppedAndTriedAgain() throws IOException {
        Node bob = net.start("bob");
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            silent.setSoTimeout((int) AT_MOST.toMillis());
            bob.transport().connectTo("127.0.0.1:" + silent.getLocalPort());
            try (Socket first = silent.accept()) {
                first.setSoTimeout((int) AT_MOST.toMillis());
                // Bob gets no greeting back (or, with JeroMQ's #1022, never even starts sending its
                // own) and must hang up by itself: a read that times out here means the stalled
                // handshake was never given up.
                InputStream in = first.getInputStream();
                while (in.read() >= 0) {
                    // bob's half of the greeting, if it sent one: not answered
                }
            }
            try (Socket second = silent.accept()) {
                assertTrue(second.isConnected(), "bob did not try again");
            }
        }
    }

    @Test
    void theCodecRejectsEveryTruncationOfAValidFrame() {
        Chat chat = new Chat("01ID", "peer-1", 7, "ada", 1, "#lab", 1, ChatKind.MESSAGE, "#Lab", "hi \u0001ACTION x\u0001");
        byte[] frame = EnvelopeCodec.encode(chat);
        assertEquals(new EnvelopeCodec.Valid(chat), EnvelopeCodec.decode(frame));
        for (int length = 0; length < frame.length; length++) {
            assertTrue(EnvelopeCodec.decode(Arrays.copyOf(frame, length)) instanceof EnvelopeCodec.Rejected,
                    "accepted a frame cut at " + length);
        }
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        assertTrue(EnvelopeCodec.decode(longer) instanceof EnvelopeCodec.Rejected);
    }
}
