package dev.parley.storage.sqlite;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.storage.Conversation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The writer connection's statements, prepared once and reused for every batch. Its transactions
 * are BEGIN IMMEDIATE: the writer takes the write lock at the start rather than on its first insert.
 */
final class WriteStatements implements AutoCloseable {

    private final Transactions transaction;
    private final PreparedStatement insertMessage;
    private final PreparedStatement insertParticipant;
    private final PreparedStatement putTopic;

    WriteStatements(Connection connection) throws SQLException {
        transaction = new Transactions(connection, "BEGIN IMMEDIATE");
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

    Transactions transaction() {
        return transaction;
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
        transaction.close();
        for (PreparedStatement statement : new PreparedStatement[] {insertMessage, insertParticipant, putTopic}) {
            statement.close();
        }
    }
}
