package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.MeshTestNet.AT_MOST;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.TransportFactory;
import dev.parley.client.i18n.ClientTexts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client service drives the mesh like any transport: it slots in with no change to the client. */
@Timeout(60)
class MeshChatServiceTest {

    private final MeshTestNet net = new MeshTestNet();
    private final TransportFactory mesh = (endpoint, nick) -> new MeshTransport(net.config(nick));
    private final List<ChatService> services = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() {
        services.forEach(ChatService::close);
    }

    private ChatService service(String nick, List<ChatEvent> events) {
        return service(nick, ClientTexts.english(), events);
    }

    private ChatService service(String nick, ClientTexts texts, List<ChatEvent> events) {
        ChatService service = new ChatService(mesh, nick, texts);
        service.addListener(events::add, Runnable::run);
        services.add(service);
        service.connect(new Endpoint.Mesh());
        return service;
    }

    private static boolean line(List<ChatEvent> events, String room, String text) {
        return lineMatching(events, room, Pattern.quote(text));
    }

    private static boolean lineMatching(List<ChatEvent> events, String room, String regex) {
        return events.stream().anyMatch(e -> e instanceof ChatEvent.LineAdded added && added.room().equalsIgnoreCase(room)
                && added.line().text().matches(regex));
    }

    @Test
    void twoClientsTalkOverTheMesh() {
        List<ChatEvent> adaEvents = new CopyOnWriteArrayList<>();
        List<ChatEvent> bobEvents = new CopyOnWriteArrayList<>();
        ChatService ada = service("ada", adaEvents);
        ChatService bob = service("bob", bobEvents);
        await().atMost(AT_MOST).until(() -> line(adaEvents, ChatEvent.SERVER_ROOM, "Connected to LAN mesh as ada."));
        ada.input("/join #lab");
        // Bob joins once ada is in #lab: had bob's presence shown him there first, ada would find
        // him in the member list on joining, as IRC's NAMES does, and see no join line.
        await().atMost(AT_MOST).until(() -> adaEvents.contains(new ChatEvent.RoomSelected("#lab")));
        bob.input("/join #lab");
        await().atMost(AT_MOST).until(() -> line(adaEvents, "#lab", "bob has joined"));
        bob.input("hi ada");
        ada.input("/msg bob a word in private");
        await().atMost(AT_MOST).until(() -> line(adaEvents, "#lab", "hi ada"));
        await().atMost(AT_MOST).until(() -> line(bobEvents, "ada", "a word in private"));
        await().atMost(AT_MOST).until(() -> adaEvents.stream().anyMatch(e -> e instanceof ChatEvent.LineConfirmed c
                && c.line().text().equals("a word in private")));
        ada.whenIdle().join();
        bob.input("/quit");
        await().atMost(AT_MOST).until(() -> line(adaEvents, "#lab", "bob has quit"));
        assertTrue(bobEvents.stream().anyMatch(ChatEvent.Closed.class::isInstance));
    }

    @Test
    void theMeshSpeaksTheClientsLanguage() {
        List<ChatEvent> adaEvents = new CopyOnWriteArrayList<>();
        List<ChatEvent> bobEvents = new CopyOnWriteArrayList<>();
        ChatService ada = service("ada", ClientTexts.forLocale(Locale.of("sv")), adaEvents);
        service("bob", bobEvents);
        await().atMost(AT_MOST).until(() -> lineMatching(adaEvents, ChatEvent.SERVER_ROOM,
                "Lyssnar efter andra datorer på TCP-port (\\d+) \\(andra når den här datorn med /connect <dess adress>:\\1\\)"));
        ada.input("/who nobody");
        ada.input("/away lunch");
        await().atMost(AT_MOST).until(() -> line(adaEvents, ChatEvent.SERVER_ROOM, "Inget sådant smeknamn: nobody"));
        await().atMost(AT_MOST).until(() -> line(adaEvents, ChatEvent.SERVER_ROOM, "Du är markerad som borta: lunch"));
        ada.input("/who ada");
        await().atMost(AT_MOST).until(() -> lineMatching(adaEvents, ChatEvent.SERVER_ROOM, "ada är du \\(dator .+\\), i ingen kanal"));
        ada.input("/join #lab");
        await().atMost(AT_MOST).until(() -> adaEvents.contains(new ChatEvent.RoomSelected("#lab")));
        ada.input("/who #lab");
        await().atMost(AT_MOST).until(() -> line(adaEvents, "#lab", "ada i #lab: borta"));
        // The same mesh line stays English for an English client.
        await().atMost(AT_MOST).until(() -> lineMatching(bobEvents, ChatEvent.SERVER_ROOM, "Listening for peers on TCP port \\d+ .*"));
    }

    @Test
    void connectingToAnAddressWhereNoPeerIsSaysSo() throws IOException {
        List<ChatEvent> adaEvents = new CopyOnWriteArrayList<>();
        ChatService ada = service("ada", adaEvents);
        await().atMost(AT_MOST).until(() -> line(adaEvents, ChatEvent.SERVER_ROOM, "Connected to LAN mesh as ada."));
        // Not a name (no lookup leaves this machine): refused, no stack trace.
        ada.input("/connect [::zz]:5000");
        await().atMost(AT_MOST).until(() -> lineMatching(adaEvents, ChatEvent.SERVER_ROOM,
                "Cannot connect to \\[::zz\\]:5000: no host named '::zz' was found\\."));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ada.input("/connect 127.0.0.1:" + closed);
        await().atMost(AT_MOST).until(() -> line(adaEvents, ChatEvent.SERVER_ROOM, "Connecting to the peer at 127.0.0.1:" + closed + "..."));
        await().atMost(AT_MOST).until(() -> lineMatching(adaEvents, ChatEvent.SERVER_ROOM,
                "No Parley peer has answered at 127\\.0\\.0\\.1:" + closed + " in 1 s; still trying\\..*"));
    }

    @Test
    void aChannelKeyIsNotUsedAndTheUserIsTold() {
        List<ChatEvent> adaEvents = new CopyOnWriteArrayList<>();
        ChatService ada = service("ada", adaEvents);
        await().atMost(AT_MOST).until(() -> line(adaEvents, ChatEvent.SERVER_ROOM, "Connected to LAN mesh as ada."));
        ada.input("/join #keyed secret");
        await().atMost(AT_MOST).until(() -> line(adaEvents, "#keyed",
                "The mesh has no channel keys: #keyed is open to every peer that joins it."));
    }
}
