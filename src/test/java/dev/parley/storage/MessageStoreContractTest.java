package dev.parley.storage;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link MessageStore} must do, run against each implementation by a subclass.
 * Tables name each case so that a failure says which semantics broke.
 */
public abstract class MessageStoreContractTest {

    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    /** How long a test waits for search to catch up: "about a second", with room for a busy machine. */
    protected static final Duration SEARCH_LAG = Duration.ofSeconds(30);

    protected MessageStore store;

    /** A new, empty store. */
    protected abstract MessageStore openStore();

    @BeforeEach
    void openTheStore() {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    protected static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1_000_000_000L));
    }

    protected static ChatMessage message(String id, Instant time, String text) {
        return new ChatMessage(id, time, "#lab", "ada", "ada!ada@lab.lan", text, MessageKind.MESSAGE);
    }

    protected static ChatMessage message(String id, double seconds) {
        return message(id, at(seconds), "text of " + id);
    }

    /** Appends in order and waits until all are stored. */
    protected void append(Conversation conversation, ChatMessage... messages) {
        List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
        for (ChatMessage m : messages) {
            futures.add(store.append(conversation, m));
        }
        futures.forEach(CompletableFuture::join);
    }

    protected void append(String channel, ChatMessage... messages) {
        append(Conversation.channel(channel), messages);
    }

    protected static List<String> ids(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::id).toList();
    }

    private static List<String> list(String spaceSeparatedIds) {
        return spaceSeparatedIds.isBlank() ? List.of() : List.of(spaceSeparatedIds.split(" "));
    }

    // ---------------------------------------------------------------- history

    /**
     * #lab: m1..m10 at T0+1s..T0+10s, interleaved with #other o1..o10 at the same times.
     * #ties: a, b at 1s; c, d at 2s; e at 3s. #skew: x at 5s, y at 3s (appended later, earlier time), z at 6s.
     */
    private void appendHistory() {
        for (int i = 1; i <= 10; i++) {
            append("#lab", message("m" + i, i));
            append("#other", message("o" + i, i));
        }
        append("#ties", message("a", 1), message("b", 1), message("c", 2), message("d", 2), message("e", 3));
        append("#skew", message("x", 5), message("y", 3), message("z", 6));
    }

    private static Arguments read(String name, Function<MessageStore, List<ChatMessage>> query, String expected) {
        return Arguments.of(name, query, list(expected));
    }

    static Stream<Arguments> historyCases() {
        HistoryRef m2 = HistoryRef.id("m2");
        HistoryRef m4 = HistoryRef.id("m4");
        HistoryRef m5 = HistoryRef.id("m5");
        HistoryRef m6 = HistoryRef.id("m6");
        HistoryRef unknown = HistoryRef.id("nope");
        HistoryRef otherConversation = HistoryRef.id("o5");
        return Stream.of(
                read("latest 3", s -> s.latest("#lab", 3), "m8 m9 m10"),
                read("latest more than stored", s -> s.latest("#lab", 20), "m1 m2 m3 m4 m5 m6 m7 m8 m9 m10"),
                read("latest 0", s -> s.latest("#lab", 0), ""),
                read("latest of an unknown conversation", s -> s.latest("#nobody", 5), ""),

                read("latestAfter id", s -> s.latestAfter("#lab", HistoryRef.id("m7"), 10), "m8 m9 m10"),
                read("latestAfter id takes the newest", s -> s.latestAfter("#lab", m2, 3), "m8 m9 m10"),
                read("latestAfter the last id", s -> s.latestAfter("#lab", HistoryRef.id("m10"), 5), ""),
                read("latestAfter time is exclusive", s -> s.latestAfter("#lab", HistoryRef.time(at(7)), 10), "m8 m9 m10"),
                read("latestAfter a time between messages", s -> s.latestAfter("#lab", HistoryRef.time(at(7.5)), 10), "m8 m9 m10"),
                read("latestAfter unknown id", s -> s.latestAfter("#lab", unknown, 5), ""),
                read("latestAfter id of another conversation", s -> s.latestAfter("#lab", otherConversation, 5), ""),
                read("latestAfter limit 0", s -> s.latestAfter("#lab", m2, 0), ""),

                read("before id", s -> s.before("#lab", m5, 2), "m3 m4"),
                read("before id, all", s -> s.before("#lab", m5, 10), "m1 m2 m3 m4"),
                read("before the first id", s -> s.before("#lab", HistoryRef.id("m1"), 5), ""),
                read("before time is exclusive", s -> s.before("#lab", HistoryRef.time(at(5)), 2), "m3 m4"),
                read("before a time between messages", s -> s.before("#lab", HistoryRef.time(at(4.5)), 2), "m3 m4"),
                read("before a sub-millisecond time", s -> s.before("#lab", HistoryRef.time(at(5.0000005)), 1), "m5"),
                read("before a time before everything", s -> s.before("#lab", HistoryRef.time(T0), 5), ""),
                read("before limit 0", s -> s.before("#lab", m5, 0), ""),
                read("before unknown id", s -> s.before("#lab", unknown, 5), ""),
                read("before id of another conversation", s -> s.before("#lab", otherConversation, 5), ""),

                read("after id", s -> s.after("#lab", m5, 2), "m6 m7"),
                read("after the last id", s -> s.after("#lab", HistoryRef.id("m10"), 2), ""),
                read("after time is exclusive", s -> s.after("#lab", HistoryRef.time(at(5)), 2), "m6 m7"),
                read("after a time between messages", s -> s.after("#lab", HistoryRef.time(at(4.5)), 2), "m5 m6"),
                read("after a sub-millisecond time", s -> s.after("#lab", HistoryRef.time(at(4.9999995)), 1), "m5"),
                read("after a time after everything", s -> s.after("#lab", HistoryRef.time(at(11)), 5), ""),
                read("after unknown id", s -> s.after("#lab", unknown, 5), ""),
                read("after id of another conversation", s -> s.after("#lab", otherConversation, 5), ""),

                read("around id, odd limit", s -> s.around("#lab", m5, 5), "m3 m4 m5 m6 m7"),
                read("around id, even limit: the odd slot goes before", s -> s.around("#lab", m5, 4), "m3 m4 m5 m6"),
                read("around id, limit 2", s -> s.around("#lab", m5, 2), "m4 m5"),
                read("around id, limit 1", s -> s.around("#lab", m5, 1), "m5"),
                read("around id, limit 0", s -> s.around("#lab", m5, 0), ""),
                read("around the first id", s -> s.around("#lab", HistoryRef.id("m1"), 5), "m1 m2 m3 m4 m5"),
                read("around the second id", s -> s.around("#lab", m2, 5), "m1 m2 m3 m4 m5"),
                read("around the last id", s -> s.around("#lab", HistoryRef.id("m10"), 5), "m6 m7 m8 m9 m10"),
                read("around id, more than stored", s -> s.around("#lab", m5, 20), "m1 m2 m3 m4 m5 m6 m7 m8 m9 m10"),
                read("around a message's time includes it after", s -> s.around("#lab", HistoryRef.time(at(5)), 4), "m3 m4 m5 m6"),
                read("around a time between messages", s -> s.around("#lab", HistoryRef.time(at(5.5)), 4), "m4 m5 m6 m7"),
                read("around a time before everything", s -> s.around("#lab", HistoryRef.time(T0), 3), "m1 m2 m3"),
                read("around a time after everything", s -> s.around("#lab", HistoryRef.time(at(60)), 3), "m8 m9 m10"),
                read("around unknown id", s -> s.around("#lab", unknown, 5), ""),
                read("around id of another conversation", s -> s.around("#lab", otherConversation, 5), ""),

                read("between ids, forward", s -> s.between("#lab", m2, m6, 10), "m3 m4 m5"),
                read("between ids, forward, limited: the oldest", s -> s.between("#lab", m2, m6, 2), "m3 m4"),
                read("between ids, backward, limited: the newest", s -> s.between("#lab", m6, m2, 2), "m4 m5"),
                read("between ids, backward", s -> s.between("#lab", m6, m2, 10), "m3 m4 m5"),
                read("between times, forward", s -> s.between("#lab", HistoryRef.time(at(2)), HistoryRef.time(at(6)), 10), "m3 m4 m5"),
                read("between times, backward, limited", s -> s.between("#lab", HistoryRef.time(at(6)), HistoryRef.time(at(2)), 2), "m4 m5"),
                read("between id and time", s -> s.between("#lab", m2, HistoryRef.time(at(6)), 10), "m3 m4 m5"),
                read("between time and id, backward", s -> s.between("#lab", HistoryRef.time(at(6)), m2, 1), "m5"),
                read("between adjacent ids", s -> s.between("#lab", m4, m5, 10), ""),
                read("between an id and itself", s -> s.between("#lab", m4, m4, 10), ""),
                read("between, limit 0", s -> s.between("#lab", m2, m6, 0), ""),
                read("between, unknown to", s -> s.between("#lab", m2, unknown, 10), ""),
                read("between, unknown from", s -> s.between("#lab", unknown, m6, 10), ""),
                read("between, id of another conversation", s -> s.between("#lab", m2, HistoryRef.id("o6"), 10), ""),

                read("ties: before a time excludes that time", s -> s.before("#ties", HistoryRef.time(at(2)), 10), "a b"),
                read("ties: after a time excludes that time", s -> s.after("#ties", HistoryRef.time(at(1)), 10), "c d e"),
                read("ties: latestAfter a time", s -> s.latestAfter("#ties", HistoryRef.time(at(1)), 2), "d e"),
                read("ties: before an id goes by position", s -> s.before("#ties", HistoryRef.id("d"), 10), "a b c"),
                read("ties: after an id goes by position", s -> s.after("#ties", HistoryRef.id("c"), 10), "d e"),
                read("ties: around an id", s -> s.around("#ties", HistoryRef.id("c"), 3), "b c d"),
                read("ties: around a shared time", s -> s.around("#ties", HistoryRef.time(at(2)), 2), "b c"),
                read("ties: between ids at one time", s -> s.between("#ties", HistoryRef.id("a"), HistoryRef.id("b"), 10), ""),
                read("ties: between ids", s -> s.between("#ties", HistoryRef.id("b"), HistoryRef.id("d"), 10), "c"),
                read("ties: between times", s -> s.between("#ties", HistoryRef.time(at(1)), HistoryRef.time(at(3)), 10), "c d"),

                read("skew: order is append order", s -> s.latest("#skew", 10), "x y z"),
                read("skew: before a time, in append order", s -> s.before("#skew", HistoryRef.time(at(6)), 10), "x y"),
                read("skew: after a time skips the late earlier one", s -> s.after("#skew", HistoryRef.time(at(4)), 10), "x z"),
                read("skew: before an id goes by position", s -> s.before("#skew", HistoryRef.id("z"), 10), "x y"),
                read("skew: before an id keeps the nearest by position", s -> s.before("#skew", HistoryRef.id("z"), 1), "y"),
                read("skew: before a time keeps the nearest in time", s -> s.before("#skew", HistoryRef.time(at(6)), 1), "x"),
                read("skew: after a time keeps the nearest in time", s -> s.after("#skew", HistoryRef.time(at(2)), 1), "y"),
                read("skew: latestAfter a time keeps the latest times", s -> s.latestAfter("#skew", HistoryRef.time(at(2)), 2), "x z"),
                read("skew: around a time", s -> s.around("#skew", HistoryRef.time(at(5)), 2), "x y"),
                read("skew: between times grows from from", s -> s.between("#skew", HistoryRef.time(at(2)), HistoryRef.time(at(7)), 2), "x y"),
                read("skew: between ids grows by position", s -> s.between("#skew", HistoryRef.id("x"), HistoryRef.id("z"), 1), "y"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("historyCases")
    void history(String name, Function<MessageStore, List<ChatMessage>> query, List<String> expected) {
        appendHistory();
        assertEquals(expected, ids(query.apply(store)));
    }

    @Test
    void emptyStoreHasNothing() {
        HistoryRef ref = HistoryRef.id("m1");
        assertEquals(List.of(), store.latest("#lab", 10));
        assertEquals(List.of(), store.latestAfter("#lab", HistoryRef.time(T0), 10));
        assertEquals(List.of(), store.before("#lab", HistoryRef.time(at(100)), 10));
        assertEquals(List.of(), store.after("#lab", HistoryRef.time(T0), 10));
        assertEquals(List.of(), store.around("#lab", ref, 10));
        assertEquals(List.of(), store.around("#lab", HistoryRef.time(T0), 10));
        assertEquals(List.of(), store.between("#lab", HistoryRef.time(T0), HistoryRef.time(at(100)), 10));
        assertEquals(List.of(), store.activity(List.of("#lab"), T0, at(100), 10));
        assertEquals(Set.of(), store.conversationsOf("ada"));
        assertEquals(Optional.empty(), store.byId("m1"));
        assertEquals(List.of(), store.search(List.of("#lab"), "hello", 10));
        assertEquals(Map.of(), store.topics());
    }

    // ---------------------------------------------------------------- appends

    @Test
    void appendCompletesWithTheStoredMessage() {
        ChatMessage m = new ChatMessage("id-1", T0, "#lab", "ada", "ada!a@h", "hi", MessageKind.NOTICE);
        assertEquals(m, store.append(Conversation.channel("#lab"), m).join());
        assertEquals(Optional.of(m), store.byId("id-1"));
        assertEquals(List.of(m), store.latest("#lab", 1));
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        ChatMessage precise = message("p", T0.plusNanos(123_456_789), "hi");
        ChatMessage stored = store.append(Conversation.channel("#lab"), precise).join();
        assertEquals(T0.plusMillis(123), stored.time());
        assertEquals(Optional.of(stored), store.byId("p"));
    }

    @Test
    void duplicateIdFailsOnlyItsOwnAppend() {
        append("#lab", message("m1", 1));
        CompletableFuture<ChatMessage> duplicate = store.append(Conversation.channel("#other"), message("m1", at(2), "again"));
        CompletableFuture<ChatMessage> next = store.append(Conversation.channel("#lab"), message("m2", 3));
        CompletionException failure = assertThrows(CompletionException.class, duplicate::join);
        assertInstanceOf(StoreException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().contains("m1"), failure.getCause().getMessage());
        assertEquals("m2", next.join().id());
        assertEquals("text of m1", store.byId("m1").orElseThrow().text());
        assertEquals(List.of("m1", "m2"), ids(store.latest("#lab", 10)));
        assertEquals(List.of(), store.latest("#other", 10));
    }

    @Test
    void conversationKeysAreOpaque() {
        append("#Lab", message("upper", 1));
        append("#lab", message("lower", 2));
        assertEquals(List.of("upper"), ids(store.latest("#Lab", 10)));
        assertEquals(List.of("lower"), ids(store.latest("#lab", 10)));
    }

    @Test
    void oneKeyKeepsEachTargetAsWritten() {
        ChatMessage first = new ChatMessage("1", at(1), "#Lab", "ada", "ada", "hi", MessageKind.MESSAGE);
        ChatMessage second = new ChatMessage("2", at(2), "#LAB", "bob", "bob", "hey", MessageKind.MESSAGE);
        append("#lab", first, second);
        assertEquals(List.of(first, second), store.latest("#lab", 10));
    }

    @Test
    void directConversationsAreFoundByEitherParticipant() {
        Conversation adaBob = Conversation.direct("ada|bob", "ada", "bob");
        Conversation adaCarol = Conversation.direct("ada|carol", "carol", "ada");
        Conversation adaAlone = Conversation.direct("ada|ada", "ada", "ada");
        append(adaBob, message("d1", 1), message("d2", 2));
        append(adaCarol, message("d3", 3));
        append(adaAlone, message("d4", 4));
        append("#lab", message("c1", 5));
        assertEquals(Set.of("ada|bob", "ada|carol", "ada|ada"), store.conversationsOf("ada"));
        assertEquals(Set.of("ada|bob"), store.conversationsOf("bob"));
        assertEquals(Set.of("ada|carol"), store.conversationsOf("carol"));
        assertEquals(Set.of(), store.conversationsOf("dave"));
        assertEquals(Set.of(), store.conversationsOf("#lab"));
        assertEquals(List.of("d1", "d2"), ids(store.latest("ada|bob", 10)));
    }

    @Test
    void byIdFindsAMessageInAnyConversation() {
        append("#lab", message("m1", 1));
        append(Conversation.direct("ada|bob", "ada", "bob"), message("d1", 2));
        assertEquals("m1", store.byId("m1").orElseThrow().id());
        assertEquals("d1", store.byId("d1").orElseThrow().id());
        assertEquals(Optional.empty(), store.byId("nope"));
    }

    // ---------------------------------------------------------------- activity

    private void appendActivity() {
        append("#a", message("a1", 1), message("a5", 5), message("a9", 9));
        append("#b", message("b2", 2), message("b3", 3));
        append("#c", message("c20", 20));
        append(Conversation.direct("ada|bob", "ada", "bob"), message("d4", 4));
        append("#tie", message("t3", 3));
    }

    private static Arguments activity(String name, Function<MessageStore, List<ConversationActivity>> query,
                                      Object... keysAndSeconds) {
        List<ConversationActivity> expected = new ArrayList<>();
        for (int i = 0; i < keysAndSeconds.length; i += 2) {
            expected.add(new ConversationActivity((String) keysAndSeconds[i], at((Integer) keysAndSeconds[i + 1])));
        }
        return Arguments.of(name, query, expected);
    }

    static Stream<Arguments> activityCases() {
        List<String> all = List.of("#a", "#b", "#c", "ada|bob");
        return Stream.of(
                activity("oldest activity first, outside the window left out",
                        s -> s.activity(all, at(1), at(10), 10), "#b", 3, "ada|bob", 4, "#a", 9),
                activity("both bounds inclusive", s -> s.activity(all, at(3), at(4), 10), "#b", 3, "ada|bob", 4),
                activity("bounds in either order", s -> s.activity(all, at(10), at(1), 10), "#b", 3, "ada|bob", 4, "#a", 9),
                activity("limit", s -> s.activity(all, at(1), at(10), 2), "#b", 3, "ada|bob", 4),
                activity("limit 0", s -> s.activity(all, at(1), at(10), 0)),
                activity("only the given conversations", s -> s.activity(List.of("#a"), T0, at(100), 10), "#a", 9),
                activity("no conversations", s -> s.activity(List.of(), T0, at(100), 10)),
                activity("unknown conversation", s -> s.activity(List.of("#nobody"), T0, at(100), 10)),
                activity("a key given twice counts once", s -> s.activity(List.of("#b", "#b"), T0, at(100), 10), "#b", 3),
                activity("equal times by key", s -> s.activity(List.of("#tie", "#b"), T0, at(3), 10), "#b", 3, "#tie", 3),
                activity("window between messages", s -> s.activity(all, at(6), at(8), 10)),
                activity("sub-millisecond bounds", s -> s.activity(all, at(2.9999995), at(3.0000005), 10), "#b", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activityCases")
    void activity(String name, Function<MessageStore, List<ConversationActivity>> query,
                  List<ConversationActivity> expected) {
        appendActivity();
        assertEquals(expected, query.apply(store));
    }

    // ---------------------------------------------------------------- search

    private void appendSearchable() {
        append("#lab",
                message("s1", at(1), "Hello world"),
                message("s2", at(2), "hello there, World!"),
                message("s3", at(3), "worldwide news"),
                message("s4", at(4), "Café au lait"),
                message("s5", at(5), "say HELLO again"));
        append("#other", message("o1", at(6), "hello world from elsewhere"));
        // Search may lag behind appends, in append order: the last one found means all are.
        awaitSearchFinds(List.of("#other"), "elsewhere", "o1");
    }

    /** Waits (search may lag behind appends) until {@code query} finds message {@code id} first among the newest. */
    protected void awaitSearchFinds(List<String> conversations, String query, String id) {
        await().atMost(SEARCH_LAG).until(() -> ids(store.search(conversations, query, 1)).equals(List.of(id)));
    }

    private static Arguments search(String query, String expected) {
        return Arguments.of(query, List.of("#lab"), 10, list(expected));
    }

    static Stream<Arguments> searchCases() {
        return Stream.of(
                search("hello", "s1 s2 s5"),
                search("HELLO world", "s1 s2"),
                search("world hello", "s1 s2"),
                search("world", "s1 s2"),
                search("world*", "s1 s2 s3"),
                search("wor*", "s1 s2 s3"),
                search("hel* wor*", "s1 s2"),
                search("cafe", "s4"),
                search("CAFÉ", "s4"),
                search("nothing", ""),
                search("", ""),
                search("   ", ""),
                search("*", ""),
                search("!!!", ""),
                search("\"hello", "s1 s2 s5"),
                search("hello:", "s1 s2 s5"),
                search("(hello", "s1 s2 s5"),
                search("-world", "s1 s2"),
                search("text:hello", ""),
                search("hello AND", ""),
                search("NEAR(hello world)", ""),
                Arguments.of("hello", List.of("#lab"), 2, list("s2 s5")),
                Arguments.of("hello", List.of("#lab"), 0, list("")),
                Arguments.of("hello world", List.of("#lab", "#other"), 10, list("s1 s2 o1")),
                Arguments.of("hello", List.of(), 10, list("")),
                Arguments.of("hello", List.of("#nobody"), 10, list("")));
    }

    @ParameterizedTest(name = "search {0} in {1}, limit {2}")
    @MethodSource("searchCases")
    void search(String query, List<String> conversations, int limit, List<String> expected) {
        appendSearchable();
        assertEquals(expected, ids(store.search(conversations, query, limit)));
    }

    @Test
    void searchFindsAMessageOnceTheIndexCaughtUp() {
        append("#lab", message("s1", at(1), "first words"));
        awaitSearchFinds(List.of("#lab"), "words", "s1");
        List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            futures.add(store.append(Conversation.channel("#lab"), message("n" + i, at(2), "number " + i + " of many")));
        }
        futures.add(store.append(Conversation.channel("#lab"), message("last", at(3), "the last of many")));
        futures.forEach(CompletableFuture::join);

        await().atMost(SEARCH_LAG).until(() -> ids(store.search(List.of("#lab"), "last", 10)).equals(List.of("last")));
        assertEquals(3_001, store.search(List.of("#lab"), "many", 10_000).size());
        assertEquals(List.of("n2999", "last"), ids(store.search(List.of("#lab"), "many", 2)));
        assertEquals(List.of("s1"), ids(store.search(List.of("#lab"), "first", 10)));
    }

    // ---------------------------------------------------------------- topics

    @Test
    void topicsAreSavedAndReplaced() {
        ChannelTopic first = new ChannelTopic("#Lab", "Welcome", "ada", T0);
        ChannelTopic second = new ChannelTopic("#Lab", "New rules", "bob", at(60));
        ChannelTopic cleared = new ChannelTopic("#quiet", "", "carol", at(61));
        store.saveTopic("#lab", first);
        assertEquals(Map.of("#lab", first), store.topics());
        store.saveTopic("#lab", second);
        store.saveTopic("#quiet", cleared);
        assertEquals(Map.of("#lab", second, "#quiet", cleared), store.topics());
    }

    @Test
    void topicTimesAreKeptToTheMillisecond() {
        store.saveTopic("#lab", new ChannelTopic("#lab", "t", "ada", T0.plusNanos(7_654_321)));
        assertEquals(T0.plusMillis(7), store.topics().get("#lab").setAt());
    }

    // ---------------------------------------------------------------- arguments and lifecycle

    @Test
    void negativeLimitsAreRejected() {
        HistoryRef ref = HistoryRef.time(T0);
        List<Executable> calls = List.of(
                () -> store.latest("#lab", -1),
                () -> store.latestAfter("#lab", ref, -1),
                () -> store.before("#lab", ref, -1),
                () -> store.after("#lab", ref, -1),
                () -> store.around("#lab", ref, -1),
                () -> store.between("#lab", ref, ref, -1),
                () -> store.activity(List.of("#lab"), T0, T0, -1),
                () -> store.search(List.of("#lab"), "x", -1));
        calls.forEach(call -> assertThrows(IllegalArgumentException.class, call));
    }

    @Test
    void everyCallAfterCloseFails() {
        append("#lab", message("m1", 1));
        store.close();
        store.close();
        HistoryRef ref = HistoryRef.id("m1");
        List<Executable> calls = List.of(
                () -> store.append(Conversation.channel("#lab"), message("m2", 2)),
                () -> store.latest("#lab", 1),
                () -> store.latestAfter("#lab", ref, 1),
                () -> store.before("#lab", ref, 1),
                () -> store.after("#lab", ref, 1),
                () -> store.around("#lab", ref, 1),
                () -> store.between("#lab", ref, ref, 1),
                () -> store.activity(List.of("#lab"), T0, T0, 1),
                () -> store.conversationsOf("ada"),
                () -> store.byId("m1"),
                () -> store.search(List.of("#lab"), "x", 1),
                () -> store.saveTopic("#lab", new ChannelTopic("#lab", "t", "ada", T0)),
                () -> store.topics());
        calls.forEach(call -> assertThrows(StoreException.class, call));
    }

    @Test
    void closeCompletesPendingAppends() {
        List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            futures.add(store.append(Conversation.channel("#lab"), message("m" + i, i)));
        }
        store.close();
        futures.forEach(f -> assertTrue(f.isDone() && !f.isCompletedExceptionally(), f.toString()));
    }

    // ---------------------------------------------------------------- ordering under concurrency

    /**
     * Several threads append at once. Checked in each completion callback: the thread's previous
     * append is already complete, and so is the append that returned last before this one was
     * called (it came first in append order). Checked at the end: every thread's messages are
     * stored in its call order, and each message after the one that returned before it was sent.
     */
    @Test
    void futuresCompleteInAppendOrderAcrossThreads() throws Exception {
        int threads = 4;
        int perThread = 1_250;
        Conversation conversation = Conversation.channel("#busy");
        List<String> returnedIds = new ArrayList<>();
        List<CompletableFuture<ChatMessage>> returned = new ArrayList<>();
        Map<String, String> returnedBefore = Collections.synchronizedMap(new HashMap<>());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<CompletableFuture<ChatMessage>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<CompletableFuture<ChatMessage>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String id = "t" + thread + "-" + i;
                        CompletableFuture<ChatMessage> earlier;
                        synchronized (returned) {
                            earlier = returned.isEmpty() ? null : returned.getLast();
                            if (earlier != null) {
                                returnedBefore.put(id, returnedIds.getLast());
                            }
                        }
                        CompletableFuture<ChatMessage> previous = mine.isEmpty() ? null : mine.getLast();
                        CompletableFuture<ChatMessage> future = store.append(conversation, message(id, i));
                        future.whenComplete((m, e) -> {
                            if (previous != null && !previous.isDone()) {
                                violations.add(id + " completed before the previous append of its thread");
                            }
                            if (earlier != null && !earlier.isDone()) {
                                violations.add(id + " completed before an append that returned before it was called");
                            }
                        });
                        synchronized (returned) {
                            returned.add(future);
                            returnedIds.add(id);
                        }
                        mine.add(future);
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<CompletableFuture<ChatMessage>>> result : results) {
                result.get().forEach(CompletableFuture::join);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), violations);

        List<String> stored = ids(store.latest("#busy", threads * perThread + 1));
        assertEquals(threads * perThread, stored.size());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            position.put(stored.get(i), i);
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 1; i < perThread; i++) {
                assertTrue(position.get("t" + t + "-" + (i - 1)) < position.get("t" + t + "-" + i),
                        "thread " + t + " message " + i + " stored out of call order");
            }
        }
        returnedBefore.forEach((id, before) -> assertTrue(position.get(before) < position.get(id),
                before + " returned before " + id + " was appended, but is stored after it"));
    }
}
