package dev.parley.transport.mesh;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.protocol.CaseMapping;
import dev.parley.storage.Conversation;
import dev.parley.storage.HistoryRef;
import dev.parley.storage.MessageStore;
import dev.parley.storage.StoreException;
import dev.parley.transport.HistoryRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This peer's own history in its {@link MessageStore}, with the relay's keys: a channel's folded
 * name ({@code #lab}), and {@code dm:} with both folded nicks in order for a direct conversation.
 * A store failure is logged and reads as "nothing stored": the chat goes on without history.
 */
final class MeshHistory {

    private static final Logger log = LoggerFactory.getLogger(MeshHistory.class);
    private static final String DIRECT_PREFIX = "dm:";

    private final MessageStore store;

    MeshHistory(MessageStore store) {
        this.store = store;
    }

    static boolean isChannel(String target) {
        return target.startsWith("#");
    }

    /** The conversation of {@code target} (a channel, or the other person) as seen by {@code self}. */
    static Conversation conversation(String target, String self) {
        if (isChannel(target)) {
            return Conversation.channel(CaseMapping.fold(target));
        }
        String a = CaseMapping.fold(self);
        String b = CaseMapping.fold(target);
        String key = a.compareTo(b) <= 0 ? DIRECT_PREFIX + a + " " + b : DIRECT_PREFIX + b + " " + a;
        return Conversation.direct(key, a, b);
    }

    /**
     * Stores a message; the future has the stored form (time cut to the millisecond), or fails
     * (a duplicate id, a store error). Never throws.
     *
     * @param other for a direct message, the other person's nick; ignored for a channel
     */
    CompletableFuture<ChatMessage> append(ChatMessage message, String self, String other) {
        try {
            return store.append(conversation(isChannel(message.target()) ? message.target() : other, self), message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    boolean has(String messageId) {
        try {
            return store.byId(messageId).isPresent();
        } catch (StoreException e) {
            log.warn("cannot read the history: {}", e.getMessage());
            return false;
        }
    }

    /** Answers a client's history request from the store. */
    List<ChatMessage> answer(HistoryRequest request, String self) {
        String key = conversation(request.target(), self).key();
        try {
            if (request.beforeId() != null) {
                return store.before(key, HistoryRef.id(request.beforeId()), request.limit());
            }
            if (request.afterId() != null) {
                return store.after(key, HistoryRef.id(request.afterId()), request.limit());
            }
            return store.latest(key, request.limit());
        } catch (StoreException e) {
            log.warn("cannot read the history of {}: {}", request.target(), e.getMessage());
            return List.of();
        }
    }

    /** The time of the newest stored message of a channel, if any. */
    Optional<Instant> newest(String channel) {
        try {
            return store.latest(CaseMapping.fold(channel), 1).stream().map(ChatMessage::time).findFirst();
        } catch (StoreException e) {
            log.warn("cannot read the history of {}: {}", channel, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The oldest {@code limit} messages of a channel after {@code since}, oldest first: a catch-up
     * takes them a page at a time from the point it has, so a long absence misses nothing.
     */
    List<ChatMessage> since(String channel, Instant since, int limit) {
        try {
            return store.after(CaseMapping.fold(channel), HistoryRef.time(since), limit);
        } catch (StoreException e) {
            log.warn("cannot read the history of {}: {}", channel, e.getMessage());
            return List.of();
        }
    }

    /** The {@code limit} messages of a channel just after the one with id {@code id}, oldest first. */
    List<ChatMessage> after(String channel, String id, int limit) {
        try {
            return store.after(CaseMapping.fold(channel), HistoryRef.id(id), limit);
        } catch (StoreException e) {
            log.warn("cannot read the history of {}: {}", channel, e.getMessage());
            return List.of();
        }
    }

    Map<String, ChannelTopic> topics() {
        try {
            return store.topics();
        } catch (StoreException e) {
            log.warn("cannot read the stored topics: {}", e.getMessage());
            return Map.of();
        }
    }

    void saveTopic(ChannelTopic topic) {
        try {
            store.saveTopic(CaseMapping.fold(topic.channel()), topic);
        } catch (StoreException e) {
            log.warn("cannot store the topic of {}: {}", topic.channel(), e.getMessage());
        }
    }
}
