package dev.parley.transport;

import java.util.Objects;

/**
 * A request for stored messages of one conversation.
 *
 * @param target   a channel or a nick
 * @param beforeId the oldest message the client has (load older ones), or null for the latest
 * @param afterId  the newest message the client has (catch up after a gap), or null
 * @param limit    at most this many
 */
public record HistoryRequest(String target, String beforeId, String afterId, int limit) {

    public HistoryRequest {
        Objects.requireNonNull(target, "target");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static HistoryRequest latest(String target, int limit) {
        return new HistoryRequest(target, null, null, limit);
    }

    public static HistoryRequest before(String target, String messageId, int limit) {
        return new HistoryRequest(target, messageId, null, limit);
    }

    public static HistoryRequest after(String target, String messageId, int limit) {
        return new HistoryRequest(target, null, messageId, limit);
    }
}
