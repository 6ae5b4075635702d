package dev.parley.transport.irc;

import static dev.parley.transport.TransportState.Phase.CONNECTED;
import static dev.parley.transport.TransportState.Phase.CONNECTING;
import static dev.parley.transport.TransportState.Phase.OFFLINE;
import static dev.parley.transport.TransportState.Phase.RECONNECTING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.InMemoryMessageStore;
import dev.parley.storage.MessageStore;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.irc.Peers.Peer;
import dev.parley.transport.irc.RecordingListener.Away;
import dev.parley.transport.irc.RecordingListener.ChannelList;
import dev.parley.transport.irc.RecordingListener.Error;
import dev.parley.transport.irc.RecordingListener.History;
import dev.parley.transport.irc.RecordingListener.Info;
import dev.parley.transport.irc.RecordingListener.Joined;
import dev.parley.transport.irc.RecordingListener.Kicked;
import dev.parley.transport.irc.RecordingListener.Members;
import dev.parley.transport.irc.RecordingListener.Message;
import dev.parley.transport.irc.RecordingListener.NickChanged;
import dev.parley.transport.irc.RecordingListener.Parted;
import dev.parley.transport.irc.RecordingListener.Quit;
import dev.parley.transport.irc.RecordingListener.Registered;
import dev.parley.transport.irc.RecordingListener.SendFailed;
import dev.parley.transport.irc.RecordingListener.Sent;
import dev.parley.transport.irc.RecordingListener.Topic;
import dev.parley.testsupport.IrcTestClient;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.transport.TransportState;
import dev.parley.transport.TransportState.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IrcTransport against the embedded Parley relay, over real sockets on 127.0.0.1. */
class IrcTransportRelayTest {

    private final Peers peers = new Peers();
    private final List<IrcTestClient> raw = new ArrayList<>();
    private RelayServer relay;
    private MessageStore store;
    private int port;

    @BeforeEach
    void startRelay() throws IOException {
        startRelay(RelayConfig.loopback());
    }

    private void startRelay(RelayConfig config) throws IOException {
        if (relay != null) {
            relay.close();
            store.close();
        }
        store = new InMemoryMessageStore();
        relay = RelayServer.start(config, store);
        port = relay.address().getPort();
    }

    @AfterEach
    void stop() throws IOException {
        peers.close();
        for (IrcTestClient client : raw) {
            client.close();
        }
        relay.close();
        store.close();
    }

    private Peer connected(String nick) {
        return peers.connected(Peers.config(port, nick));
    }

    /** ada and bob, connected, both in {@code channel}. */
    private List<Peer> adaAndBobIn(String channel) {
        Peer ada = connected("ada");
        Peer bob = connected("bob");
        ada.joinAndWait(channel);
        bob.joinAndWait(channel);
        return List.of(ada, bob);
    }

    private IrcTestClient rawUser(String nick) throws IOException {
        IrcTestClient client = IrcTestClient.registered(relay.address(), nick);
        raw.add(client);
        return client;
    }

    @Test
    void registersWithTheCapabilitiesTheRelayOffers() {
        Peer ada = connected("ada");

        assertEquals("ada", ada.events().await(Registered.class, r -> true).nick());
        assertEquals(List.of(CONNECTING, CONNECTED), ada.events().phases());
        assertTrue(ada.transport().capabilities().containsAll(CapNegotiation.WANTED), ada.transport().capabilities().toString());
        ada.events().await(Info.class, i -> i.target() == null && i.text().equals("Welcome to Parley."));
        assertEquals("127.0.0.1:" + port, ada.transport().endpoint());
    }

    @Test
    void twoTransportsChatInAChannelAndByDirectMessage() {
        List<Peer> both = adaAndBobIn("#lab");
        Peer ada = both.get(0);
        Peer bob = both.get(1);
        ada.events().await(Joined.class, j -> j.channel().equals("#lab") && j.nick().equals("bob"));

        String hello = ada.say("#lab", "hello bob");
        ChatMessage received = bob.events().awaitMessage("hello bob").message();
        assertEquals("#lab", received.target());
        assertEquals("ada", received.sender());
        assertEquals("ada!~ada@127.0.0.1", received.origin());
        assertFalse(received.id().startsWith("local-"), received.id());
        ChatMessage stored = ada.events().awaitSent(hello).stored();
        assertEquals(received.id(), stored.id(), "the sender learns the id the others see");
        assertEquals(received.time(), stored.time());
        assertEquals("hello bob", stored.text());

        String dm = bob.say("ada", "psst, ada");
        ChatMessage direct = ada.events().awaitMessage("psst, ada").message();
        assertEquals("ada", direct.target(), "a direct message we receive has our nick as target");
        assertEquals("bob", direct.sender());
        assertEquals("ada", bob.events().awaitSent(dm).stored().target());

        ada.say("#lab", "\u0001ACTION waves\u0001");
        bob.events().awaitMessage("\u0001ACTION waves\u0001");
        assertTrue(ada.events().all(Message.class).stream().noneMatch(m -> m.message().sender().equals("ada")),
                "our own messages come back as sent, not as message");
    }

    @Test
    void ownMessagesAreConfirmedOneByOneByTheirLabels() {
        List<Peer> both = adaAndBobIn("#lab");
        Peer ada = both.get(0);
        Peer bob = both.get(1);
        List<String> ids = IntStream.rangeClosed(1, 8).mapToObj(i -> ada.say(i % 2 == 0 ? "#lab" : "bob", "n" + i)).toList();

        for (int i = 0; i < ids.size(); i++) {
            Sent sent = ada.events().awaitSent(ids.get(i));
            String text = "n" + (i + 1);
            assertEquals(text, sent.stored().text());
            assertEquals(bob.events().awaitMessage(text).message().id(), sent.stored().id());
        }
        String lost = ada.say("nobody", "anyone?");
        assertEquals("No such nick: nobody", ada.events().await(SendFailed.class, f -> f.localId().equals(lost)).reason());
        assertTrue(ada.events().all(Error.class).isEmpty(), "a failed send is reported once, as sendFailed");
    }

    @Test
    void linesWrittenBeforeAQuitAreConfirmedNotCalledUnsent() {
        List<Peer> both = adaAndBobIn("#lab");
        Peer ada = both.get(0);
        Peer bob = both.get(1);
        List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> ada.say("#lab", "last " + i)).toList();
        ada.transport().quit("off");
        for (String id : ids) {
            ada.events().awaitSent(id);
        }
        bob.events().awaitMessage("last 5");
        assertEquals("quit", ada.events().awaitPhase(OFFLINE).state().detail());
        assertTrue(ada.events().all(SendFailed.class).isEmpty(), ada.events().all(SendFailed.class).toString());
    }

    @Test
    void eachAnswerToAwayCarriesTheMessageItAnswers() {
        Peer ada = connected("ada");
        ada.transport().setAway("lunch");
        ada.transport().setAway(null); // before the server's answer to the first
        ada.transport().setAway("meeting");
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            seen.clear();
            ada.events().all(Away.class).stream().filter(a -> a.nick().equals("ada")).forEach(a -> seen.add(String.valueOf(a.message())));
            return seen.size() >= 3;
        });
        assertEquals(List.of("lunch", "null", "meeting"), seen);
    }

    @Test
    void channelEventsReachEveryone() throws IOException {
        IrcTestClient op = rawUser("op");
        op.send("JOIN #ev");
        op.await(" 366 op #ev ");
        op.send("TOPIC #ev :Plans for today");
        op.await("TOPIC #ev");
        Peer ada = connected("ada");
        Peer bob = connected("bob");
        ada.joinAndWait("#ev");
        bob.joinAndWait("#ev");

        Topic topic = bob.events().await(Topic.class, t -> t.channel().equals("#ev"));
        assertFalse(topic.changedNow());
        assertEquals("Plans for today", topic.topic().text());
        assertEquals("op", topic.topic().setBy());
        Members members = bob.events().await(Members.class, m -> m.channel().equals("#ev"));
        assertEquals(List.of(new Member("op", true, Presence.HERE), new Member("ada", false, Presence.HERE),
                new Member("bob", false, Presence.HERE)), members.members());
        ada.events().await(Joined.class, j -> j.nick().equals("bob"));

        ada.transport().setTopic("#ev", "New plans");
        ada.events().await(Error.class, e -> e.target().equals("#ev") && e.text().equals("You are not a channel operator in #ev"));
        op.send("MODE #ev +o ada");
        ada.events().await(Members.class, m -> m.member("ada").map(Member::op).orElse(false));
        ada.events().await(Info.class, i -> "#ev".equals(i.target()) && i.text().equals("op sets mode +o ada"));
        ada.transport().setTopic("#ev", "New plans");
        Topic changed = bob.events().await(Topic.class, t -> t.changedNow());
        assertEquals(new ChannelTopic("#ev", "New plans", "ada", changed.topic().setAt()), changed.topic());

        bob.transport().setAway("lunch");
        ada.events().await(Away.class, a -> a.nick().equals("bob") && "lunch".equals(a.message()));
        bob.events().await(Away.class, a -> a.nick().equals("bob") && "lunch".equals(a.message()));

        bob.transport().changeNick("bobby");
        ada.events().await(NickChanged.class, n -> n.oldNick().equals("bob") && n.newNick().equals("bobby"));
        bob.events().await(NickChanged.class, n -> n.oldNick().equals("bob") && n.newNick().equals("bobby"));

        op.send("KICK #ev bobby :enough");
        Kicked kicked = ada.events().await(Kicked.class, k -> true);
        assertEquals(new Kicked("#ev", "bobby", "op", "enough"), kicked);
        bob.events().await(Kicked.class, k -> k.nick().equals("bobby"));

        Peer carol = connected("carol");
        carol.joinAndWait("#ev");
        carol.transport().part("#ev", "later");
        assertEquals(new Parted("#ev", "carol", "later"), ada.events().await(Parted.class, p -> true));
        carol.joinAndWait("#ev");
        carol.transport().quit("bye");
        assertEquals(new Quit("carol", "Quit: bye"), ada.events().await(Quit.class, q -> true));
        carol.events().awaitPhase(OFFLINE);
    }

    @Test
    void listsChannelsAndAnswersWho() {
        List<Peer> both = adaAndBobIn("#lab");
        Peer ada = both.get(0);
        Peer bob = both.get(1);
        ada.transport().setTopic("#lab", "Robots");
        ada.events().await(Topic.class, t -> t.changedNow());

        bob.transport().requestChannelList();
        ChannelList list = bob.events().await(ChannelList.class, l -> true);
        assertEquals(List.of(new ChannelSummary("#lab", 2, "Robots")), list.channels());

        bob.transport().requestWho("#lab");
        bob.events().await(Info.class, i -> "#lab".equals(i.target()) && i.text().equals("ada (~ada@127.0.0.1) ada [op]"));
        bob.events().await(Info.class, i -> "#lab".equals(i.target()) && i.text().equals("End of WHO #lab"));

        bob.transport().requestWho("ada");
        bob.events().await(Info.class, i -> i.target() == null && i.text().equals("ada is ~ada@127.0.0.1 (ada)"));
        bob.events().await(Info.class, i -> i.target() == null && i.text().equals("ada is in @#lab"));
        bob.events().await(Info.class, i -> i.target() == null && i.text().equals("End of WHOIS ada"));

        bob.transport().requestWho("nobody");
        bob.events().await(Error.class, e -> "nobody".equals(e.target()) && e.text().equals("No such nick: nobody"));
    }

    @Test
    void fetchesLatestAndOlderHistory() {
        Peer ada = connected("ada");
        ada.joinAndWait("#hist");
        List<ChatMessage> stored = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stored.add(ada.events().awaitSent(ada.say("#hist", "h" + i)).stored());
        }
        Peer bob = connected("bob");
        bob.joinAndWait("#hist");

        bob.transport().requestHistory(HistoryRequest.latest("#hist", 3));
        History latest = bob.events().await(History.class, h -> true);
        assertEquals(List.of("h3", "h4", "h5"), latest.texts());
        assertTrue(latest.older());
        assertEquals(stored.subList(2, 5).stream().map(ChatMessage::id).toList(),
                latest.messages().stream().map(ChatMessage::id).toList());

        bob.transport().requestHistory(HistoryRequest.before("#hist", latest.messages().getFirst().id(), 10));
        History before = bob.events().awaitCount(History.class, h -> true, 2).get(1);
        assertEquals(List.of("h1", "h2"), before.texts());

        bob.transport().requestHistory(HistoryRequest.after("#hist", stored.getFirst().id(), 2));
        History after = bob.events().awaitCount(History.class, h -> true, 3).get(2);
        assertEquals(List.of("h2", "h3"), after.texts());
        assertFalse(after.older());
        assertTrue(bob.events().all(Message.class).isEmpty(), "history is not live traffic");
    }

    @Test
    void aTakenNickGetsAVariant() {
        connected("ada");
        Peer second = connected("ada");

        second.events().await(Info.class, i -> i.target() == null && i.text().equals("Nick ada is taken; using ada_"));
        assertEquals("ada_", second.events().await(Registered.class, r -> true).nick());
    }

    @Test
    void aWrongPasswordGoesOfflineWithoutRetrying() throws IOException {
        startRelay(RelayConfig.loopback().withPassword("sesame"));
        Peer wrong = peers.start(Peers.config(port, "ada").withPassword("guess"));

        wrong.events().await(Error.class, e -> e.text().equals("The server refused the password"));
        assertEquals("wrong server password", wrong.events().awaitPhase(OFFLINE).state().detail());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> !wrong.events().phases().contains(RECONNECTING));

        Peer right = peers.connected(Peers.config(port, "bob").withPassword("sesame"));
        assertEquals("bob", right.events().await(Registered.class, r -> true).nick());
    }

    @Test
    void splitsALongMessageIntoLinesThatFit() {
        Peer ada = connected("ada");
        Peer bob = connected("bob");
        ada.joinAndWait("#long");
        bob.joinAndWait("#long");
        String text = String.join(" ", IntStream.range(0, 260).mapToObj(i -> i % 3 == 0 ? "wörd" + i : i % 3 == 1 ? "✓✓" : "😀x").toList());
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length > 1500);

        String id = ada.say("#long", text);
        ChatMessage stored = ada.events().awaitSent(id).stored();

        assertEquals(text, stored.text());
        List<Message> parts = bob.events().all(Message.class);
        assertTrue(parts.size() >= 4, "parts: " + parts.size());
        for (Message part : parts) {
            String line = ":" + part.message().origin() + " PRIVMSG #long :" + part.text();
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 510, line);
        }
        assertEquals(text, String.join(" ", parts.stream().map(Message::text).toList()));
        assertEquals(parts.getLast().message().id(), stored.id(), "sent carries the id of the last part");
        assertEquals(1, ada.events().all(Sent.class).size());
    }

    @Test
    void reconnectsByItselfAndRejoins() throws IOException {
        Peer ada = connected("ada");
        ada.joinAndWait("#auto");
        RelayConfig sameAddress = onAddressOf(relay);

        relay.close();
        TransportState reconnecting = ada.events().awaitPhase(RECONNECTING).state();
        assertTrue(reconnecting.retryIn().isPositive(), reconnecting.toString());
        assertTrue(reconnecting.detail().contains("Server shutting down"), reconnecting.toString());
        relay = RelayServer.start(sameAddress, store);

        ada.events().awaitCount(Joined.class, j -> j.channel().equals("#auto") && j.nick().equals("ada"), 2);
        List<Phase> phases = ada.events().phases();
        assertEquals(CONNECTED, phases.getLast());
        assertTrue(phases.indexOf(CONNECTED) < phases.indexOf(RECONNECTING), phases.toString());
        assertEquals(2, ada.events().all(Registered.class).size());
        IrcTestClient carol = rawUser("carol");
        carol.send("JOIN #auto");
        carol.await(" 353 carol = #auto :.*ada");
        carol.send("PRIVMSG #auto :welcome back");
        ada.events().awaitMessage("welcome back");
    }

    @Test
    void aReconnectDeliversWhatWasMissedOnceAndInOrder(@TempDir Path data) throws IOException {
        relay.close();
        store.close();
        store = SqliteMessageStore.open(data);
        relay = RelayServer.start(RelayConfig.loopback(), store);
        port = relay.address().getPort();
        RelayConfig sameAddress = onAddressOf(relay);

        Peer ada = peers.connected(Peers.config(port, "ada").withReconnect(Peers.MANUAL));
        ada.joinAndWait("#c");
        IrcTestClient bob = rawUser("bob");
        bob.send("JOIN #c");
        for (int i = 1; i <= 3; i++) {
            bob.send("PRIVMSG #c :m" + i);
        }
        ada.events().awaitMessage("m3");

        relay.close();
        store.close();
        ada.events().awaitPhase(RECONNECTING);
        String offline = ada.say("#c", "typed while offline");
        assertEquals("not connected", ada.events().await(SendFailed.class, f -> f.localId().equals(offline)).reason());

        store = SqliteMessageStore.open(data);
        relay = RelayServer.start(sameAddress, store);
        IrcTestClient bob2 = rawUser("bob2");
        bob2.send("JOIN #c");
        for (int i = 4; i <= 6; i++) {
            bob2.send("PRIVMSG #c :m" + i);
        }
        bob2.sync();

        ada.transport().reconnectNow();
        bob2.await(":ada!\\S+ JOIN #c");
        bob2.send("PRIVMSG #c :m7");
        ada.events().awaitMessage("m7");
        String after = ada.say("#c", "back again");
        ada.events().awaitSent(after);

        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7"), ada.events().messageTexts());
        List<String> ids = ada.events().all(Message.class).stream().map(m -> m.message().id()).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no id twice");
        assertNotEquals(-1, ada.events().phases().indexOf(RECONNECTING));
    }

    /** The config a relay was started with, but on the address it got: to start it again on the same port. */
    private static RelayConfig onAddressOf(RelayServer server) {
        RelayConfig config = server.config();
        return new RelayConfig(server.address(), config.serverName(), config.networkName(), config.password(),
                config.motd(), config.limits(), config.flood());
    }
}
