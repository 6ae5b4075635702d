package dev.parley.storage.sqlite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.storage.Conversation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search index, which its own thread fills in bulk behind the appends, in a file of its own:
 * complete after close, caught up after a crash or a failure, built again from the messages of an
 * older file (which kept the index beside them), and never mistaken for the index of another store.
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

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private Connection connectMessages() throws SQLException {
        return connect(dataDir.resolve(SqliteMessageStore.FILE_NAME));
    }

    /** The search file, with the messages file attached as {@code store}. */
    private Connection connectSearch() throws SQLException {
        Connection c = connect(dataDir.resolve(SqliteMessageStore.SEARCH_FILE_NAME));
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH DATABASE '" + dataDir.resolve(SqliteMessageStore.FILE_NAME) + "' AS store");
        }
        return c;
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void insertDirectly(Statement s, String id, String text) throws SQLException {
        s.execute("INSERT INTO messages (msgid, conversation, time_ms, target, sender, origin, text, kind) "
                + "VALUES ('" + id + "', '#lab', 0, '#lab', 'ada', 'ada', '" + text + "', 'MESSAGE')");
    }

    /** Fails unless the index holds exactly the messages of the store it names, up to its mark. */
    private void assertIndexMatchesMessages() throws SQLException {
        try (Connection c = connectSearch(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
            assertEquals(query(s, "SELECT token FROM store.store_identity"),
                    query(s, "SELECT store_token FROM search_index"));
            assertEquals(query(s, "SELECT coalesce(max(seq), 0) FROM store.messages"),
                    query(s, "SELECT indexed_up_to FROM search_index"));
            assertEquals(query(s, "SELECT group_concat(seq) FROM (SELECT seq FROM store.messages ORDER BY seq)"),
                    query(s, "SELECT group_concat(rowid) FROM (SELECT rowid FROM messages_fts ORDER BY rowid)"));
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
    void storedMessagesBecomeSearchableWhileTheStoreIsOpen() {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir)) {
            store.append(LAB, message("a", "searchable soon")).join();
            await().atMost(Duration.ofSeconds(30)).until(() -> search(store, "soon").equals(List.of("a")));
        }
    }

    @Test
    void messagesLeftOutOfTheIndexAreIndexedAfterAFailure() throws SQLException {
        SqliteMessageStore.open(dataDir).close();
        // As a crash leaves it: stored, not indexed.
        try (Connection c = connectMessages(); Statement s = c.createStatement()) {
            insertDirectly(s, "lost", "left behind by a crash");
        }
        Connection lock = connect(dataDir.resolve(SqliteMessageStore.SEARCH_FILE_NAME));
        try (Statement s = lock.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        // No waiting for locks: the indexer's first attempt, at start, fails at once (a wait would
        // outlast the lock and succeed).
        SqliteOptions options = SqliteOptions.defaults().withBusyTimeout(Duration.ZERO);
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, options)) {
            // The indexer cannot take the search file's write lock; it tries again later. Appends
            // do not need that lock at all.
            store.append(LAB, message("during", "stored while the index was locked")).join();
            assertEquals(List.of(), search(store, "crash"));
            try (Statement s = lock.createStatement()) {
                s.execute("ROLLBACK");
            }
            lock.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> search(store, "crash").equals(List.of("lost"))
                    && search(store, "locked").equals(List.of("during")));
            store.append(LAB, message("next", "after the crash")).join();
            await().atMost(Duration.ofSeconds(30)).until(() -> search(store, "crash").equals(List.of("lost", "next")));
        } finally {
            lock.close();
        }
        assertIndexMatchesMessages();
    }

    /** Versions 1 and 2 kept the index in the messages file; version 3 builds it again in its own. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void anOlderFileIsIndexedAgainInTheSearchFile(int version) throws SQLException {
        try (Connection c = connectMessages(); Statement s = c.createStatement()) {
            query(s, "PRAGMA journal_mode = WAL");
            Schema.STORE.migrate(c, version);
            for (int i = 1; i <= 3; i++) {
                insertDirectly(s, "old" + i, "written by version " + version);
            }
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("new", "written by version three")).join();
            assertEquals(List.of(), search(store, "version"), "built again, at close");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("old1", "old2", "old3", "new"), search(store, "version"));
            assertEquals(List.of("new"), search(store, "three"));
        }
        try (Connection c = connectMessages(); Statement s = c.createStatement()) {
            assertEquals(String.valueOf(Schema.STORE.version()), query(s, "PRAGMA user_version"));
            assertEquals("0", query(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'messages_fts%' "
                    + "OR name = 'search_index'"), "the old index is gone from the messages file");
        }
        assertIndexMatchesMessages();
    }

    /** A search file copied, or left, next to other messages must not answer for them. */
    @Test
    void theIndexOfAnotherStoreIsBuiltAgain(@TempDir Path otherDir) throws SQLException, IOException {
        try (SqliteMessageStore other = SqliteMessageStore.open(otherDir, ONLY_AT_CLOSE)) {
            other.append(LAB, message("x", "alpha from elsewhere")).join();
            other.append(LAB, message("y", "alpha again")).join();
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("b", "beta here")).join();
        }
        Files.copy(otherDir.resolve(SqliteMessageStore.SEARCH_FILE_NAME),
                dataDir.resolve(SqliteMessageStore.SEARCH_FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of(), search(store, "alpha"), "the other store's words are gone");
            assertEquals(List.of(), search(store, "beta"), "built again, at close");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("b"), search(store, "beta"));
            assertEquals(List.of(), search(store, "alpha"));
        }
        assertIndexMatchesMessages();
    }

    /** The index is only derived from the messages: a search file that cannot be read is built again. */
    @ParameterizedTest
    @ValueSource(strings = {"damaged", "newer"})
    void anUnreadableSearchFileIsBuiltAgain(String how) throws SQLException, IOException {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("a", "kept alpha")).join();
        }
        Path searchFile = dataDir.resolve(SqliteMessageStore.SEARCH_FILE_NAME);
        if (how.equals("damaged")) {
            Files.writeString(searchFile, "this is not a database, just some text ".repeat(200));
        } else {
            try (Connection c = connect(searchFile); Statement s = c.createStatement()) {
                s.execute("PRAGMA user_version = 99");
            }
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("b", "kept beta")).join();
            assertEquals("b", store.latest("#lab", 1).getFirst().id(), "the messages are untouched");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("a", "b"), search(store, "kept"));
        }
        assertIndexMatchesMessages();
    }

    /** Nothing deletes messages yet; a deleted message must still drop out of the results. */
    @Test
    void deletedMessagesAreNotFound() throws SQLException {
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            store.append(LAB, message("a", "indexed alpha")).join();
            store.append(LAB, message("b", "indexed beta")).join();
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, ONLY_AT_CLOSE)) {
            assertEquals(List.of("a", "b"), search(store, "indexed"));
            try (Connection c = connectMessages(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM messages WHERE msgid = 'a'");
            }
            assertEquals(List.of("b"), search(store, "indexed"));
            assertEquals(List.of(), search(store, "alpha"));
        }
    }
}
