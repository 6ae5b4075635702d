package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.MeshTestNet.AT_MOST;
import static dev.parley.transport.mesh.MeshTestNet.say;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.Presence;
import dev.parley.transport.TransportState;
import dev.parley.transport.mesh.MeshTestNet.Node;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Three peers in one JVM on loopback: discovery by beacon, channel chat, direct messages, presence. */
@Timeout(60)
class MeshChatTest {

    private final MeshTestNet net = new MeshTestNet();

    @AfterEach
    void closeAll() {
        net.close();
    }

    @Test
    void peersFindEachOtherByBeaconAndChatInAChannel() {
        long started = System.nanoTime();
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        Node cyd = net.start("cyd");
        net.awaitFullTable(ada, bob, cyd);
        Duration discovery = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(discovery.compareTo(Duration.ofSeconds(3)) < 0, "discovery took " + discovery);
        assertEquals(Set.of("bob", "cyd"), ada.transport().peers().stream().map(MeshPeer::nick).collect(Collectors.toSet()));
        assertEquals("LAN mesh", ada.transport().endpoint());
        assertEquals(List.of(TransportState.Phase.CONNECTING, TransportState.Phase.CONNECTED), ada.events().phases());

        net.joinAll("#lab", ada, bob, cyd);
        say(ada, "#lab", "hello from ada");
        say(bob, "#lab", "hello from bob");
        await().atMost(AT_MOST).until(() -> cyd.events().textsIn("#lab").size() == 2);
        await().atMost(AT_MOST).until(() -> ada.events().textsIn("#lab").equals(List.of("hello from bob")));
        await().atMost(AT_MOST).until(() -> bob.events().textsIn("#lab").equals(List.of("hello from ada")));
        assertEquals(Set.of("hello from ada", "hello from bob"), Set.copyOf(cyd.events().textsIn("#lab")));
        assertEquals("ada", cyd.events().messages().stream().filter(m -> m.text().equals("hello from ada"))
                .findFirst().orElseThrow().sender());
        await().atMost(AT_MOST).until(() -> ada.events().sent().size() == 1);
        assertEquals("hello from ada", ada.events().sent().getFirst().text());
        assertTrue(ada.events().lines().contains("sent l-hello from ada #lab hello from ada"));

        // Own history is in the own store: the client's history request reads it back.
        ada.transport().requestHistory(dev.parley.transport.HistoryRequest.latest("#lab", 10));
        await().atMost(AT_MOST).until(() -> ada.events().history().size() == 2);

        ada.transport().requestMembers("#lab");
        await().atMost(AT_MOST).until(() -> ada.events().members("#lab").size() == 3);
        assertEquals(List.of("ada", "bob", "cyd"), ada.events().members("#lab").stream().map(m -> m.nick()).toList());

        ada.transport().requestChannelList();
        await().atMost(AT_MOST).until(() -> ada.events().channelList() != null);
        assertEquals("#lab", ada.events().channelList().getFirst().name());
        assertEquals(3, ada.events().channelList().getFirst().users());
    }

    @Test
    void directMessagesReachOnlyTheirRecipient() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        Node cyd = net.start("cyd");
        net.awaitFullTable(ada, bob, cyd);

        say(ada, "bob", "psst bob");
        await().atMost(AT_MOST).until(() -> bob.events().messages().size() == 1);
        assertEquals("ada", bob.events().messages().getFirst().sender());
        assertEquals("bob", bob.events().messages().getFirst().target());
        await().atMost(AT_MOST).until(() -> ada.events().sent().size() == 1);

        say(ada, "nobody", "hello?");
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("sendFailed l-hello? mesh.noSuchNick nobody"));
        say(ada, "#nowhere", "anyone?");
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("sendFailed l-anyone? mesh.notInChannel #nowhere"));
        // cyd subscribes to its own direct topic only: it never saw bob's message.
        assertEquals(List.of(), cyd.events().messages());
    }

    @Test
    void joinsPartsAwayAndTopicsShowInTheChannel() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        ada.transport().join("#lab", null);
        bob.transport().join("#Lab", null);
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("joined #lab bob"));

        bob.transport().setAway("lunch");
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("away bob lunch"));
        bob.transport().setTopic("#lab", "plans for friday");
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("topic #lab plans for friday now"));
        bob.transport().part("#lab", "bye now");
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("parted #lab bob bye now"));
        assertTrue(bob.events().lines().contains("parted #Lab bob bye now"));
    }

    @Test
    void aKilledPeerTurnsUnreachableThenGone() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        Node cyd = net.start("cyd");
        net.awaitFullTable(ada, bob, cyd);
        net.joinAll("#lab", ada, bob, cyd);

        cyd.transport().close(); // no goodbye
        await().atMost(AT_MOST).until(() -> ada.events().members("#lab").stream()
                .anyMatch(m -> m.nick().equals("cyd") && m.presence() == Presence.UNREACHABLE));
        // The mesh's own reason, in whole seconds: QUICK's 2.5 s rounded up.
        await().atMost(AT_MOST).until(() -> ada.events().lines().contains("quit cyd mesh.gone 3"));
        await().atMost(AT_MOST).until(() -> bob.events().lines().contains("quit cyd mesh.gone 3"));
        assertEquals(List.of("bob"), ada.transport().peers().stream().map(MeshPeer::nick).toList());
        assertEquals(TransportState.Phase.OFFLINE, cyd.events().phases().getLast());
    }

    @Test
    void aPortInUseEndsOfflineWithTheReason() {
        Node ada = net.start("ada");
        Node bob = net.start(net.config("bob").withBind("127.0.0.1", ada.transport().pubPort(), 0));
        await().atMost(AT_MOST).until(() -> !bob.events().lines("state OFFLINE LAN mesh cannot listen on 127.0.0.1").isEmpty());
        bob.transport().join("#lab", null);
        bob.transport().close();
        assertEquals(List.of(TransportState.Phase.CONNECTING, TransportState.Phase.OFFLINE), bob.events().phases());
    }

    @Test
    void aQuitIsSeenAtOnce() {
        Node ada = net.start("ada");
        Node bob = net.start("bob");
        net.awaitFullTable(ada, bob);
        net.joinAll("#lab", ada, bob);
        bob.transport().quit("see you");
        await().atMost(Duration.ofMillis(1000)).until(() -> ada.events().lines().contains("quit bob see you"));
    }
}
