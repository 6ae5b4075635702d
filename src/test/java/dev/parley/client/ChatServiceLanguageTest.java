package dev.parley.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.i18n.ClientTexts;
import dev.parley.transport.TransportNote;
import dev.parley.transport.TransportState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The lines the service writes itself follow its language; the constructors without one stay English. */
class ChatServiceLanguageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private final List<ChatEvent> events = new ArrayList<>();
    private final List<FakeTransport> transports = new ArrayList<>();

    private ChatService service(ClientTexts texts) {
        TransportFactory factory = FakeTransport.into(transports);
        ChatService service = texts == null ? new ChatService(factory, "ada", CLOCK, Runnable::run)
                : new ChatService(factory, "ada", texts, CLOCK, Runnable::run);
        service.addListener(events::add, Runnable::run);
        return service;
    }

    private FakeTransport connect(ChatService service, Endpoint endpoint, String shownAs) {
        service.connect(endpoint);
        FakeTransport net = transports.getLast();
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTING, shownAs));
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, shownAs));
        net.listener.registered("ada");
        return net;
    }

    private List<String> lineTexts(String room) {
        return events.stream().filter(e -> e instanceof ChatEvent.LineAdded added && added.room().equals(room))
                .map(e -> ((ChatEvent.LineAdded) e).line().text()).toList();
    }

    private ConnectionStatus lastStatus() {
        return events.stream().filter(ChatEvent.StatusChanged.class::isInstance).map(ChatEvent.StatusChanged.class::cast)
                .toList().getLast().status();
    }

    @Test
    void aSwedishServiceWritesItsOwnLinesInSwedish() {
        ChatService service = service(ClientTexts.forLocale(Locale.of("sv")));
        FakeTransport net = connect(service, new Endpoint.Relay("fake", 6667), "fake:6667");
        service.input("hallå?");
        service.input("/join #lab");
        net.listener.joined("#lab", "ada");
        net.listener.joined("#lab", "bob");
        net.listener.parted("#lab", "bob", "hej då");
        service.input("/frob");

        assertEquals(List.of("Ansluter till fake:6667…", "Ansluten till fake:6667 som ada.",
                        "Du är inte med i någon kanal. Gå med i en kanal innan du skickar meddelanden."),
                lineTexts(ChatEvent.SERVER_ROOM));
        assertEquals(List.of("bob har gått med", "bob har lämnat kanalen (hej då)",
                "/frob är inget giltigt kommando. Skriv /help för att se alla."), lineTexts("#lab"));
    }

    @Test
    void aTransportsNotesAreWordedInTheServicesLanguage() {
        ChatService service = service(ClientTexts.forLocale(Locale.of("sv")));
        FakeTransport net = connect(service, new Endpoint.Mesh(), "LAN mesh");
        service.input("/join #lab");
        net.listener.joined("#lab", "ada");
        net.listener.joined("#lab", "bob");
        net.listener.info("#lab", new TransportNote("mesh.who.member", List.of("bob", "#lab",
                new TransportNote("mesh.state.away", List.of()))));
        net.listener.error(null, new TransportNote("mesh.nickInUse", List.of("bob")));
        service.input("hej");
        net.listener.sendFailed(net.sent.getLast().localId(), new TransportNote("mesh.textTooLong", List.of(20000, 16384)));
        net.listener.quit("bob", new TransportNote("mesh.gone", List.of(30L)));

        assertEquals("Smeknamnet används redan: bob", lineTexts(ChatEvent.SERVER_ROOM).getLast());
        // Numbers as Swedish writes them (a no-break space between thousands), a note inside a note worded too.
        assertEquals(List.of("bob har gått med", "bob i #lab: borta", "hej",
                        "Skickades inte: Meddelandet är för långt (20\u00a0000 byte; högst 16\u00a0384)",
                        "bob har avslutat (Borta: inga livstecken på 30 s)"),
                lineTexts("#lab"));
    }

    @Test
    void theMeshIsNamedInTheServicesLanguageInLinesAndStatus() {
        ChatService service = service(ClientTexts.forLocale(Locale.SIMPLIFIED_CHINESE));
        connect(service, new Endpoint.Mesh(), "LAN mesh");
        assertEquals("已以 ada 的身份连接到 局域网网状网络。", lineTexts(ChatEvent.SERVER_ROOM).getLast());
        assertEquals("局域网网状网络", lastStatus().endpoint());
    }

    @Test
    void theServiceWithoutALanguageIsEnglishOnASwedishComputer() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.of("sv", "SE"));
        try {
            ChatService service = service(null);
            connect(service, new Endpoint.Mesh(), "LAN mesh");
            service.input("/help");
            List<String> server = lineTexts(ChatEvent.SERVER_ROOM);
            assertEquals("Connected to LAN mesh as ada.", server.get(1));
            assertEquals("Commands (text without '/' goes to the current conversation):", server.get(2));
            assertTrue(server.get(3).matches(" {2}/join #channel \\[key] +join a channel \\(it is made if it does not exist\\)"),
                    server.get(3));
        } finally {
            Locale.setDefault(before);
        }
    }
}
