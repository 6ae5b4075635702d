package dev.parley.storage.sqlite;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.storage.ConversationActivity;
import dev.parley.storage.SearchQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reads across conversations: activity, direct conversations, search and topics. */
final class CatalogReader {

    // The newest time per conversation is one step down the (conversation, time_ms) index.
    private static final String ACTIVITY = """
            SELECT key, latest FROM (
                SELECT c.value AS key, (SELECT m.time_ms FROM messages m
                                        WHERE m.conversation = c.value AND m.time_ms BETWEEN ? AND ?
                                        ORDER BY m.time_ms DESC LIMIT 1) AS latest
                FROM json_each(?) c)
            WHERE latest IS NOT NULL ORDER BY latest, key LIMIT ?""";

    // FTS5 hands out matches by descending rowid (= seq), so the LIMIT stops the scan early.
    private static final String SEARCH = "SELECT " + MessageRows.columns("m") + """
             FROM search.messages_fts f JOIN messages m ON m.seq = f.rowid
            WHERE f.messages_fts MATCH ? AND m.conversation IN (SELECT value FROM json_each(?))
            ORDER BY f.rowid DESC LIMIT ?""";

    private CatalogReader() {
    }

    static List<ConversationActivity> activity(ReadConnection c, Collection<String> conversations, Instant from,
                                               Instant to, int limit) throws SQLException {
        if (conversations.isEmpty() || limit == 0) {
            return List.of();
        }
        Instant low = from.isAfter(to) ? to : from;
        Instant high = from.isAfter(to) ? from : to;
        PreparedStatement query = c.prepare(ACTIVITY);
        query.setLong(1, Millis.ceil(low));
        query.setLong(2, Millis.floor(high));
        query.setString(3, JsonText.array(new LinkedHashSet<>(conversations)));
        query.setInt(4, limit);
        List<ConversationActivity> found = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(new ConversationActivity(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))));
            }
        }
        return List.copyOf(found);
    }

    static Set<String> conversationsOf(ReadConnection c, String participant) throws SQLException {
        PreparedStatement query = c.prepare("SELECT conversation FROM participants WHERE participant = ?");
        query.setString(1, participant);
        Set<String> keys = new HashSet<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return Set.copyOf(keys);
    }

    static List<ChatMessage> search(ReadConnection c, Collection<String> conversations, String text, int limit)
            throws SQLException {
        SearchQuery query = SearchQuery.parse(text);
        if (query.isEmpty() || conversations.isEmpty() || limit == 0) {
            return List.of();
        }
        PreparedStatement statement = c.prepare(SEARCH);
        statement.setString(1, FtsMatch.of(query));
        statement.setString(2, JsonText.array(new LinkedHashSet<>(conversations)));
        statement.setInt(3, limit);
        try (ResultSet rows = statement.executeQuery()) {
            return StoredMessage.inAppendOrder(MessageRows.readAll(rows));
        }
    }

    static Map<String, ChannelTopic> topics(ReadConnection c) throws SQLException {
        PreparedStatement query = c.prepare("SELECT channel_key, channel, text, set_by, set_at_ms FROM topics");
        Map<String, ChannelTopic> topics = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                topics.put(rows.getString(1), new ChannelTopic(rows.getString(2), rows.getString(3),
                        rows.getString(4), Instant.ofEpochMilli(rows.getLong(5))));
            }
        }
        return Map.copyOf(topics);
    }
}
