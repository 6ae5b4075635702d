package dev.parley.storage.sqlite;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a file, and the migrations that build them: {@link #STORE} for the messages,
 * {@link #SEARCH} for their search index. {@code PRAGMA user_version} holds how many
 * migrations a file has had; each runs in its own transaction with the version bump, so a crash
 * leaves the file at one version or the next. A later change appends a migration, never edits one.
 */
final class Schema {

    /** The messages file, {@value SqliteMessageStore#FILE_NAME}. */
    static final Schema STORE = new Schema(List.of(
            // Version 1.
            List.of(
            // seq is the rowid: ascending seq is append order. AUTOINCREMENT keeps seqs from ever
            // being reused, even if old messages are pruned one day.
            """
            CREATE TABLE messages (
                seq          INTEGER PRIMARY KEY AUTOINCREMENT,
                msgid        TEXT    NOT NULL UNIQUE,
                conversation TEXT    NOT NULL,
                time_ms      INTEGER NOT NULL,
                target       TEXT    NOT NULL,
                sender       TEXT    NOT NULL,
                origin       TEXT    NOT NULL,
                text         TEXT    NOT NULL,
                kind         TEXT    NOT NULL
            )""",
            // History pages by position, and by time for time references and chathistory TARGETS.
            "CREATE INDEX messages_by_position ON messages (conversation, seq)",
            "CREATE INDEX messages_by_time ON messages (conversation, time_ms)",
            """
            CREATE TABLE participants (
                participant  TEXT NOT NULL,
                conversation TEXT NOT NULL,
                PRIMARY KEY (participant, conversation)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE topics (
                channel_key TEXT    NOT NULL PRIMARY KEY,
                channel     TEXT    NOT NULL,
                text        TEXT    NOT NULL,
                set_by      TEXT    NOT NULL,
                set_at_ms   INTEGER NOT NULL
            ) WITHOUT ROWID""",
            // External content: the index keeps only the words and reads text from messages.
            """
            CREATE VIRTUAL TABLE messages_fts USING fts5 (
                text, content = 'messages', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
            )""",
            // Triggers keep the index in the transaction that changes messages, so they never drift.
            // (Version 2 replaces the insert trigger with indexing in bulk.)
            """
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
            END""",
            """
            CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
            END"""),
            // Version 2. The insert trigger cost more than the append itself, in the append's
            // transaction; the writer thread now indexes in bulk when it has time (SearchIndexer).
            // Every message with seq <= indexed_up_to is in messages_fts, none after it; the mark
            // moves in the transaction that indexes. (It has to be a table: on an external-content
            // index, max(rowid) reads the content table, not the index.) A version 1 index is
            // complete, so the mark starts at the newest message.
            List.of(
                    "DROP TRIGGER messages_fts_insert",
                    """
                    CREATE TABLE search_index (
                        id            INTEGER PRIMARY KEY CHECK (id = 1),
                        indexed_up_to INTEGER NOT NULL
                    )""",
                    "INSERT INTO search_index (id, indexed_up_to) SELECT 1, coalesce(max(seq), 0) FROM messages",
                    // Only an indexed row may be taken out of the index: FTS5 would otherwise
                    // remove words that were never put in. (Nothing deletes messages yet.)
                    "DROP TRIGGER messages_fts_delete",
                    """
                    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
                    WHEN old.seq <= (SELECT indexed_up_to FROM search_index) BEGIN
                        INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
                    END"""),
            // Version 3. The index moves to a file of its own (SEARCH), written by a thread of its
            // own: an index transaction here held this file's one write lock for milliseconds, and
            // every append waited behind it (measured: the relay's slowest deliveries). It is built
            // again there from the messages. The token names this file, so that an index file found
            // next to another messages file is seen for what it is and rebuilt.
            List.of(
                    "DROP TRIGGER messages_fts_delete",
                    "DROP TABLE messages_fts",
                    "DROP TABLE search_index",
                    """
                    CREATE TABLE store_identity (
                        id    INTEGER PRIMARY KEY CHECK (id = 1),
                        token TEXT    NOT NULL
                    )""",
                    "INSERT INTO store_identity (id, token) VALUES (1, lower(hex(randomblob(16))))")));

    /** The search index, {@value SqliteMessageStore#SEARCH_FILE_NAME}. */
    static final Schema SEARCH = new Schema(List.of(
            // Version 1. Contentless: the index keeps only the words. A search joins its rowids
            // (seqs, never reused) to the messages, which also leaves out a message deleted since.
            // Every message of the store named by store_token with seq <= indexed_up_to is in
            // messages_fts, none after it; the mark moves in the transaction that indexes.
            List.of(
                    """
                    CREATE VIRTUAL TABLE messages_fts USING fts5 (
                        text, content = '', tokenize = 'unicode61 remove_diacritics 2'
                    )""",
                    """
                    CREATE TABLE search_index (
                        id            INTEGER PRIMARY KEY CHECK (id = 1),
                        store_token   TEXT    NOT NULL,
                        indexed_up_to INTEGER NOT NULL
                    )""")));

    private final List<List<String>> migrations;

    private Schema(List<List<String>> migrations) {
        this.migrations = migrations;
    }

    /** How many migrations a file of this kind has once it is up to date. */
    int version() {
        return migrations.size();
    }

    /** Brings the file up to {@link #version()}; returns the version it found. */
    int migrate(Connection connection) throws SQLException {
        return migrate(connection, version());
    }

    /** Brings the file up to {@code target} (tests build files of older versions with it); returns the version it found. */
    int migrate(Connection connection, int target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            requireFts5(statement);
            int found = Integer.parseInt(Connections.queryString(statement, "PRAGMA user_version"));
            if (found > version()) {
                throw new StoreException("it was written by a newer Parley (schema version " + found
                        + ", this one knows up to " + version() + ")");
            }
            for (int version = found + 1; version <= target; version++) {
                apply(statement, version);
            }
            return found;
        }
    }

    private void apply(Statement statement, int version) throws SQLException {
        statement.execute("BEGIN IMMEDIATE");
        try {
            for (String sql : migrations.get(version - 1)) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = " + version);
            statement.execute("COMMIT");
        } catch (SQLException e) {
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private static void requireFts5(Statement statement) throws SQLException {
        if (!"1".equals(Connections.queryString(statement, "SELECT sqlite_compileoption_used('ENABLE_FTS5')"))) {
            throw new StoreException("the bundled SQLite has no FTS5, which message search needs");
        }
    }
}
