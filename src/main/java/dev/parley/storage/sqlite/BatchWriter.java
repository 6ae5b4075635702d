package dev.parley.storage.sqlite;

import dev.parley.storage.Conversation;
import dev.parley.storage.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes. It takes every write waiting in a bounded queue (up to a batch),
 * commits them in one transaction, then completes their futures in queue order, on this thread.
 * One transaction per batch is what makes storage fast: the cost of a commit is shared by every
 * append that arrived while the previous one ran.
 *
 * <p>A failed transaction fails every write of its batch and the thread goes on with the next.
 * A full queue makes {@link #submit} wait (back-pressure), up to a limit.
 *
 * <p>After each commit it tells the {@link SearchIndexer} how many messages it stored; the index
 * is written from the indexer's own thread and file, never from this one.
 */
final class BatchWriter {

    static final String THREAD_NAME = "parley-store-writer";

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    /** Bounds the memory of direct conversations already recorded; forgetting one only costs a no-op insert. */
    private static final int KNOWN_DIRECT_LIMIT = 10_000;

    private final WriteStatements statements;
    private final SearchIndexer indexer;
    private final Checkpointer checkpointer;
    private final BlockingQueue<PendingWrite> queue;
    private final int maxBatch;
    private final Duration enqueueTimeout;
    private final String name;
    private final Thread thread;
    private final Set<Conversation> knownDirect = new HashSet<>();
    private volatile boolean stopping;
    private volatile Runnable afterBatch;

    /** @param name the database, for messages */
    BatchWriter(WriteStatements statements, SearchIndexer indexer, Checkpointer checkpointer, SqliteOptions options,
                String name) {
        this.statements = statements;
        this.indexer = indexer;
        this.checkpointer = checkpointer;
        this.queue = new LinkedBlockingQueue<>(options.queueCapacity());
        this.maxBatch = options.maxBatch();
        this.enqueueTimeout = options.enqueueTimeout();
        this.name = name;
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** See {@link dev.parley.storage.MessageStore#afterEachBatch}. */
    Thread afterEachBatch(Runnable action) {
        afterBatch = action;
        return thread;
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Queues a write, whose future then completes once it is committed or has failed. Throws
     * when the writer is stopping: the write was not accepted.
     */
    void submit(PendingWrite write) {
        if (stopping) {
            throw closed();
        }
        if (isWriterThread()) {
            submitFromWriter(write);
            return;
        }
        try {
            if (!queue.offer(write, enqueueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(write, new StoreException("the write queue of " + name + " stayed full for "
                        + enqueueTimeout.toMillis() + " ms: storage is not keeping up"));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(write, new StoreException("interrupted while waiting for room in the write queue of " + name, e));
            return;
        }
        // close() may have begun while this write waited; withdraw it unless the writer took it.
        if (stopping && queue.remove(write)) {
            throw closed();
        }
    }

    /**
     * From a completion callback: this thread must not wait for itself. A topic is written at once
     * (no transaction is open while callbacks run); an append goes behind the others, never blocking.
     */
    private void submitFromWriter(PendingWrite write) {
        if (write instanceof PendingWrite.Topic) {
            write(new ArrayList<>(List.of(write)));
        } else if (!queue.offer(write)) {
            fail(write, new StoreException("the write queue of " + name + " is full"));
        }
    }

    /**
     * Refuses new writes, lets the thread commit everything queued and complete its futures, and
     * waits for it to end. Not to be called from the writer thread.
     */
    void stop() {
        if (isWriterThread()) {
            throw new IllegalStateException("the store cannot be closed from a completion callback: it would wait for itself");
        }
        stopping = true;
        boolean interrupted = false;
        while (true) {
            try {
                // Timed so that a writer killed by an Error cannot leave close() waiting on a full queue.
                if (queue.offer(PendingWrite.STOP, 100, TimeUnit.MILLISECONDS) || !thread.isAlive()) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        interrupted |= Threads.joinUninterruptibly(thread);
        List<PendingWrite> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(write -> fail(write, closed()));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<PendingWrite> batch = new ArrayList<>(maxBatch);
        boolean stopSeen = false;
        // After STOP, only writes that raced it are left: the queue is not empty, so take() does not wait.
        while (!(stopSeen && queue.isEmpty())) {
            batch.add(takeNext());
            queue.drainTo(batch, maxBatch - 1);
            // STOP is queued only once stopping is set, so a batch needs looking at only then.
            if (stopping && batch.removeIf(write -> write == PendingWrite.STOP)) {
                stopSeen = true;
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
        }
    }

    /** The next write, waiting for as long as it takes. */
    private PendingWrite takeNext() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // This thread belongs to the store and stops only through STOP; queued writes must not be lost.
                log.debug("Ignored an interrupt of the writer of {}", name);
            }
        }
    }

    private void write(List<PendingWrite> batch) {
        boolean[] stored = new boolean[batch.size()];
        Set<Conversation> newDirect = new HashSet<>();
        try {
            statements.transaction().begin();
            for (int i = 0; i < batch.size(); i++) {
                stored[i] = apply(batch.get(i), newDirect);
            }
            statements.transaction().commit();
        } catch (SQLException | RuntimeException e) {
            statements.transaction().rollbackAfter(e);
            StoreException failure = new StoreException("could not store " + batch.size() + " writes in " + name
                    + ": " + e.getMessage(), e);
            log.error("Could not store a batch of {} writes in {}", batch.size(), name, e);
            batch.forEach(write -> fail(write, failure));
            runAfterBatch();
            return;
        }
        remember(newDirect);
        int appended = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (stored[i] && batch.get(i) instanceof PendingWrite.Append) {
                appended++;
            }
        }
        if (appended > 0) {
            indexer.stored(appended);
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), stored[i]);
        }
        runAfterBatch();
        // Last: its deliveries are out, and this thread is about to wait for the next write.
        checkpointer.batchDone(appended);
    }

    private void runAfterBatch() {
        Runnable action = afterBatch;
        if (action == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            // Not the store's failure: the batch is committed and its futures completed.
            log.error("The after-batch action of {} failed", name, e);
        }
    }

    /** Writes one entry inside the open transaction; false for a message whose id is already stored. */
    private boolean apply(PendingWrite write, Set<Conversation> newDirect) throws SQLException {
        return switch (write) {
            case PendingWrite.Append append -> {
                Conversation conversation = append.conversation();
                boolean inserted = statements.insert(conversation, append.message());
                if (inserted && !conversation.participants().isEmpty() && !knownDirect.contains(conversation)
                        && newDirect.add(conversation)) {
                    statements.addParticipants(conversation);
                }
                yield inserted;
            }
            case PendingWrite.Topic topic -> {
                statements.putTopic(topic.channelKey(), topic.topic());
                yield true;
            }
            case PendingWrite.Stop stop -> true;
        };
    }

    /** Only after the commit: a rolled-back batch must not mark its conversations as recorded. */
    private void remember(Set<Conversation> newDirect) {
        if (knownDirect.size() + newDirect.size() > KNOWN_DIRECT_LIMIT) {
            knownDirect.clear();
        }
        knownDirect.addAll(newDirect);
    }

    private static void complete(PendingWrite write, boolean stored) {
        switch (write) {
            case PendingWrite.Append append -> {
                if (stored) {
                    append.done().complete(append.message());
                } else {
                    append.done().completeExceptionally(new StoreException("duplicate message id "
                            + append.message().id() + ": a message with this id is already stored"));
                }
            }
            case PendingWrite.Topic topic -> topic.done().complete(null);
            case PendingWrite.Stop stop -> {
            }
        }
    }

    private static void fail(PendingWrite write, StoreException failure) {
        switch (write) {
            case PendingWrite.Append append -> append.done().completeExceptionally(failure);
            case PendingWrite.Topic topic -> topic.done().completeExceptionally(failure);
            case PendingWrite.Stop stop -> {
            }
        }
    }

    private StoreException closed() {
        return new StoreException("the message store " + name + " is closed");
    }
}
