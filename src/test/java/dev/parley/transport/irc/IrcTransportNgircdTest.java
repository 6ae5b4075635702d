package dev.parley.transport.irc;

import static dev.parley.transport.TransportState.Phase.RECONNECTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.irc.Peers.Peer;
import dev.parley.transport.irc.RecordingListener.History;
import dev.parley.transport.irc.RecordingListener.Info;
import dev.parley.transport.irc.RecordingListener.Members;
import dev.parley.transport.irc.RecordingListener.Message;
import dev.parley.transport.irc.RecordingListener.Registered;
import dev.parley.transport.irc.RecordingListener.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IrcTransport against a real, non-Parley IRC server: ngircd, which speaks RFC 2812 and offers
 * only the multi-prefix capability (no server-time, msgid, echo-message, batch or chathistory).
 * Skipped, saying why, only when ngircd is not installed.
 */
class IrcTransportNgircdTest {

    private final Peers peers = new Peers();
    private NgircdProcess ngircd;

    @BeforeEach
    void startNgircd(@TempDir Path dir) throws IOException {
        Path binary = NgircdProcess.binary().orElse(null);
        assumeTrue(binary != null, "ngircd is not installed: apt-get install ngircd to run the ngircd tests");
        ngircd = NgircdProcess.start(binary, dir);
    }

    @AfterEach
    void stop() {
        peers.close();
        if (ngircd != null) {
            ngircd.close();
        }
    }

    private Peer connected(String nick) {
        return peers.connected(Peers.config(ngircd.port(), nick));
    }

    @Test
    void registersWithoutIrcv3AndChatsInAChannelAndDirectly() {
        Peer ada = connected("ada");
        Peer bob = connected("bob");
        assertEquals(Set.of("multi-prefix"), ada.transport().capabilities());
        ada.events().await(Info.class, i -> i.text().equals("Hello from ngircd"));

        ada.joinAndWait("#plain");
        bob.joinAndWait("#plain");
        Members members = bob.events().await(Members.class, m -> m.channel().equals("#plain"));
        assertEquals(Set.of(new Member("ada", true, Presence.HERE), new Member("bob", false, Presence.HERE)),
                Set.copyOf(members.members()));

        String hello = ada.say("#plain", "hello from ada");
        ChatMessage received = bob.events().awaitMessage("hello from ada").message();
        assertEquals("#plain", received.target());
        assertEquals("ada", received.sender());
        assertTrue(received.id().startsWith("local-"), "ngircd has no msgid: " + received.id());
        assertEquals(hello, ada.events().awaitSent(hello).stored().id(), "no echo-message: confirmed at once with the local id");

        bob.say("ada", "psst");
        ChatMessage direct = ada.events().awaitMessage("psst").message();
        assertEquals("ada", direct.target());
        assertEquals("bob", direct.sender());
    }

    @Test
    void topicsReachMembersAndLateComers() {
        Peer ada = connected("ada");
        Peer bob = connected("bob");
        ada.joinAndWait("#topic");
        bob.joinAndWait("#topic");

        ada.transport().setTopic("#topic", "Set on ngircd");
        Topic changed = bob.events().await(Topic.class, t -> t.changedNow());
        assertEquals("Set on ngircd", changed.topic().text());
        assertEquals("ada", changed.topic().setBy());

        Peer carol = connected("carol");
        carol.joinAndWait("#topic");
        Topic onJoin = carol.events().await(Topic.class, t -> t.channel().equals("#topic"));
        assertFalse(onJoin.changedNow());
        assertEquals("Set on ngircd", onJoin.topic().text());
        assertEquals("ada", onJoin.topic().setBy());
    }

    @Test
    void historyDegradesGracefully() {
        Peer ada = connected("ada");
        ada.joinAndWait("#nohist");

        ada.transport().requestHistory(HistoryRequest.latest("#nohist", 20));
        History history = ada.events().await(History.class, h -> true);
        assertEquals(List.of(), history.messages());
        ada.events().await(Info.class, i -> "#nohist".equals(i.target()) && i.text().equals("This server keeps no history"));
    }

    @Test
    void aLongMessageArrivesInPartsWithoutTheServerDroppingUs() {
        Peer ada = connected("ada");
        Peer bob = connected("bob");
        ada.joinAndWait("#long");
        bob.joinAndWait("#long");
        String text = String.join(" ", IntStream.range(0, 200).mapToObj(i -> "wörd" + i).toList());
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length > 1000);

        ada.events().awaitSent(ada.say("#long", text));
        bob.events().await(Message.class, m -> m.text().endsWith("wörd199"));

        assertEquals(text, String.join(" ", bob.events().messageTexts()));
        assertFalse(ada.events().phases().contains(RECONNECTING), "ngircd drops clients that send lines over 512 bytes");
    }

    @Test
    void aTakenNickGetsAVariant() {
        connected("ada");
        Peer second = connected("ada");
        assertEquals("ada_", second.events().await(Registered.class, r -> true).nick());
        second.events().await(Info.class, i -> i.text().equals("Nick ada is taken; using ada_"));
    }
}
