package dev.parley.ui.fx.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.FakeTransport;
import dev.parley.model.ChannelSummary;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.MessageKind;
import dev.parley.model.Presence;
import dev.parley.transport.TransportState;
import dev.parley.ui.fx.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The main view model over a real client service with a fake network and same-thread executors:
 * each step runs to its end before the next line of the test.
 */
class MainViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final List<MainViewModel.Notice> notices = new ArrayList<>();
    private final List<List<ChannelSummary>> lists = new ArrayList<>();
    private FakeTransport net;
    private MainViewModel model;

    /** A client service on the test's thread whose fake transports land in {@code made}. */
    private static ChatService serviceOver(List<FakeTransport> made) {
        return new ChatService(FakeTransport.into(made), "ada", Clock.fixed(T0, ZoneOffset.UTC), Runnable::run);
    }

    @BeforeEach
    void connected() {
        List<FakeTransport> made = new ArrayList<>();
        ChatService service = serviceOver(made);
        model = new MainViewModel(service, Texts.forLanguage("en"));
        model.setNotifier(notices::add);
        model.setChannelListHandler(lists::add);
        service.addListener(model, Runnable::run);
        service.connect(new Endpoint.Relay("fake", 6667));
        net = made.getFirst();
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        net.listener.registered("ada");
    }

    private void join(String channel) {
        model.submit(model.rooms().getFirst(), "/join " + channel);
        net.listener.joined(channel, "ada");
    }

    private static ChatMessage msg(String id, String target, String sender, String text) {
        return new ChatMessage(id, T0, target, sender, sender + "!u@h", text, MessageKind.MESSAGE);
    }

    @Test
    void startsWithTheServerTabAndOpensATabPerJoinedChannel() {
        assertEquals(List.of(ChatEvent.SERVER_ROOM), model.rooms().stream().map(RoomViewModel::name).toList());
        join("#test");
        assertEquals(List.of("*", "#test"), model.rooms().stream().map(RoomViewModel::name).toList());
        assertEquals("#test", model.selectedProperty().get().name(), "joining selects the channel, as the console does");
        assertEquals("Parley — #test", model.titleProperty().get());
    }

    @Test
    void textTypedInATabGoesToThatRoomEvenWhenAnotherIsCurrent() {
        join("#a");
        join("#b");
        model.submit(model.room("#a"), "hello a");
        assertEquals("#a", net.sent.getLast().target());
        assertEquals("hello a", net.sent.getLast().text());
        assertEquals("hello a", model.room("#a").lines().getLast().text());
    }

    @Test
    void aBackgroundRoomCountsUnreadUntilSelected() {
        join("#a");
        join("#b");
        net.listener.message(msg("m1", "#a", "bob", "one"));
        net.listener.message(msg("m2", "#a", "bob", "ada: two"));
        assertEquals(2, model.room("#a").unreadProperty().get());
        assertEquals(1, model.room("#a").mentionsProperty().get());
        model.selectedProperty().set(model.room("#a"));
        assertEquals(0, model.room("#a").unreadProperty().get());
        assertEquals(0, model.room("#a").mentionsProperty().get());
    }

    @Test
    void mentionsAndDirectMessagesNotifyOnlyWhileTheWindowIsNotFocused() {
        join("#a");
        net.listener.message(msg("m1", "#a", "bob", "ada: look"));
        assertTrue(notices.isEmpty(), "focused: the badge and the line are enough");
        model.windowFocusedProperty().set(false);
        net.listener.message(msg("m2", "#a", "bob", "ada: look again"));
        net.listener.message(msg("m3", "#a", "bob", "nothing for you here"));
        net.listener.message(msg("m4", "ada", "cy", "psst"));
        assertEquals(List.of("#a", "cy"), notices.stream().map(MainViewModel.Notice::room).toList());
        assertEquals("(2) Parley — #a", model.titleProperty().get());
        model.windowFocusedProperty().set(true);
        assertEquals("Parley — #a", model.titleProperty().get());
    }

    @Test
    void ownLinesNeverNotify() {
        join("#a");
        model.windowFocusedProperty().set(false);
        model.submit(model.room("#a"), "ada is me");
        assertTrue(notices.isEmpty());
    }

    @Test
    void statusTextAndRetryFollowTheConnection() {
        assertEquals("Connected to fake:6667 as ada", model.statusTextProperty().get());
        assertFalse(model.retryAvailableProperty().get());
        net.listener.stateChanged(new TransportState(TransportState.Phase.RECONNECTING, "fake:6667", Duration.ofSeconds(4), "connection reset"));
        assertEquals("Disconnected from fake:6667, reconnecting in 4 s (connection reset)", model.statusTextProperty().get());
        assertTrue(model.retryAvailableProperty().get());
        model.retryNow();
        assertEquals("reconnect", net.calls.getLast());
    }

    @Test
    void aReconnectsWaitCountsDown() {
        long[] now = {0};
        List<FakeTransport> made = new ArrayList<>();
        ChatService service = serviceOver(made);
        MainViewModel timed = new MainViewModel(service, Texts.forLanguage("en"), () -> now[0]);
        service.addListener(timed, Runnable::run);
        service.connect(new Endpoint.Relay("fake", 6667));
        made.getFirst().listener.stateChanged(new TransportState(TransportState.Phase.RECONNECTING, "fake:6667",
                Duration.ofSeconds(10), "connection refused"));
        assertEquals("Disconnected from fake:6667, reconnecting in 10 s (connection refused)", timed.statusTextProperty().get());
        now[0] += Duration.ofMillis(3_200).toNanos();
        timed.refreshStatus();
        assertEquals("Disconnected from fake:6667, reconnecting in 7 s (connection refused)", timed.statusTextProperty().get());
        now[0] += Duration.ofSeconds(30).toNanos(); // late: never "in 0 s" or less
        timed.refreshStatus();
        assertEquals("Disconnected from fake:6667, reconnecting in 1 s (connection refused)", timed.statusTextProperty().get());
    }

    @Test
    void pendingMessagesShowInTheStatusBar() {
        join("#a");
        net.listener.stateChanged(new TransportState(TransportState.Phase.RECONNECTING, "fake:6667", Duration.ofSeconds(2), ""));
        model.submit(model.room("#a"), "while away");
        assertTrue(model.statusTextProperty().get().endsWith("· 1 message pending"), model.statusTextProperty().get());
    }

    @Test
    void closingAChannelTabPartsAndTheTabGoesWhenTheServerConfirms() {
        join("#a");
        model.close(model.room("#a"));
        assertEquals("part #a", net.calls.getLast());
        assertTrue(model.room("#a") != null, "still there until the server says so");
        net.listener.parted("#a", "ada", null);
        assertNull(model.room("#a"));
        assertEquals(ChatEvent.SERVER_ROOM, model.selectedProperty().get().name());
    }

    @Test
    void closingADirectConversationNeedsNoServer() {
        net.listener.message(msg("d1", "ada", "bob", "hi"));
        RoomViewModel bob = model.room("bob");
        model.close(bob);
        assertNull(model.room("bob"));
        model.close(model.rooms().getFirst());
        assertEquals(1, model.rooms().size(), "the server tab cannot be closed");
    }

    @Test
    void aConversationTabTakesItsPartnersNewNick() {
        net.listener.message(msg("d1", "ada", "bob", "hi"));
        RoomViewModel bob = model.room("bob");
        model.selectedProperty().set(bob);
        net.listener.nickChanged("bob", "bobby");
        assertSame(bob, model.room("bobby"), "the same tab, with its lines");
        assertEquals("bobby", bob.nameProperty().get());
        assertEquals(List.of("hi", "bob is now known as bobby"), bob.lines().stream().map(ChatLine::text).toList());
        assertEquals("Parley — bobby", model.titleProperty().get());
        model.submit(bob, "welcome back");
        assertEquals("bobby", net.sent.getLast().target());
    }

    @Test
    void scrollingToTheTopAsksForOlderLinesOncePerAnswer() {
        join("#a");
        net.listener.history("#a", List.of(msg("h5", "#a", "bob", "five"), msg("h6", "#a", "bob", "six")), false);
        model.loadOlder(model.room("#a"));
        model.loadOlder(model.room("#a"));
        assertEquals(2, net.historyRequests.size(), "one on join, one for the scroll; the repeat waits");
        assertEquals("h5", net.historyRequests.getLast().beforeId());
        net.listener.history("#a", List.of(msg("h4", "#a", "bob", "four")), true);
        assertEquals(List.of("four", "five", "six"), model.room("#a").lines().stream().map(l -> l.text()).toList());
        model.loadOlder(model.room("#a"));
        assertEquals("h4", net.historyRequests.getLast().beforeId());
    }

    @Test
    void membersAreSortedOperatorsFirstAndAwayIsKept() {
        join("#a");
        net.listener.members("#a", List.of(new Member("zed", false, Presence.HERE), new Member("bob", false, Presence.AWAY),
                new Member("Ann", true, Presence.HERE)));
        assertEquals(List.of("Ann", "bob", "zed"), model.room("#a").members().stream().map(Member::nick).toList());
        assertEquals(Presence.AWAY, model.room("#a").members().get(1).presence());
    }

    @Test
    void tabCompletesNicksOfTheRoomAndCommands() {
        join("#a");
        net.listener.members("#a", List.of(new Member("ada", false, Presence.HERE), new Member("bob", false, Presence.HERE),
                new Member("bobby", false, Presence.HERE)));
        RoomViewModel a = model.room("#a");
        assertEquals("bob: ", model.complete(a, "bo", 2).text());
        assertEquals("bobby: ", model.complete(a, "bob: ", 5).text(), "Tab again cycles");
        model.completionDone();
        assertEquals("/join ", model.complete(a, "/jo", 3).text());
        assertEquals("see #a", model.complete(a, "see #", 5).text());
        assertNull(model.complete(a, "ad", 2), "your own nick is not offered");
    }

    @Test
    void theChannelListGoesToItsDialog() {
        model.requestChannelList();
        assertEquals("list", net.calls.getLast());
        net.listener.channelList(List.of(new ChannelSummary("#a", 3, "topic")));
        assertEquals("#a", lists.getFirst().getFirst().name());
    }

    @Test
    void joinAddsTheHashWhenLeftOut() {
        model.join("lab");
        assertEquals("join #lab", net.calls.getLast());
    }
}
