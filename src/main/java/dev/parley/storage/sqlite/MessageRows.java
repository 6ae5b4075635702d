package dev.parley.storage.sqlite;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Rows of the messages table as {@link ChatMessage}s. */
final class MessageRows {

    private MessageRows() {
    }

    /** The columns {@link #read} expects, in its order, for a messages table known as {@code alias}; seq is the 8th. */
    static String columns(String alias) {
        return Stream.of("msgid", "time_ms", "target", "sender", "origin", "text", "kind", "seq")
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    static ChatMessage read(ResultSet row) throws SQLException {
        String id = row.getString(1);
        String kind = row.getString(7);
        try {
            return new ChatMessage(id, Instant.ofEpochMilli(row.getLong(2)), row.getString(3), row.getString(4),
                    row.getString(5), row.getString(6), MessageKind.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw new SQLException("message " + id + " has an unknown kind " + kind, e);
        }
    }

    /** Every row, in the order the query gave them. */
    static List<StoredMessage> readAll(ResultSet rows) throws SQLException {
        List<StoredMessage> found = new ArrayList<>();
        while (rows.next()) {
            found.add(new StoredMessage(rows.getLong(8), read(rows)));
        }
        return found;
    }
}
