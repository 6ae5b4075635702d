package dev.parley.transport.irc;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportNote;
import dev.parley.transport.TransportState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Records every event a transport reports, in order, and checks the threading contract on the
 * way: never two calls at once, always on the transport's event thread.
 */
final class RecordingListener implements TransportListener {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    sealed interface Event permits State, Registered, Message, Sent, SendFailed, History, Joined, Parted, Kicked,
            Quit, NickChanged, Topic, Members, Away, ChannelList, Info, Error {
    }

    record State(TransportState state) implements Event {
        TransportState.Phase phase() {
            return state.phase();
        }
    }

    record Registered(String nick) implements Event {
    }

    record Message(ChatMessage message) implements Event {
        String text() {
            return message.text();
        }
    }

    record Sent(String localId, ChatMessage stored) implements Event {
    }

    record SendFailed(String localId, String reason) implements Event {
    }

    record History(String target, List<ChatMessage> messages, boolean older) implements Event {
        List<String> texts() {
            return messages.stream().map(ChatMessage::text).toList();
        }
    }

    record Joined(String channel, String nick) implements Event {
    }

    record Parted(String channel, String nick, String reason) implements Event {
    }

    record Kicked(String channel, String nick, String by, String reason) implements Event {
    }

    record Quit(String nick, String reason) implements Event {
    }

    record NickChanged(String oldNick, String newNick) implements Event {
    }

    record Topic(String channel, ChannelTopic topic, boolean changedNow) implements Event {
    }

    record Members(String channel, List<Member> members) implements Event {
        Optional<Member> member(String nick) {
            return members.stream().filter(m -> m.nick().equals(nick)).findFirst();
        }
    }

    record Away(String nick, String message) implements Event {
    }

    record ChannelList(List<ChannelSummary> channels) implements Event {
    }

    record Info(String target, String text) implements Event {
    }

    record Error(String target, String text) implements Event {
    }

    private final String name;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private volatile String overlap;

    RecordingListener(String name) {
        this.name = name;
    }

    private void record(Event event) {
        if (inside.incrementAndGet() != 1) {
            overlap = "two listener calls at once, one of them " + event;
        }
        threads.add(Thread.currentThread().getName());
        events.add(event);
        inside.decrementAndGet();
    }

    /** Waits for the first event of {@code type} that matches, from the start of the recording. */
    <T extends Event> T await(Class<T> type, Predicate<T> matching) {
        return Awaitility.await().alias(name + " waits for " + type.getSimpleName()).atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> first(type, matching), Optional::isPresent).orElseThrow();
    }

    /** Waits until {@code count} events of {@code type} match. */
    <T extends Event> List<T> awaitCount(Class<T> type, Predicate<T> matching, int count) {
        Awaitility.await().alias(name + " waits for " + count + " " + type.getSimpleName()).atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> all(type).stream().filter(matching).count() >= count);
        return all(type).stream().filter(matching).toList();
    }

    <T extends Event> Optional<T> first(Class<T> type, Predicate<T> matching) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst();
    }

    <T extends Event> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    Message awaitMessage(String text) {
        return await(Message.class, m -> m.text().equals(text));
    }

    Sent awaitSent(String localId) {
        return await(Sent.class, s -> s.localId().equals(localId));
    }

    State awaitPhase(TransportState.Phase phase) {
        return await(State.class, s -> s.phase() == phase);
    }

    /** The phases in the order they were reported. */
    List<TransportState.Phase> phases() {
        return all(State.class).stream().map(State::phase).toList();
    }

    List<String> messageTexts() {
        return all(Message.class).stream().map(Message::text).toList();
    }

    /** The contract: one call at a time, always on the transport's event thread. */
    void assertContractKept() {
        assertNull(overlap, overlap);
        if (!threads.isEmpty()) {
            assertEquals(Set.of("parley-irc-events"), Set.copyOf(threads), "listener threads");
        }
    }

    @Override
    public void stateChanged(TransportState state) {
        record(new State(state));
    }

    @Override
    public void registered(String nick) {
        record(new Registered(nick));
    }

    @Override
    public void message(ChatMessage message) {
        record(new Message(message));
    }

    @Override
    public void sent(String localId, ChatMessage stored) {
        record(new Sent(localId, stored));
    }

    @Override
    public void sendFailed(String localId, String reason) {
        record(new SendFailed(localId, reason));
    }

    // IRC passes the server's words as they are and makes no notes; one would be recorded as its
    // key and arguments, which no test expects.

    @Override
    public void sendFailed(String localId, TransportNote reason) {
        sendFailed(localId, reason.toString());
    }

    @Override
    public void history(String target, List<ChatMessage> messages, boolean older) {
        record(new History(target, List.copyOf(messages), older));
    }

    @Override
    public void joined(String channel, String nick) {
        record(new Joined(channel, nick));
    }

    @Override
    public void parted(String channel, String nick, String reason) {
        record(new Parted(channel, nick, reason));
    }

    @Override
    public void kicked(String channel, String nick, String by, String reason) {
        record(new Kicked(channel, nick, by, reason));
    }

    @Override
    public void quit(String nick, String reason) {
        record(new Quit(nick, reason));
    }

    @Override
    public void quit(String nick, TransportNote reason) {
        quit(nick, reason.toString());
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        record(new NickChanged(oldNick, newNick));
    }

    @Override
    public void topic(String channel, ChannelTopic topic, boolean changedNow) {
        record(new Topic(channel, topic, changedNow));
    }

    @Override
    public void members(String channel, List<Member> members) {
        record(new Members(channel, List.copyOf(members)));
    }

    @Override
    public void away(String nick, String message) {
        record(new Away(nick, message));
    }

    @Override
    public void channelList(List<ChannelSummary> channels) {
        record(new ChannelList(List.copyOf(channels)));
    }

    @Override
    public void info(String target, String text) {
        record(new Info(target, text));
    }

    @Override
    public void info(String target, TransportNote note) {
        info(target, note.toString());
    }

    @Override
    public void error(String target, String text) {
        record(new Error(target, text));
    }

    @Override
    public void error(String target, TransportNote note) {
        error(target, note.toString());
    }

    @Override
    public String toString() {
        return name + " " + events;
    }
}
