package dev.parley.storage.sqlite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import dev.parley.storage.HistoryRef;
import dev.parley.storage.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store keeps across a close, and across a crash of its process. */
class SqliteDurabilityTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    private static ChatMessage message(String id, int second, String text) {
        return new ChatMessage(id, T0.plusSeconds(second), "#lab", "ada", "ada!a@h", text, MessageKind.MESSAGE);
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        Conversation lab = Conversation.channel("#lab");
        Conversation dm = Conversation.direct("ada|bob", "ada", "bob");
        ChannelTopic topic = new ChannelTopic("#Lab", "Welcome", "ada", T0);
        List<ChatMessage> labMessages = List.of(message("m1", 1, "hello world"), message("m2", 2, "second thought"));
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            labMessages.forEach(m -> store.append(lab, m).join());
            store.append(dm, message("d1", 3, "psst")).join();
            store.saveTopic("#lab", topic);
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            assertEquals(labMessages, store.latest("#lab", 10));
            assertEquals(List.of("d1"), store.latest("ada|bob", 10).stream().map(ChatMessage::id).toList());
            assertEquals(Set.of("ada|bob"), store.conversationsOf("bob"));
            assertEquals(Map.of("#lab", topic), store.topics());
            assertEquals(List.of(labMessages.getFirst()), store.search(List.of("#lab"), "hel*", 10));
            assertEquals(List.of(labMessages.getLast()), store.after("#lab", HistoryRef.id("m1"), 10));

            store.append(lab, message("m3", 0, "appended after reopening")).join();
            assertEquals(List.of("m1", "m2", "m3"), store.latest("#lab", 10).stream().map(ChatMessage::id).toList());
            // Search may lag behind appends.
            await().atMost(Duration.ofSeconds(30)).until(() -> store.search(List.of("#lab"), "reopening", 10).stream()
                    .map(ChatMessage::id).toList().equals(List.of("m3")));
        }
    }

    @Test
    void closeCommitsEveryPendingAppend() {
        List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            for (int i = 0; i < 3_000; i++) {
                futures.add(store.append(Conversation.channel("#lab"), message("m" + i, i, "text " + i)));
            }
        }
        futures.forEach(f -> assertTrue(f.isDone() && !f.isCompletedExceptionally(), f.toString()));
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            assertEquals(3_000, store.latest("#lab", 10_000).size());
        }
    }

    /** The checkpoint thread, not the writer's commits (their backstop is far off), fills the database file. */
    @Test
    void theLogIsCopiedIntoTheDatabaseFileInTheBackground() throws IOException {
        Path db = dataDir.resolve(SqliteMessageStore.FILE_NAME);
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            long empty = Files.size(db);
            List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                futures.add(store.append(Conversation.channel("#lab"), message("m" + i, i, "text " + i)));
            }
            futures.forEach(CompletableFuture::join);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.size(db) > empty + 200_000);
            assertEquals(2_000, store.latest("#lab", 10_000).size());
        }
    }

    /**
     * A child JVM appends and prints the id of each append whose future completed; it is killed
     * mid-stream (SIGKILL: no shutdown hooks, no close). Every printed id must be in the file.
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void completedAppendsSurviveAKilledProcess() throws IOException, InterruptedException {
        Path errors = dataDir.resolveSibling(dataDir.getFileName() + "-child.err");
        Path storeDir = dataDir.resolve("store");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName(), storeDir.toString())
                .redirectError(errors.toFile())
                .start();
        Set<String> reported = new HashSet<>();
        try (BufferedReader out = child.inputReader()) {
            readReports(out, reported, 500);
            if (reported.size() < 500) {
                fail("the child stopped after " + reported.size() + " ids: " + Files.readString(errors));
            }

            // While the child runs, it owns the folder.
            StoreException e = assertThrows(StoreException.class, () -> SqliteMessageStore.open(storeDir));
            assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());

            // Through the handle: Process.destroyForcibly() would also close our end of the pipe,
            // losing the ids still in it. Same SIGKILL.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");
            readReports(out, reported, Integer.MAX_VALUE);
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(errors);
        }

        assertTrue(reported.remove("topic"), "the child did not report its topic");
        try (SqliteMessageStore store = SqliteMessageStore.open(storeDir)) {
            Set<String> stored = new HashSet<>();
            store.latest("#crash", Integer.MAX_VALUE).forEach(m -> stored.add(m.id()));
            Set<String> lost = new HashSet<>(reported);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), lost.size() + " of " + reported.size()
                    + " ids reported as stored are missing after the crash, e.g. " + lost.stream().limit(5).toList());
            assertEquals("before the crash", store.topics().get("#crash").text());
            assertTrue(stored.size() >= reported.size());
            // The kill left messages out of the search index; it catches up in the background.
            String newest = store.latest("#crash", 1).getFirst().id();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.search(List.of("#crash"), "message", 1).stream()
                    .map(ChatMessage::id).toList().equals(List.of(newest)));
        }
    }

    /** Reads "{@code <id> ok}" lines until {@code count} ids or the end of the stream. */
    private static void readReports(BufferedReader out, Set<String> reported, int count) throws IOException {
        String line;
        while (reported.size() < count && (line = out.readLine()) != null) {
            if (line.endsWith(" ok")) {
                reported.add(line.substring(0, line.length() - 3));
            }
        }
    }
}
