package dev.parley.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One chat message as it is stored and replayed.
 *
 * @param id     unique, stable id (the IRCv3 msgid); never reused
 * @param time   when the relay or peer accepted it (millisecond precision on the wire)
 * @param target where it was sent: a channel name ({@code #lab}) or, for a direct message, the
 *               recipient's nick, as the sender wrote it
 * @param sender the sender's nick
 * @param origin the sender's full address for replay ({@code nick!user@host}); for mesh peers
 *               the peer id; never null, may equal {@code sender}
 * @param text   the text as sent (a /me action keeps its CTCP framing)
 * @param kind   message or notice
 */
public record ChatMessage(String id, Instant time, String target, String sender, String origin, String text,
                          MessageKind kind) {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
