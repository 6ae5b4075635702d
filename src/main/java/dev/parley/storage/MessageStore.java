package dev.parley.storage;

import dev.parley.model.ChatMessage;
import dev.parley.model.ChannelTopic;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Every chat message, kept for replay, and channel topics.
 *
 * <h2>Writes</h2>
 * {@link #append} returns at once (it may block only briefly when the write queue is full, as
 * back-pressure). The future completes once the message is durable: after a crash of the
 * process (kill -9) a message whose future completed is still there. Futures complete in the
 * order of the append calls, on the store's own writer thread, so a caller that delivers in the
 * completion callback never delivers a message that is not stored. A failed write completes the
 * future exceptionally with a {@link StoreException}; nothing is delivered for it. Writes are
 * batched (many appends per transaction) so storage is not the bottleneck.
 *
 * <h2>Reads</h2>
 * History lists are always in chronological order (oldest first), ordered by append order, and
 * {@code limit} caps their length. A reference to an unknown message id gives an empty list.
 * Reads see every append whose future has completed.
 *
 * <p>Thread-safe. {@link #close()} finishes pending writes, then releases the files; any call
 * after it fails with {@link StoreException}.
 */
public interface MessageStore extends AutoCloseable {

    CompletableFuture<ChatMessage> append(Conversation conversation, ChatMessage message);

    /** The newest {@code limit} messages. */
    List<ChatMessage> latest(String conversation, int limit);

    /** The newest {@code limit} messages after {@code after} (exclusive): chathistory LATEST with a bound. */
    List<ChatMessage> latestAfter(String conversation, HistoryRef after, int limit);

    /** The {@code limit} messages just before {@code ref} (exclusive). */
    List<ChatMessage> before(String conversation, HistoryRef ref, int limit);

    /** The {@code limit} messages just after {@code ref} (exclusive). */
    List<ChatMessage> after(String conversation, HistoryRef ref, int limit);

    /**
     * Up to {@code limit} messages around {@code ref}: the referenced message itself (when the
     * ref is an id) and about half of the rest on each side.
     */
    List<ChatMessage> around(String conversation, HistoryRef ref, int limit);

    /**
     * Up to {@code limit} messages strictly between two references. When {@code from} is older
     * than {@code to} these are the oldest ones after {@code from}; when it is newer, the newest
     * ones before {@code from}. Chronological either way.
     */
    List<ChatMessage> between(String conversation, HistoryRef from, HistoryRef to, int limit);

    /**
     * Of the given conversations, those with messages in [{@code from}, {@code to}], with the time
     * of the newest such message, oldest activity first, at most {@code limit}.
     */
    List<ConversationActivity> activity(Collection<String> conversations, Instant from, Instant to, int limit);

    /** The keys of direct conversations that {@code participant} takes part in. */
    Set<String> conversationsOf(String participant);

    Optional<ChatMessage> byId(String id);

    /** Full-text search (words, prefix with *), newest {@code limit} matches, chronological. */
    List<ChatMessage> search(Collection<String> conversations, String query, int limit);

    /** Stores a channel topic durably (replacing the channel's previous one) before returning. */
    void saveTopic(String channelKey, ChannelTopic topic);

    /** Every stored topic by channel key. */
    Map<String, ChannelTopic> topics();

    @Override
    void close();
}
