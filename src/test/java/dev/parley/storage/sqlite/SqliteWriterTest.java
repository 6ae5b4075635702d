package dev.parley.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import dev.parley.storage.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer thread's batches. A second connection holding SQLite's write lock stalls the writer,
 * so that appends pile up into one batch, or so that a batch fails.
 */
class SqliteWriterTest {

    private static final Conversation LAB = Conversation.channel("#lab");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private static ChatMessage message(String id) {
        return new ChatMessage(id, T0, "#lab", "ada", "ada", "text " + id, MessageKind.MESSAGE);
    }

    private Connection holdWriteLock() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("parley.db"));
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        return c;
    }

    private static void release(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        }
        c.close();
    }

    @Test
    void aDuplicateInABatchFailsOnlyItself() throws SQLException {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            Connection lock = holdWriteLock();
            CompletableFuture<ChatMessage> a = store.append(LAB, message("a"));
            CompletableFuture<ChatMessage> b = store.append(LAB, message("b"));
            CompletableFuture<ChatMessage> again = store.append(LAB, message("b"));
            CompletableFuture<ChatMessage> c = store.append(LAB, message("c"));
            release(lock);

            assertEquals("a", a.join().id());
            assertEquals("b", b.join().id());
            CompletionException e = assertThrows(CompletionException.class, again::join);
            assertInstanceOf(StoreException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("duplicate message id b"), e.getCause().getMessage());
            assertEquals("c", c.join().id());
            assertEquals(List.of("a", "b", "c"), store.latest("#lab", 10).stream().map(ChatMessage::id).toList());
        }
    }

    @Test
    void aFailedBatchFailsEveryWriteAndTheWriterGoesOn() throws SQLException {
        SqliteOptions options = SqliteOptions.defaults().withBusyTimeout(Duration.ofMillis(100));
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, options)) {
            Connection lock = holdWriteLock();
            CompletableFuture<ChatMessage> x = store.append(LAB, message("x"));
            CompletableFuture<ChatMessage> y = store.append(LAB, message("y"));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            y.whenComplete((m, e) -> failure.set(e));
            await().atMost(Duration.ofSeconds(30)).until(() -> x.isDone() && y.isDone());
            release(lock);

            for (CompletableFuture<ChatMessage> f : List.of(x, y)) {
                CompletionException e = assertThrows(CompletionException.class, f::join);
                assertInstanceOf(StoreException.class, e.getCause());
                assertTrue(e.getCause().getMessage().contains("could not store"), e.getCause().getMessage());
            }
            assertEquals("z", store.append(LAB, message("z")).join().id());
            assertEquals(List.of("z"), store.latest("#lab", 10).stream().map(ChatMessage::id).toList());
            assertInstanceOf(StoreException.class, failure.get());
        }
    }

    /**
     * With the writer stalled, every callback is attached before its future completes, so the
     * order the callbacks run in is the completion order: it must be the stored order, on the
     * writer thread.
     */
    @Test
    void futuresCompleteOnTheWriterThreadInStoredOrder() throws Exception {
        SqliteOptions options = SqliteOptions.defaults().withBusyTimeout(Duration.ofSeconds(60));
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, options)) {
            List<String> completed = Collections.synchronizedList(new ArrayList<>());
            List<String> threads = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<ChatMessage>> futures = Collections.synchronizedList(new ArrayList<>());
            Connection lock = holdWriteLock();
            ExecutorService appenders = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    done.add(appenders.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            CompletableFuture<ChatMessage> f = store.append(LAB, message("t" + thread + "-" + i));
                            f.thenAccept(m -> {
                                completed.add(m.id());
                                threads.add(Thread.currentThread().getName());
                            });
                            futures.add(f);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                appenders.shutdownNow();
                release(lock);
            }
            // No join() before the callbacks ran: a thread waiting in join() may run callbacks itself.
            await().atMost(Duration.ofSeconds(30)).until(() -> completed.size() == 300);
            futures.forEach(CompletableFuture::join);
            assertEquals(store.latest("#lab", 1_000).stream().map(ChatMessage::id).toList(), completed);
            assertEquals(Set.of(BatchWriter.THREAD_NAME), Set.copyOf(threads));
        }
    }

    @Test
    void theAfterBatchActionRunsOnTheWriterThreadOnceItsCompletionsHaveRun() throws SQLException {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            Thread writer = store.afterEachBatch(() -> {
                ranOn.set(Thread.currentThread());
                events.add("batch");
            });
            Connection lock = holdWriteLock();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (String id : List.of("a", "b", "c")) {
                done.add(store.append(LAB, message(id)).thenRun(() -> events.add("stored " + id)));
            }
            release(lock);
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.getLast().equals("batch"));

            assertEquals(writer, ranOn.get());
            // Each completion is followed, sooner or later, by the action of its batch.
            for (String id : List.of("a", "b", "c")) {
                int stored = events.indexOf("stored " + id);
                assertTrue(events.subList(stored, events.size()).contains("batch"), events.toString());
            }

            store.afterEachBatch(null);
            int before = events.size();
            store.append(LAB, message("d")).thenRun(() -> events.add("stored d")).join();
            assertEquals(List.of("stored d"), List.copyOf(events.subList(before, events.size())));
        }
    }

    /** What appendThen promises: the continuation on the writer thread, in append order, before the batch's action. */
    @Test
    void appendThenRunsOnTheWriterThreadBeforeTheBatchAction() {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            List<String> events = Collections.synchronizedList(new ArrayList<>());
            Thread writer = store.afterEachBatch(() -> events.add("batch"));
            List<CompletableFuture<String>> done = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String id = "m" + i;
                ids.add(id);
                done.add(store.appendThen(LAB, message(id), (stored, error) -> {
                    events.add(Thread.currentThread() == writer && error == null ? stored.id() : "elsewhere " + id);
                    return id;
                }));
            }
            assertEquals(ids, done.stream().map(CompletableFuture::join).toList());
            await().atMost(Duration.ofSeconds(10)).until(() -> events.getLast().equals("batch"));

            List<String> stored = events.stream().filter(e -> !e.equals("batch")).toList();
            assertEquals(ids, stored, "every continuation ran on the writer thread, in append order");
            for (String id : ids) {
                assertTrue(events.subList(events.indexOf(id), events.size()).contains("batch"), id);
            }

            // A write that fails reaches the continuation too, with its error.
            Throwable failure = store.appendThen(LAB, message("m0"), (s, error) -> error).join();
            assertInstanceOf(StoreException.class, failure instanceof CompletionException c ? c.getCause() : failure);
        }
    }
}
