package dev.parley.storage.sqlite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index, which the writer thread fills in bulk behind the appends: complete after
 * close, caught up after a crash or a failure, and carried over from a version 1 file (which
 * indexed with a trigger).
 */
class SqliteSearchIndexTest {

    private static final Conversation LAB = Conversation.channel("#lab");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    /** Search indexes only at close: in between, the index lags every append. */
    private static final SqliteOptions ONLY_AT_CLOSE = SqliteOptions.defaults().indexingOnlyAtClose().withIndexBatch(1_000);

    @TempDir
    Path dataDir;

    private static ChatMessage message(String id, String text) {
        return new ChatMessage(id, T0, "#lab", "ada", "ada", text, MessageKind.MESSAGE);
    }

    private static List<String> search(SqliteMessageStore store, String query) {
        return store.search(List.of("#lab"), query, 100_000).stream().map(ChatMessage::id).toList();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteMessageStore.FILE_NAME));
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Fails unless the index holds exactly the words of the messages table. */
    private void assertIndexMatchesMessages() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
            assertEquals(query(s, "SELECT coalesce(max(seq), 0) FROM messages"),
                    query(s, "SELECT indexed_up_to FROM search_index"));
        }
    }

    @Test
    void closeLeavesACompleteIndex() throws SQLException {
        List<String> appended = new ArrayList<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            List<CompletableFuture<ChatMessage>> futures = new ArrayList<>();
            for (int i = 0; i < 4_500; i++) {
                futures.add(store.append(LAB, message("m" + i, "indexed at close " + i)));
                appended.add("m" + i);
            }
            futures.forEach(CompletableFuture::join);
            assertEquals(List.of(), search(store, "indexed"), "the index lags until close");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(appended, search(store, "indexed"));
            assertEquals(List.of("m4499"), search(store, "4499"));
        }
        assertIndexMatchesMessages();
    }

    @Test
    void messagesLeftOutOfTheIndexAreIndexedAfterAFailure() throws SQLException {
        SqliteMessageStore.open(dataDir).close();
        // As a crash leaves it: stored, not indexed.
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO messages (msgid, conversation, time_ms, target, sender, origin, text, kind)
                    VALUES ('lost', '#lab', 0, '#lab', 'ada', 'ada', 'left behind by a crash', 'MESSAGE')""");
        }
        Connection lock = connect();
        try (Statement s = lock.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        SqliteOptions options = SqliteOptions.defaults().withBusyTimeout(Duration.ofMillis(100));
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, options)) {
            // The writer's first attempt cannot take the write lock; it tries again later.
            assertEquals(List.of(), search(store, "crash"));
            try (Statement s = lock.createStatement()) {
                s.execute("ROLLBACK");
            }
            lock.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> search(store, "crash").equals(List.of("lost")));
            store.append(LAB, message("next", "after the crash")).join();
            await().atMost(Duration.ofSeconds(30)).until(() -> search(store, "crash").equals(List.of("lost", "next")));
        } finally {
            lock.close();
        }
        assertIndexMatchesMessages();
    }

    @Test
    void aVersion1FileKeepsItsIndex() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            query(s, "PRAGMA journal_mode = WAL");
            Schema.migrate(c, 1);
            for (int i = 1; i <= 3; i++) {
                s.execute("INSERT INTO messages (msgid, conversation, time_ms, target, sender, origin, text, kind) "
                        + "VALUES ('old" + i + "', '#lab', " + i + ", '#lab', 'ada', 'ada', 'written by version one', "
                        + "'MESSAGE')");
            }
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("old1", "old2", "old3"), search(store, "version"), "indexed by the version 1 trigger");
            store.append(LAB, message("new", "written by version two")).join();
            assertEquals(List.of("old1", "old2", "old3"), search(store, "version"));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("old1", "old2", "old3", "new"), search(store, "version"));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertEquals(String.valueOf(Schema.VERSION), query(s, "PRAGMA user_version"));
            assertEquals("0", query(s, "SELECT count(*) FROM sqlite_master WHERE name = 'messages_fts_insert'"));
        }
        assertIndexMatchesMessages();
    }

    /** Nothing deletes messages yet; the delete trigger must still keep the index right. */
    @Test
    void deletingIndexedAndUnindexedMessagesKeepsTheIndexRight() throws SQLException {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("a", "indexed alpha")).join();
            store.append(LAB, message("b", "indexed beta")).join();
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("c", "not indexed gamma")).join();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM messages WHERE msgid IN ('a', 'c')");
                s.execute("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
            }
            assertEquals(List.of("b"), search(store, "indexed"));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("b"), search(store, "indexed"));
            assertEquals(List.of(), search(store, "gamma"));
        }
        assertIndexMatchesMessages();
    }
}
