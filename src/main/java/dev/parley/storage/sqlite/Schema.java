package dev.parley.storage.sqlite;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables, and the migrations that build them. {@code PRAGMA user_version} holds how many
 * migrations a file has had; each runs in its own transaction with the version bump, so a crash
 * leaves the file at one version or the next. A later change appends a migration, never edits one.
 */
final class Schema {

    private static final List<List<String>> MIGRATIONS = List.of(List.of(
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
            """
            CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts (rowid, text) VALUES (new.seq, new.text);
            END""",
            """
            CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
            END"""));

    static final int VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /** Brings the file up to {@link #VERSION}; returns the version it found. */
    static int migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            requireFts5(statement);
            int found = Integer.parseInt(Connections.queryString(statement, "PRAGMA user_version"));
            if (found > VERSION) {
                throw new StoreException("it was written by a newer Parley (schema version " + found
                        + ", this one knows up to " + VERSION + ")");
            }
            for (int version = found + 1; version <= VERSION; version++) {
                apply(statement, version);
            }
            return found;
        }
    }

    private static void apply(Statement statement, int version) throws SQLException {
        statement.execute("BEGIN IMMEDIATE");
        try {
            for (String sql : MIGRATIONS.get(version - 1)) {
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
