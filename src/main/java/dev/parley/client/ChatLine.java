package dev.parley.client;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a conversation as the faces show it.
 *
 * @param id      the network's message id, or the client's local id while pending; events get a local id
 * @param time    when it happened
 * @param sender  who said it (nick), or empty for events and info
 * @param text    the text, without CTCP framing for actions
 * @param kind    message, action, notice or an event
 * @param own     written by this user
 * @param mention names this user
 * @param pending written by this user and not yet confirmed by the network
 */
public record ChatLine(String id, Instant time, String sender, String text, LineKind kind, boolean own,
                       boolean mention, boolean pending) {

    public ChatLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The id to page back from: the first line in {@code lines} that the network stored (a chat
     * line, not pending; events and the client's remarks have local ids). Null when there is none.
     */
    public static String oldestStoredId(Iterable<ChatLine> lines) {
        for (ChatLine line : lines) {
            if (line.kind().isChat() && !line.pending()) {
                return line.id();
            }
        }
        return null;
    }

    public ChatLine confirmed(String networkId, Instant networkTime) {
        return new ChatLine(networkId, networkTime, sender, text, kind, own, mention, false);
    }
}
