package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.MeshTestNet.AT_MOST;
import static dev.parley.transport.mesh.MeshTestNet.say;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChatMessage;
import dev.parley.storage.MessageStore;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.mesh.MeshTestNet.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost, nothing twice: late joiners, dropped messages, duplicate paths, restarts. */
@Timeout(90)
class MeshReliabilityTest {

    private final MeshTestNet net = new MeshTestNet();

    @AfterEach
    void closeAll() {
        net.close();
    }

    private static void sayAll(Node node, String target, List<String> texts) {
        texts.forEach(text -> say(node, target, text));
        await().atMost(AT_MOST).until(() -> node.events().sent().stream().map(ChatMessage::text).toList()
                .containsAll(texts));
    }

    private static List<String> texts(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + " " + i).toList();
    }

    /** Every text exactly once in {@code target}, whatever the path it came by. */
    private static void assertExactlyOnce(Node node, String target, List<String> expected) {
        await().atMost(AT_MOST).until(() -> new HashSet<>(node.events().textsIn(target)).containsAll(expected));
        Map<String, Long> counts = node.events().textsIn(target).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, node.nick() + " got these more than once");
    }

    @Test
    void aLateJoinerCatchesUpFromAPeerInTheChannel() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);
        List<String> before = texts("before", 5);
        sayAll(ada, "#lab", before);
        ada.transport().setTopic("#lab", "the plan");
        await().atMost(AT_MOST).until(() -> bob.events().textsIn("#lab").size() == 5);

        Node cyd = net.start("cyd");
        cyd.transport().join("#lab", null);
        // What was said before cyd came comes as history (catch-up), once each, with the topic.
        assertExactlyOnce(cyd, "#lab", before);
        await().atMost(AT_MOST).until(() -> cyd.events().lines().contains("topic #lab the plan"));
        assertTrue(cyd.events().lines("history #lab").size() >= 1);
        assertTrue(cyd.transport().stats().caughtUp() >= 5);

        // And the live path works for it from then on.
        net.awaitFullTable(ada, bob, cyd);
        say(bob, "#lab", "welcome cyd");
        assertExactlyOnce(cyd, "#lab", List.of("welcome cyd"));
    }

    @Test
    void aCatchUpLongerThanOnePageTakesEveryPage() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);
        List<String> before = texts("before", 25);
        sayAll(ada, "#lab", before);
        await().atMost(AT_MOST).until(() -> bob.events().textsIn("#lab").size() == 25);
        ada.transport().close(); // its sender gone, only bob's store has them: no repair, catch-up alone

        // Pages of 10, each made whole to its last millisecond (a burst may share one): all 25 arrive.
        Node cyd = net.start(net.config("cyd").withCatchUpLimit(10));
        cyd.transport().join("#lab", null);
        assertExactlyOnce(cyd, "#lab", before);
    }

    @Test
    void aDroppedMessageIsRepairedFromItsSender() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        Node cyd = net.start("cyd");
        net.awaitFullTable(ada, bob, cyd);
        net.joinAll("#lab", ada, bob, cyd);
        // cyd loses ada's third message on the wire, once.
        AtomicBoolean dropped = new AtomicBoolean();
        cyd.transport().dropIncoming(chat -> chat.senderId().equals(ada.transport().peerId()) && chat.seq() == 3
                && dropped.compareAndSet(false, true));
        List<String> burst = texts("burst", 6);
        sayAll(ada, "#lab", burst);

        assertExactlyOnce(cyd, "#lab", burst);
        assertTrue(dropped.get());
        MeshStats stats = cyd.transport().stats();
        assertTrue(stats.repaired() >= 1 && stats.repairRequests() >= 1 && stats.holes() >= 1, stats.toString());
        assertExactlyOnce(bob, "#lab", burst);
        assertEquals(0, bob.transport().stats().repaired());
    }

    @Test
    void aLostLastMessageIsFoundFromTheHeartbeatAndRepaired() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);
        AtomicBoolean dropped = new AtomicBoolean();
        bob.transport().dropIncoming(chat -> chat.text().equals("the last word") && dropped.compareAndSet(false, true));
        say(ada, "#lab", "the last word");
        // No later message shows the hole: ada's heartbeat does (its head in #lab).
        assertExactlyOnce(bob, "#lab", List.of("the last word"));
        assertTrue(bob.transport().stats().repaired() >= 1);
    }

    @Test
    void aDirectMessageLostOnTheWireIsRepairedToo() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        AtomicBoolean dropped = new AtomicBoolean();
        bob.transport().dropIncoming(chat -> chat.direct() && dropped.compareAndSet(false, true));
        say(ada, "bob", "for your eyes");
        await().atMost(AT_MOST).until(() -> bob.events().messages().stream().anyMatch(m -> m.text().equals("for your eyes")));
        assertEquals(1, bob.events().messages().size());
    }

    @Test
    void aSecondPathToASenderDeliversNothingTwice() {
        // bob reaches ada both by beacon and by two typed endpoints: three SUB connections to
        // one PUB at most, and the duplicates they bring are dropped.
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        bob.transport().connectTo("127.0.0.1:" + ada.transport().pubPort());
        bob.transport().connectTo("localhost:" + ada.transport().pubPort());
        net.joinAll("#lab", ada, bob);
        List<String> burst = texts("twice?", 20);
        sayAll(ada, "#lab", burst);
        assertExactlyOnce(bob, "#lab", burst);
        await().atMost(AT_MOST).until(() -> bob.transport().stats().duplicates() > 0);
        assertEquals(20, bob.transport().stats().delivered());
    }

    @Test
    void aBurstPastATinyHighWaterMarkArrivesExactlyOnce() {
        Node ada = net.start(net.config("ada").withHighWaterMarks(2, 2));
        Node bob = net.start(net.config("bob").withHighWaterMarks(2, 2));
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);
        List<String> burst = texts("flood", 400);
        sayAll(ada, "#lab", burst);
        assertExactlyOnce(bob, "#lab", burst);
        assertEquals(400, bob.transport().stats().delivered());
        System.out.println("tiny high-water mark: " + bob.transport().stats()); // drops vary from run to run
    }

    @Test
    void aRestartedPeerShowsItsHistoryAndCatchesUp(@TempDir Path dir) {
        Node ada = net.start("ada");
        String bobId = PeerIdFile.loadOrCreate(dir);
        MessageStore firstStore = SqliteMessageStore.open(dir);
        Node bob = net.start(net.config("bob", firstStore).withPeerId(bobId));
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);
        sayAll(ada, "#lab", List.of("one", "two"));
        sayAll(bob, "#lab", List.of("three"));
        await().atMost(AT_MOST).until(() -> bob.events().textsIn("#lab").size() == 2);

        bob.transport().close();
        firstStore.close();
        sayAll(ada, "#lab", List.of("four (bob is away)"));

        try (MessageStore secondStore = SqliteMessageStore.open(dir)) {
            assertEquals(bobId, PeerIdFile.loadOrCreate(dir));
            Node again = net.start(net.config("bob", secondStore).withPeerId(bobId));
            again.transport().join("#lab", null);
            // The client asks for history on join: the store has everything said before.
            again.transport().requestHistory(HistoryRequest.latest("#lab", 50));
            await().atMost(AT_MOST).until(() -> again.events().history().size() >= 3);
            List<String> stored = again.events().history().stream().limit(3).map(ChatMessage::text).toList();
            assertEquals(List.of("one", "two", "three"), stored);
            // What was said while it was down comes by catch-up, once; and it keeps its nick.
            assertExactlyOnce(again, "#lab", List.of("four (bob is away)"));
            assertEquals("bob", again.nick());
            await().atMost(AT_MOST).until(() -> ada.transport().peers().stream()
                    .anyMatch(p -> p.peerId().equals(bobId) && p.nick().equals("bob")
                            && p.presence() == dev.parley.model.Presence.HERE));
            say(again, "#lab", "back");
            assertExactlyOnce(ada, "#lab", List.of("three", "back"));
            again.transport().close();
        }
    }

    @Test
    void messagesSentDuringAPeerJoinAreNotLost() {
        // bob joins while ada sends: whatever its subscription missed is repaired or caught up.
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        ada.transport().join("#lab", null);
        List<String> texts = new ArrayList<>(texts("race", 50));
        for (int i = 0; i < texts.size(); i++) {
            if (i == 10) {
                bob.transport().join("#lab", null);
            }
            say(ada, "#lab", texts.get(i));
        }
        assertExactlyOnce(bob, "#lab", texts);
        Set<String> got = new HashSet<>(bob.events().textsIn("#lab"));
        assertTrue(got.containsAll(texts));
    }
}
