package dev.parley.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.transport.irc.IrcTransport;
import dev.parley.transport.irc.IrcTransportConfig;
import dev.parley.transport.irc.ReconnectPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two client services with real IRC transports against an in-process relay on 127.0.0.1. */
class ChatServiceRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private RelayServer relay;
    private SqliteMessageStore store;
    private final List<ChatService> services = new CopyOnWriteArrayList<>();

    /** A session and everything it emits, recorded. */
    private record Session(ChatService service, List<ChatEvent> events) {
        List<String> chat(String room) {
            return events.stream().filter(e -> e instanceof ChatEvent.LineAdded a && a.room().equalsIgnoreCase(room)
                            && a.line().kind().isChat() && !a.line().own())
                    .map(e -> ((ChatEvent.LineAdded) e).line().text()).toList();
        }

        boolean connected() {
            return events.stream().filter(e -> e instanceof ChatEvent.StatusChanged).map(e -> ((ChatEvent.StatusChanged) e).status())
                    .reduce((a, b) -> b).map(ConnectionStatus::connected).orElse(false);
        }

        boolean inRoom(String room) {
            return events.stream().anyMatch(e -> e instanceof ChatEvent.RoomSelected s && s.room().equalsIgnoreCase(room));
        }
    }

    private InetSocketAddress startRelay(int port) throws IOException {
        store = SqliteMessageStore.open(data);
        relay = RelayServer.start(new RelayConfig(new InetSocketAddress("127.0.0.1", port), "parley", "Parley", null,
                List.of(), RelayConfig.loopback().limits(), RelayConfig.loopback().flood()), store);
        return relay.address();
    }

    private void stopRelay() {
        relay.close();
        store.close();
    }

    private Session session(String nick, InetSocketAddress address) {
        List<ChatEvent> events = new CopyOnWriteArrayList<>();
        ChatService service = new ChatService((endpoint, n) -> {
            Endpoint.Relay r = (Endpoint.Relay) endpoint;
            return new IrcTransport(IrcTransportConfig.of(r.host(), r.port(), n)
                    .withReconnect(ReconnectPolicy.defaults().withDelays(Duration.ofMillis(100), Duration.ofMillis(500))));
        }, nick);
        services.add(service);
        service.addListener(events::add, Runnable::run);
        service.connect(new Endpoint.Relay("127.0.0.1", address.getPort()));
        Session session = new Session(service, events);
        await().atMost(WAIT).until(session::connected);
        return session;
    }

    private static void joinAll(String channel, Session... sessions) {
        for (Session session : sessions) {
            session.service().input("/join " + channel);
        }
        await().atMost(WAIT).until(() -> Arrays.stream(sessions).allMatch(session -> session.inRoom(channel)));
    }

    @AfterEach
    void stop() {
        services.forEach(ChatService::close);
        if (relay != null) {
            relay.close();
            store.close();
        }
    }

    @Test
    void twoSessionsChatAndCommandErrorsStayLocal() throws IOException {
        InetSocketAddress address = startRelay(0);
        Session ada = session("ada", address);
        Session bob = session("bob", address);
        joinAll("#lab", ada, bob);
        ada.service().input("hello bob");
        bob.service().input("hi ada");
        await().atMost(WAIT).until(() -> bob.chat("#lab").contains("hello bob") && ada.chat("#lab").contains("hi ada"));
        ada.service().input("/msg bob sync");
        await().atMost(WAIT).until(() -> bob.chat("ada").contains("sync"));
        assertEquals(List.of("hi ada"), ada.chat("#lab"), "each message shown once");
        assertEquals(List.of("hello bob"), bob.chat("#lab"), "each message shown once");
        ada.service().input("/msg bob private");
        await().atMost(WAIT).until(() -> bob.chat("ada").contains("private"));
        assertEquals(List.of("sync", "private"), bob.chat("ada"));
        ada.service().input("/create #lab");
        await().atMost(WAIT).until(() -> ada.events().stream().anyMatch(e -> e instanceof ChatEvent.LineAdded a
                && a.line().text().equals("Room #lab already exists, so cannot be created.")));
        ada.service().input("/part #nowhere");
        await().atMost(WAIT).until(() -> ada.events().stream().anyMatch(e -> e instanceof ChatEvent.LineAdded a
                && a.line().kind() == LineKind.ERROR && a.line().text().contains("#nowhere")));
    }

    @Test
    void disconnectThenConnectToTheSameRelayJoinsTheOpenChannelsAgain() throws IOException {
        InetSocketAddress address = startRelay(0);
        Session ada = session("ada", address);
        Session bob = session("bob", address);
        joinAll("#lab", ada, bob);
        ada.service().input("/disconnect");
        await().atMost(WAIT).until(() -> !ada.connected());
        ada.service().input("typed while away");
        ada.service().input("/connect 127.0.0.1:" + address.getPort());
        await().atMost(WAIT).until(ada::connected);
        ada.service().input("said after /connect");
        await().atMost(WAIT).until(() -> bob.chat("#lab").contains("said after /connect"));
        assertEquals(List.of("typed while away", "said after /connect"), bob.chat("#lab"));
    }

    @Test
    void afterTheRelayRestartsTheOfflineMessageArrivesOnceAndMissedOnesInOrder() throws IOException {
        InetSocketAddress address = startRelay(0);
        Session ada = session("ada", address);
        Session bob = session("bob", address);
        Session cy = session("cy", address);
        joinAll("#lab", ada, bob, cy);
        bob.service().input("before the outage");
        await().atMost(WAIT).until(() -> ada.chat("#lab").contains("before the outage"));

        stopRelay();
        await().atMost(WAIT).until(() -> !ada.connected() && !bob.connected());
        ada.service().input("typed while the relay was down");
        await().atMost(WAIT).until(() -> ada.events().stream()
                .anyMatch(e -> e instanceof ChatEvent.StatusChanged s && s.status().pending() == 1));

        startRelay(address.getPort());
        // cy comes back first and talks while ada may still be reconnecting
        await().atMost(WAIT).until(cy::connected);
        await().atMost(WAIT).until(() -> cy.events().stream().filter(e -> e instanceof ChatEvent.RoomOpened).count() >= 1);
        for (int i = 1; i <= 3; i++) {
            cy.service().input("missed " + i);
        }
        await().atMost(WAIT).until(() -> ada.connected() && bob.connected());
        await().atMost(WAIT).until(() -> bob.chat("#lab").contains("typed while the relay was down"));
        await().atMost(WAIT).until(() -> ada.chat("#lab").containsAll(List.of("missed 1", "missed 2", "missed 3")));
        await().atMost(WAIT).until(() -> ada.service().whenIdle().isDone());

        List<String> seenByAda = ada.chat("#lab");
        assertEquals(1, seenByAda.stream().filter("missed 1"::equals).count(), seenByAda.toString());
        assertTrue(seenByAda.indexOf("missed 1") < seenByAda.indexOf("missed 2")
                && seenByAda.indexOf("missed 2") < seenByAda.indexOf("missed 3"), seenByAda.toString());
        List<String> seenByBob = bob.chat("#lab");
        assertEquals(1, seenByBob.stream().filter("typed while the relay was down"::equals).count(), seenByBob.toString());
    }
}
