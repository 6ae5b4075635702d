package dev.parley.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.MessageKind;
import dev.parley.model.Presence;
import dev.parley.transport.TransportState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client service with a fake transport and same-thread executors: every step is synchronous. */
class ChatServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final List<ChatEvent> events = new ArrayList<>();
    private final List<FakeTransport> transports = new ArrayList<>();
    private ChatService service;
    private FakeTransport net;

    @BeforeEach
    void connected() {
        service = new ChatService(FakeTransport.into(transports), "ada", Clock.fixed(T0, ZoneOffset.UTC), Runnable::run);
        service.addListener(events::add, Runnable::run);
        service.connect(new Endpoint.Relay("fake", 6667));
        net = transports.getFirst();
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        net.listener.registered("ada");
    }

    private <T extends ChatEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<String> lineTexts(String room) {
        return eventsOf(ChatEvent.LineAdded.class).stream().filter(e -> e.room().equals(room)).map(e -> e.line().text()).toList();
    }

    private void joinLab() {
        service.input("/join #lab");
        net.listener.joined("#lab", "ada");
    }

    private static ChatMessage msg(String id, String target, String sender, String text) {
        return new ChatMessage(id, T0, target, sender, sender + "!u@h", text, MessageKind.MESSAGE);
    }

    @Test
    void textWithoutARoomIsRefusedLocallyWithTheSeedsWording() {
        service.input("hello?");
        assertTrue(net.sent.isEmpty());
        assertEquals("Not currently in any channel. Must join a channel before sending messages.",
                lineTexts(ChatEvent.SERVER_ROOM).getLast());
    }

    @Test
    void joiningOpensSelectsAndFetchesHistory() {
        joinLab();
        assertTrue(net.calls.contains("join #lab"));
        assertEquals(new ChatEvent.RoomOpened("#lab", true), eventsOf(ChatEvent.RoomOpened.class).getFirst());
        assertEquals("#lab", eventsOf(ChatEvent.RoomSelected.class).getLast().room());
        assertEquals("#lab", net.historyRequests.getFirst().target());
    }

    @Test
    void ownMessageIsPendingUntilTheNetworkConfirmsIt() {
        joinLab();
        service.input("hello lab");
        assertEquals("send #lab :hello lab", net.calls.getLast());
        ChatLine pending = eventsOf(ChatEvent.LineAdded.class).getLast().line();
        assertTrue(pending.pending() && pending.own());
        CompletableFuture<Void> idle = service.whenIdle();
        assertFalse(idle.isDone());
        assertEquals(1, eventsOf(ChatEvent.StatusChanged.class).getLast().status().pending());

        net.listener.sent(net.sent.getFirst().localId(), msg("M1", "#lab", "ada", "hello lab"));
        ChatEvent.LineConfirmed confirmed = eventsOf(ChatEvent.LineConfirmed.class).getFirst();
        assertEquals(pending.id(), confirmed.localId());
        assertEquals("M1", confirmed.line().id());
        assertFalse(confirmed.line().pending());
        assertTrue(idle.isDone());
        assertEquals(0, eventsOf(ChatEvent.StatusChanged.class).getLast().status().pending());
    }

    @Test
    void messagesTypedWhileOfflineGoOutOnceAfterTheReconnect() {
        joinLab();
        net.listener.stateChanged(new TransportState(TransportState.Phase.RECONNECTING, "fake:6667", Duration.ofSeconds(4),
                "connection reset"));
        assertTrue(lineTexts(ChatEvent.SERVER_ROOM).getLast().contains("has disconnected"));
        service.input("typed while offline");
        service.input("and another");
        assertTrue(net.sent.isEmpty());
        assertEquals(2, eventsOf(ChatEvent.StatusChanged.class).getLast().status().pending());

        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        assertEquals(List.of("typed while offline", "and another"), net.sent.stream().map(m -> m.text()).toList());
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        assertEquals(2, net.sent.size(), "a second CONNECTED must not send them again");
    }

    @Test
    void aMessageInFlightWhenTheLinkDroppedIsNotSentTwiceIfTheServerHadIt() {
        joinLab();
        service.input("did this arrive?");
        assertEquals(1, net.sent.size());
        net.listener.stateChanged(new TransportState(TransportState.Phase.RECONNECTING, "fake:6667", Duration.ofSeconds(1), ""));
        // after the reconnect, catch-up shows the server stored it before the link died
        net.listener.message(msg("M9", "#lab", "ada", "did this arrive?"));
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        assertEquals(1, net.sent.size());
        assertEquals("M9", eventsOf(ChatEvent.LineConfirmed.class).getLast().line().id());
        assertTrue(service.whenIdle().isDone());
    }

    @Test
    void unreadMentionsAndDirectMessagesRaiseCountsAndAlerts() {
        joinLab();
        service.input("/join #other");
        net.listener.joined("#other", "ada");
        assertEquals("#other", eventsOf(ChatEvent.RoomSelected.class).getLast().room());

        net.listener.message(msg("A", "#lab", "bob", "just chatting"));
        net.listener.message(msg("B", "#lab", "bob", "hey ADA, look"));
        net.listener.message(msg("C", "ada", "carol", "psst"));
        ChatEvent.UnreadChanged lab = eventsOf(ChatEvent.UnreadChanged.class).stream()
                .filter(e -> e.room().equals("#lab")).toList().getLast();
        assertEquals(2, lab.unread());
        assertEquals(1, lab.mentions());
        List<ChatEvent.Alert> alerts = eventsOf(ChatEvent.Alert.class);
        assertEquals(List.of("#lab", "carol"), alerts.stream().map(ChatEvent.Alert::room).toList());

        service.select("#lab");
        assertEquals(new ChatEvent.UnreadChanged("#lab", 0, 0), eventsOf(ChatEvent.UnreadChanged.class).getLast());
        net.listener.message(msg("A", "#lab", "bob", "just chatting"));
        assertEquals(2, lineTexts("#lab").stream().filter(t -> t.equals("just chatting") || t.startsWith("hey")).count(),
                "a repeated id is dropped");
    }

    @Test
    void namingTheCurrentRoomAgainSaysSoAtOnce() {
        joinLab();
        assertEquals(List.of(new ChatEvent.RoomSelected("#lab")), eventsOf(ChatEvent.RoomSelected.class),
                "a first /join says once that it landed");
        int selected = eventsOf(ChatEvent.RoomSelected.class).size();
        service.input("/join #LAB"); // in it already: a server answers nothing to this JOIN
        assertEquals(selected + 1, eventsOf(ChatEvent.RoomSelected.class).size(), "no word that the join landed");
        assertEquals("#lab", eventsOf(ChatEvent.RoomSelected.class).getLast().room());
        assertEquals("join #LAB", net.calls.getLast(), "the JOIN still goes out, should the server have dropped us");
        net.listener.joined("#lab", "ada");
        assertEquals(selected + 1, eventsOf(ChatEvent.RoomSelected.class).size(), "selected twice for one /join");

        service.input("/msg bob hi");
        service.input("/query bob");
        service.input("/switch bob");
        List<ChatEvent.RoomSelected> last = eventsOf(ChatEvent.RoomSelected.class);
        assertEquals(List.of("bob", "bob", "bob"), last.subList(last.size() - 3, last.size()).stream()
                .map(ChatEvent.RoomSelected::room).toList());
    }

    @Test
    void aFaceThatShutItsExecutorIsDroppedAndTheOthersGoOn() {
        java.util.concurrent.ExecutorService ended = java.util.concurrent.Executors.newSingleThreadExecutor();
        ended.shutdown(); // a script console that has finished
        service.addListener(event -> { }, ended);
        int before = events.size();
        joinLab(); // threw RejectedExecutionException into the service thread before
        assertTrue(events.size() > before, "the other listener saw nothing more");
        assertEquals("#lab", eventsOf(ChatEvent.RoomSelected.class).getLast().room());
    }

    @Test
    void aConversationFollowsItsPartnersNewNickInItsPlace() {
        joinLab();
        service.input("/query bob");
        service.input("/join #z");
        net.listener.joined("#z", "ada");
        net.listener.nickChanged("bob", "bobby");
        assertEquals(List.of(new ChatEvent.RoomRenamed("bob", "bobby")), eventsOf(ChatEvent.RoomRenamed.class));
        assertEquals("bob is now known as bobby", lineTexts("bobby").getLast());
        service.input("/switch 2"); // still second, where it was
        service.input("still there?");
        assertEquals("bobby", net.sent.getLast().target());
        service.input("/switch 3");
        service.input("and #z third");
        assertEquals("#z", net.sent.getLast().target());
    }

    @Test
    void aPageOfHistoryAskedForUnderTheOldNickStillLandsInTheConversation() {
        service.input("/query bob");
        service.loadOlder("bob");
        net.listener.nickChanged("bob", "bobby");
        net.listener.history("bob", List.of(msg("h1", "ada", "bob", "from before")), true);
        assertEquals("bobby", eventsOf(ChatEvent.HistoryLoaded.class).getLast().room());
        int asked = net.historyRequests.size();
        service.loadOlder("bobby");
        assertEquals(asked + 1, net.historyRequests.size(), "the answer did not end the request: no more pages");
    }

    @Test
    void someoneNewWithTheOldNickIsAnotherConversation() {
        service.input("/query bob");
        net.listener.nickChanged("bob", "bobby");
        net.listener.message(msg("m1", "ada", "bob", "I am the new bob"));
        assertEquals(new ChatEvent.RoomOpened("bob", false), eventsOf(ChatEvent.RoomOpened.class).getLast());
        assertEquals("I am the new bob", lineTexts("bob").getLast());
        assertFalse(lineTexts("bobby").contains("I am the new bob"));
    }

    @Test
    void theCurrentConversationSaysWhereItWent() {
        service.input("/query bob");
        net.listener.nickChanged("bob", "bobby");
        assertEquals("bobby", eventsOf(ChatEvent.RoomSelected.class).getLast().room());
        service.input("hi");
        assertEquals("bobby", net.sent.getLast().target());
    }

    @Test
    void aConversationAlreadyOpenWithTheNewNickStaysApart() {
        service.input("/query bobby");
        service.input("/query bob");
        net.listener.nickChanged("bob", "bobby");
        assertTrue(eventsOf(ChatEvent.RoomRenamed.class).isEmpty());
        assertEquals("bob is now known as bobby", lineTexts("bob").getLast());
    }

    @Test
    void switchingToANickWithNothingOpenSaysHowToStart() {
        joinLab();
        service.input("/switch carol");
        assertEquals("Nothing open is named carol: '/query carol' talks to carol, '/join #carol' joins that channel.",
                lineTexts("#lab").getLast());
        service.input("/switch lab"); // a channel named without its '#'
        assertEquals("#lab", eventsOf(ChatEvent.RoomSelected.class).getLast().room());
    }

    @Test
    void createChecksThatTheChannelIsNew() {
        service.input("/create #taken");
        assertEquals("names #taken", net.calls.getLast());
        net.listener.members("#taken", List.of(new Member("bob", true, Presence.HERE)));
        assertEquals("Room #taken already exists, so cannot be created.", lineTexts(ChatEvent.SERVER_ROOM).getLast());
        service.input("/create #fresh");
        net.listener.members("#fresh", List.of());
        assertEquals("join #fresh", net.calls.getLast());
    }

    @Test
    void badCommandsSendNothing() {
        joinLab();
        int before = net.calls.size();
        service.input("/frob");
        service.input("/msg bob");
        service.input("/switch #nowhere");
        assertEquals(before, net.calls.size());
        List<String> lab = lineTexts("#lab");
        assertTrue(lab.contains("/frob is not a valid command. Type /help for the list."), lab.toString());
        assertTrue(lab.contains("Usage: /msg nick text"), lab.toString());
        assertTrue(lab.contains("No channel named #nowhere exists. Try '/create #nowhere'?"), lab.toString());
    }

    @Test
    void membersTopicAndEventsKeepTheRoomUpToDate() {
        joinLab();
        net.listener.members("#lab", List.of(new Member("ada", true, Presence.HERE), new Member("bob", false, Presence.HERE)));
        net.listener.topic("#lab", new ChannelTopic("#lab", "Lab notes", "bob", T0), false);
        net.listener.joined("#lab", "carol");
        net.listener.nickChanged("bob", "robert");
        net.listener.away("carol", "lunch");
        net.listener.parted("#lab", "robert", "bye");
        List<Member> members = eventsOf(ChatEvent.MembersChanged.class).getLast().members();
        assertEquals(List.of(new Member("ada", true, Presence.HERE), new Member("carol", false, Presence.AWAY)), members);
        assertEquals("Lab notes", eventsOf(ChatEvent.TopicChanged.class).getLast().topic().text());
        assertEquals(List.of("carol has joined", "bob is now known as robert", "robert has left (bye)"),
                lineTexts("#lab").stream().filter(t -> !t.startsWith("hello")).toList());
    }

    @Test
    void channelsGivenWithConnectAreJoinedOnceConnectedBeforeTheOutboxGoes() {
        joinLab();
        service.connect(new Endpoint.Relay("fake", 6667), List.of("#LAB", "#tea"));
        FakeTransport again = transports.getLast();
        assertTrue(again.calls.stream().noneMatch(c -> c.startsWith("join")), "not before it is connected");
        again.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        assertEquals(List.of("join #lab", "join #tea"), again.calls.stream().filter(c -> c.startsWith("join")).toList(),
                "the open #lab once (names fold), then #tea");
    }

    @Test
    void theFirstOfTheChannelsJoinedAtConnectBecomesCurrentTheOthersOpenBeside() {
        service.connect(new Endpoint.Relay("fake", 6667), List.of("#x", "#y"));
        FakeTransport again = transports.getLast();
        again.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        again.listener.joined("#x", "ada");
        again.listener.joined("#y", "ada");
        assertEquals(List.of(new ChatEvent.RoomSelected("#x")), eventsOf(ChatEvent.RoomSelected.class));
        assertEquals(List.of("#x", "#y"), eventsOf(ChatEvent.RoomOpened.class).stream().map(ChatEvent.RoomOpened::room).toList());
    }

    @Test
    void ownNickChangeIsSaidOnceInEachRoomAndNotAgainInTheServerRoom() {
        service.input("/nick ada2");
        net.listener.nickChanged("ada", "ada2"); // in no room yet: the server's room says it
        assertEquals(List.of("You are now known as ada2"), lineTexts(ChatEvent.SERVER_ROOM).stream()
                .filter(t -> t.contains("known as")).toList());
        service.input("/join #lab");
        net.listener.joined("#lab", "ada2");
        net.listener.members("#lab", List.of(new Member("ada2", false, Presence.HERE)));
        net.listener.nickChanged("ada2", "ada3");
        assertEquals(List.of("You are now known as ada3"), lineTexts("#lab").stream().filter(t -> t.contains("known as")).toList());
        assertEquals(1, lineTexts(ChatEvent.SERVER_ROOM).stream().filter(t -> t.contains("known as")).count());
    }

    @Test
    void theServersAnswerToAwayIsShownWhereTheUserIs() {
        joinLab();
        service.input("/away lunch");
        assertTrue(net.calls.contains("away :lunch"), net.calls.toString());
        net.listener.away("ada", "lunch");
        net.listener.away("bob", "tea"); // someone else's: the member list only
        service.input("/back");
        net.listener.away("ada", null);
        assertEquals(List.of("You are marked as away: lunch", "You are no longer marked as away."),
                lineTexts("#lab").stream().filter(t -> t.contains("away")).toList());
    }

    @Test
    void aTopicSetNowIsOneLineAndTheEventSaysSo() {
        joinLab();
        net.listener.topic("#lab", new ChannelTopic("#lab", "Lab notes", "bob", T0), false);
        net.listener.topic("#lab", new ChannelTopic("#lab", "New notes", "bob", T0), true);
        assertEquals(List.of(false, true), eventsOf(ChatEvent.TopicChanged.class).stream().map(ChatEvent.TopicChanged::changedNow).toList());
        assertEquals(List.of("bob changed the topic to: New notes"), lineTexts("#lab").stream().filter(t -> t.contains("topic")).toList());
    }

    @Test
    void meActionsAreFramedOnTheWireAndShownPlain() {
        joinLab();
        service.input("/me waves");
        assertEquals("\u0001ACTION waves\u0001", net.sent.getLast().text());
        ChatLine line = eventsOf(ChatEvent.LineAdded.class).getLast().line();
        assertEquals(LineKind.ACTION, line.kind());
        assertEquals("waves", line.text());
    }

    @Test
    void directMessagesOpenARoomNamedForThePartner() {
        service.input("/msg bob hi bob");
        assertEquals("send bob :hi bob", net.calls.getLast());
        assertEquals("bob", eventsOf(ChatEvent.RoomSelected.class).getLast().room());
        net.listener.message(msg("X", "ada", "bob", "hi ada"));
        assertEquals(List.of("hi bob", "hi ada"), lineTexts("bob"));
    }

    @Test
    void quitEndsTheSessionOnceTheTransportIsOffline() {
        service.input("/quit see you");
        assertEquals("quit :see you", net.calls.getLast());
        assertTrue(eventsOf(ChatEvent.Closed.class).isEmpty());
        net.listener.stateChanged(TransportState.of(TransportState.Phase.OFFLINE, "fake:6667"));
        assertEquals(1, eventsOf(ChatEvent.Closed.class).size());
    }

    @Test
    void historyLoadsOlderLinesOnce() {
        joinLab();
        net.listener.history("#lab", List.of(msg("H2", "#lab", "bob", "two"), msg("H3", "#lab", "bob", "three")), false);
        service.loadOlder("#lab");
        service.loadOlder("#lab");
        assertEquals(2, net.historyRequests.size(), "one latest on join, one older; the repeat waits for the answer");
        assertEquals("H2", net.historyRequests.getLast().beforeId());
        net.listener.history("#lab", List.of(msg("H1", "#lab", "bob", "one")), true);
        ChatEvent.HistoryLoaded older = eventsOf(ChatEvent.HistoryLoaded.class).getLast();
        assertTrue(older.older());
        assertEquals("one", older.lines().getFirst().text());
    }

    @Test
    void aFaceAsksFromItsOwnOldestLineAndGetsLinesSeenBeforeAgain() {
        joinLab();
        net.listener.history("#lab", List.of(msg("H1", "#lab", "bob", "one"), msg("H2", "#lab", "bob", "two")), false);
        net.listener.history("#lab", List.of(msg("H0", "#lab", "bob", "zero")), true);
        // The desktop app dropped "zero" from its window and scrolls up again from "one".
        service.loadOlder("#lab", "H1");
        assertEquals("H1", net.historyRequests.getLast().beforeId());
        net.listener.history("#lab", List.of(msg("H0", "#lab", "bob", "zero")), true);
        ChatEvent.HistoryLoaded again = eventsOf(ChatEvent.HistoryLoaded.class).getLast();
        assertEquals(List.of("zero"), again.lines().stream().map(ChatLine::text).toList());
    }

    @Test
    void connectingElsewhereDropsTheOldTransportsEvents() {
        FakeTransport old = net;
        service.input("/connect other.lan:7000");
        assertTrue(old.closed);
        FakeTransport fresh = transports.getLast();
        assertTrue(fresh != old);
        int before = events.size();
        old.listener.message(msg("Z", "#lab", "ghost", "from the old server"));
        assertEquals(before, events.size());
    }
}
