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
import java.util.function.BiFunction;

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
 * <p>The store keeps times to the millisecond (the wire's precision): the future's value and
 * every read carry the message as stored, its time truncated to the millisecond. A message whose
 * id is already stored fails its own future with a {@link StoreException} and leaves the stored
 * one as it was. Completion callbacks run on the writer thread: keep them short, and never call
 * {@link #close()} or wait for another append from one. Callbacks run in append order only while
 * they run on the writer thread: by {@link CompletableFuture}'s rules, one attached to a future
 * that is already complete runs at once on the attaching thread, and a thread blocked in
 * {@code join()} or {@code get()} may run pending callbacks itself. A caller that needs strict
 * delivery order across threads keeps its own order (completion order is always append order).
 *
 * <h2>Reads</h2>
 * History lists are always in chronological order (oldest first), ordered by append order, and
 * {@code limit} caps their length. A limit of 0 gives an empty list; a negative limit is an
 * {@link IllegalArgumentException}. Reads see every append whose future has completed, except
 * {@link #search}, which may lag behind (see there).
 *
 * <p>A {@link HistoryRef.ById} stands for the position of that message in the conversation; an id
 * that is unknown, or that belongs to another conversation, gives an empty list. A
 * {@link HistoryRef.ByTime} compares message times: "before" means an earlier time, "after" a
 * later one, so messages at exactly that time are on neither side. Which messages a limit keeps
 * follows the reference a page grows from ({@code from} for {@code between}): from an id, the
 * nearest in append order; from a time, the nearest in time (then append order). The two differ
 * only when times disagree with append order (a peer's clock was off); a list is in append
 * order either way.
 *
 * <p>Thread-safe. {@link #close()} finishes pending writes, then releases the files; any call
 * after it fails with {@link StoreException}.
 */
public interface MessageStore extends AutoCloseable {

    CompletableFuture<ChatMessage> append(Conversation conversation, ChatMessage message);

    /**
     * {@link #append}, with {@code then} attached before the write can complete: in a store with a
     * writer thread it always runs there, in append order, before the batch's
     * {@link #afterEachBatch} action. (Attached to the future that {@code append} returns, it runs
     * on the attaching thread whenever the write was the faster, which under load is often.)
     * Returns the future of its result.
     */
    default <T> CompletableFuture<T> appendThen(Conversation conversation, ChatMessage message,
                                                BiFunction<? super ChatMessage, Throwable, ? extends T> then) {
        return append(conversation, message).handle(then);
    }

    /**
     * Work to do once per batch rather than once per append: {@code action} runs on the writer
     * thread each time the completion callbacks of a committed batch have all run, so that what
     * the callbacks queued (deliveries) can go out together, without a hand-off to another
     * thread. One action at a time; {@code null} removes it. Returns the thread it runs on, so
     * that a callback can tell whether the action will follow it; {@code null} (the default) for
     * a store that completes appends on the caller's thread and has no batches: the caller then
     * does that work itself.
     */
    default Thread afterEachBatch(Runnable action) {
        return null;
    }

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
     *
     * <p>Exactly: the slots left after the referenced message are split as {@link AroundWindow}
     * says (the odd one before), and a side with too few messages gives its spare slots to the
     * other side. For a time, "before" is an earlier time and "after" the same time or later, so a
     * message at exactly that time is included.
     */
    List<ChatMessage> around(String conversation, HistoryRef ref, int limit);

    /**
     * Up to {@code limit} messages strictly between two references. When {@code from} is older
     * than {@code to} these are the oldest ones after {@code from}; when it is newer, the newest
     * ones before {@code from}. Chronological either way.
     *
     * <p>Which one is older: for two ids, the one appended first; otherwise the one with the
     * earlier time (a message id counting as its message's time), {@code from} when they are equal.
     */
    List<ChatMessage> between(String conversation, HistoryRef from, HistoryRef to, int limit);

    /**
     * Of the given conversations, those with messages in [{@code from}, {@code to}], with the time
     * of the newest such message, oldest activity first, at most {@code limit}. Both bounds are
     * inclusive and may come in either order; equal times are ordered by key.
     */
    List<ConversationActivity> activity(Collection<String> conversations, Instant from, Instant to, int limit);

    /** The keys of direct conversations that {@code participant} takes part in. */
    Set<String> conversationsOf(String participant);

    Optional<ChatMessage> byId(String id);

    /**
     * Full-text search (words, prefix with *), newest {@code limit} matches, chronological.
     *
     * <p>A message matches when it contains every word of the query, in any order, ignoring case
     * and accents; a word ending in {@code *} matches any word it begins. Other punctuation only
     * separates words (see {@link SearchQuery}), so no input is a syntax error. A query without
     * words, or an empty collection of conversations, gives an empty list.
     *
     * <p>Search sees a message shortly after it is stored, not necessarily as soon as its future
     * completes: an index may be brought up to date in the background, off the appends' path.
     * It normally catches up within about a second; under a sustained load above what the store
     * can index, it falls further behind and catches up once the load drops. It catches up in
     * append order: once search finds a message, it finds every message appended before it. A store
     * that keeps messages across a restart completes its index in {@link #close()}, so opened again
     * it finds every message at once.
     */
    List<ChatMessage> search(Collection<String> conversations, String query, int limit);

    /** Stores a channel topic durably (replacing the channel's previous one) before returning. */
    void saveTopic(String channelKey, ChannelTopic topic);

    /** Every stored topic by channel key. */
    Map<String, ChannelTopic> topics();

    @Override
    void close();
}
