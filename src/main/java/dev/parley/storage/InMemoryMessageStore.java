package dev.parley.storage;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A {@link MessageStore} in memory, for tests. Every call holds one lock, and an append completes
 * its future before it returns (on the caller's thread), so futures complete in append order.
 * Nothing survives the process.
 */
public final class InMemoryMessageStore implements MessageStore {

    /** A message with its place in append order. */
    private record Stored(long seq, String conversation, ChatMessage message) {
        Instant time() {
            return message.time();
        }
    }

    /** A resolved {@link HistoryRef}: a stored message, or (with {@code message} null) a bare time. */
    private record Point(Stored message, Instant time) {
        static Point at(Stored message) {
            return new Point(message, message.time());
        }

        /** Whether {@code s} comes before this point. */
        boolean isEarlier(Stored s) {
            return message != null ? s.seq() < message.seq() : s.time().isBefore(time);
        }

        /** Whether {@code s} comes after this point. */
        boolean isLater(Stored s) {
            return message != null ? s.seq() > message.seq() : s.time().isAfter(time);
        }

        /** The order a page grows in from here: append order from a message, time order from a time. */
        Comparator<Stored> axis() {
            return message != null ? BY_POSITION : BY_TIME;
        }
    }

    private static final Comparator<Stored> BY_POSITION = Comparator.comparingLong(Stored::seq);
    private static final Comparator<Stored> BY_TIME = Comparator.comparing(Stored::time).thenComparing(BY_POSITION);

    private final Map<String, List<Stored>> byConversation = new HashMap<>();
    private final Map<String, Stored> byId = new HashMap<>();
    private final Map<String, Set<String>> directByParticipant = new HashMap<>();
    private final Map<String, ChannelTopic> topics = new HashMap<>();
    private long nextSeq = 1;
    private boolean closed;

    @Override
    public synchronized CompletableFuture<ChatMessage> append(Conversation conversation, ChatMessage message) {
        ensureOpen();
        ChatMessage stored = atMillis(message);
        if (byId.containsKey(stored.id())) {
            return CompletableFuture.failedFuture(new StoreException("duplicate message id " + stored.id()));
        }
        Stored entry = new Stored(nextSeq++, conversation.key(), stored);
        byId.put(stored.id(), entry);
        byConversation.computeIfAbsent(conversation.key(), key -> new ArrayList<>()).add(entry);
        for (String participant : conversation.participants()) {
            directByParticipant.computeIfAbsent(participant, p -> new LinkedHashSet<>()).add(conversation.key());
        }
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public synchronized List<ChatMessage> latest(String conversation, int limit) {
        ensureOpen();
        checkLimit(limit);
        return page(messagesOf(conversation), s -> true, BY_POSITION, true, limit);
    }

    @Override
    public synchronized List<ChatMessage> latestAfter(String conversation, HistoryRef after, int limit) {
        ensureOpen();
        checkLimit(limit);
        return resolve(conversation, after)
                .map(point -> page(messagesOf(conversation), point::isLater, point.axis(), true, limit))
                .orElse(List.of());
    }

    @Override
    public synchronized List<ChatMessage> before(String conversation, HistoryRef ref, int limit) {
        ensureOpen();
        checkLimit(limit);
        return resolve(conversation, ref)
                .map(point -> page(messagesOf(conversation), point::isEarlier, point.axis(), true, limit))
                .orElse(List.of());
    }

    @Override
    public synchronized List<ChatMessage> after(String conversation, HistoryRef ref, int limit) {
        ensureOpen();
        checkLimit(limit);
        return resolve(conversation, ref)
                .map(point -> page(messagesOf(conversation), point::isLater, point.axis(), false, limit))
                .orElse(List.of());
    }

    @Override
    public synchronized List<ChatMessage> around(String conversation, HistoryRef ref, int limit) {
        ensureOpen();
        checkLimit(limit);
        Optional<Point> resolved = resolve(conversation, ref);
        if (resolved.isEmpty() || limit == 0) {
            return List.of();
        }
        Point point = resolved.get();
        List<Stored> all = messagesOf(conversation);
        Optional<Stored> itself = Optional.ofNullable(point.message());
        int slots = itself.isPresent() ? limit - 1 : limit;
        Predicate<Stored> laterSide = itself.isPresent() ? point::isLater : s -> !s.time().isBefore(point.time());
        List<Stored> before = walk(all, point::isEarlier, point.axis(), true, slots);
        List<Stored> after = walk(all, laterSide, point.axis(), false, slots);
        AroundWindow window = AroundWindow.split(slots, before.size(), after.size());
        List<Stored> chosen = new ArrayList<>(before.subList(0, window.before()));
        itself.ifPresent(chosen::add);
        chosen.addAll(after.subList(0, window.after()));
        return inAppendOrder(chosen);
    }

    @Override
    public synchronized List<ChatMessage> between(String conversation, HistoryRef from, HistoryRef to, int limit) {
        ensureOpen();
        checkLimit(limit);
        Optional<Point> start = resolve(conversation, from);
        Optional<Point> end = resolve(conversation, to);
        if (start.isEmpty() || end.isEmpty()) {
            return List.of();
        }
        Point a = start.get();
        Point b = end.get();
        boolean forward = a.message() != null && b.message() != null
                ? a.message().seq() <= b.message().seq()
                : !a.time().isAfter(b.time());
        List<Stored> all = messagesOf(conversation);
        // The page grows from `from`, along its axis.
        return forward
                ? page(all, s -> a.isLater(s) && b.isEarlier(s), a.axis(), false, limit)
                : page(all, s -> a.isEarlier(s) && b.isLater(s), a.axis(), true, limit);
    }

    @Override
    public synchronized List<ConversationActivity> activity(Collection<String> conversations, Instant from, Instant to,
                                                            int limit) {
        ensureOpen();
        checkLimit(limit);
        Instant low = from.isAfter(to) ? to : from;
        Instant high = from.isAfter(to) ? from : to;
        List<ConversationActivity> found = new ArrayList<>();
        for (String key : new LinkedHashSet<>(conversations)) {
            messagesOf(key).stream()
                    .map(Stored::time)
                    .filter(t -> !t.isBefore(low) && !t.isAfter(high))
                    .max(Comparator.naturalOrder())
                    .ifPresent(latest -> found.add(new ConversationActivity(key, latest)));
        }
        return found.stream()
                .sorted(Comparator.comparing(ConversationActivity::latest).thenComparing(ConversationActivity::key))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Set<String> conversationsOf(String participant) {
        ensureOpen();
        return Set.copyOf(directByParticipant.getOrDefault(participant, Set.of()));
    }

    @Override
    public synchronized Optional<ChatMessage> byId(String id) {
        ensureOpen();
        return Optional.ofNullable(byId.get(id)).map(Stored::message);
    }

    @Override
    public synchronized List<ChatMessage> search(Collection<String> conversations, String query, int limit) {
        ensureOpen();
        checkLimit(limit);
        SearchQuery parsed = SearchQuery.parse(query);
        List<Stored> candidates = new ArrayList<>();
        new LinkedHashSet<>(conversations).forEach(key -> candidates.addAll(messagesOf(key)));
        return page(candidates, s -> parsed.matches(s.message().text()), BY_POSITION, true, limit);
    }

    @Override
    public synchronized void saveTopic(String channelKey, ChannelTopic topic) {
        ensureOpen();
        Objects.requireNonNull(channelKey, "channelKey");
        topics.put(channelKey, new ChannelTopic(topic.channel(), topic.text(), topic.setBy(), truncate(topic.setAt())));
    }

    @Override
    public synchronized Map<String, ChannelTopic> topics() {
        ensureOpen();
        return Map.copyOf(topics);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the in-memory message store is closed");
        }
    }

    private List<Stored> messagesOf(String conversation) {
        return byConversation.getOrDefault(conversation, List.of());
    }

    private Optional<Point> resolve(String conversation, HistoryRef ref) {
        return switch (ref) {
            case HistoryRef.ById(String id) -> Optional.ofNullable(byId.get(id))
                    .filter(s -> s.conversation().equals(conversation))
                    .map(Point::at);
            case HistoryRef.ByTime(Instant time) -> Optional.of(new Point(null, time));
        };
    }

    /** A page: {@link #walk}, listed in append order. */
    private static List<ChatMessage> page(List<Stored> all, Predicate<Stored> filter, Comparator<Stored> axis,
                                          boolean fromTheEnd, int limit) {
        return inAppendOrder(walk(all, filter, axis, fromTheEnd, limit));
    }

    /**
     * Up to {@code limit} of the messages that pass: the last ones along {@code axis} when
     * {@code fromTheEnd} (last first), else the first ones (first first).
     */
    private static List<Stored> walk(List<Stored> all, Predicate<Stored> filter, Comparator<Stored> axis,
                                     boolean fromTheEnd, int limit) {
        checkLimit(limit);
        return all.stream()
                .filter(filter)
                .sorted(fromTheEnd ? axis.reversed() : axis)
                .limit(limit)
                .toList();
    }

    private static List<ChatMessage> inAppendOrder(List<Stored> chosen) {
        return chosen.stream().sorted(BY_POSITION).map(Stored::message).toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    private static ChatMessage atMillis(ChatMessage m) {
        Instant time = truncate(m.time());
        return time.equals(m.time()) ? m
                : new ChatMessage(m.id(), time, m.target(), m.sender(), m.origin(), m.text(), m.kind());
    }

    /** Millisecond precision, as the SQLite store keeps it; a time too far out for that is a caller error. */
    private static Instant truncate(Instant time) {
        try {
            return Instant.ofEpochMilli(time.toEpochMilli());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time out of range for millisecond storage: " + time, e);
        }
    }
}
