package dev.parley.storage.sqlite;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.storage.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The writer connection's statements, prepared once and reused for every batch. Transactions are
 * plain BEGIN IMMEDIATE / COMMIT on an auto-commit connection: the JDBC driver's own transaction
 * mode would open the next transaction right after each commit and hold it between batches.
 */
final class WriteStatements implements AutoCloseable {

    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final PreparedStatement insertMessage;
    private final PreparedStatement insertParticipant;
    private final PreparedStatement putTopic;

    WriteStatements(Connection connection) throws SQLException {
        begin = connection.prepareStatement("BEGIN IMMEDIATE");
        commit = connection.prepareStatement("COMMIT");
        rollback = connection.prepareStatement("ROLLBACK");
        // A duplicate id skips the row instead of failing the statement, so it fails only its own write.
        insertMessage = connection.prepareStatement("""
                INSERT INTO messages (msgid, conversation, time_ms, target, sender, origin, text, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (msgid) DO NOTHING""");
        insertParticipant = connection.prepareStatement(
                "INSERT INTO participants (participant, conversation) VALUES (?, ?) ON CONFLICT DO NOTHING");
        putTopic = connection.prepareStatement("""
                INSERT INTO topics (channel_key, channel, text, set_by, set_at_ms) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (channel_key) DO UPDATE SET channel = excluded.channel, text = excluded.text,
                    set_by = excluded.set_by, set_at_ms = excluded.set_at_ms""");
    }

    void begin() throws SQLException {
        begin.execute();
    }

    void commit() throws SQLException {
        commit.execute();
    }

    void rollback() throws SQLException {
        rollback.execute();
    }

    /** Inserts a message; false when its id is already stored. */
    boolean insert(Conversation conversation, ChatMessage message) throws SQLException {
        insertMessage.setString(1, message.id());
        insertMessage.setString(2, conversation.key());
        insertMessage.setLong(3, Millis.stored(message.time()));
        insertMessage.setString(4, message.target());
        insertMessage.setString(5, message.sender());
        insertMessage.setString(6, message.origin());
        insertMessage.setString(7, message.text());
        insertMessage.setString(8, message.kind().name());
        return insertMessage.executeUpdate() == 1;
    }

    void addParticipants(Conversation conversation) throws SQLException {
        for (String participant : conversation.participants()) {
            insertParticipant.setString(1, participant);
            insertParticipant.setString(2, conversation.key());
            insertParticipant.executeUpdate();
        }
    }

    void putTopic(String channelKey, ChannelTopic topic) throws SQLException {
        putTopic.setString(1, channelKey);
        putTopic.setString(2, topic.channel());
        putTopic.setString(3, topic.text());
        putTopic.setString(4, topic.setBy());
        putTopic.setLong(5, Millis.stored(topic.setAt()));
        putTopic.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {
                begin, commit, rollback, insertMessage, insertParticipant, putTopic}) {
            statement.close();
        }
    }
}
