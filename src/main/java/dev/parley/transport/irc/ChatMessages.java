package dev.parley.transport.irc;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.IrcMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PRIVMSG and NOTICE lines as {@link ChatMessage}s.
 *
 * <ul>
 *   <li>id: the {@code msgid} tag, else a local id ({@code local-...}), unique in this process
 *       and never sent anywhere;</li>
 *   <li>time: the {@code time} tag (server-time), else now;</li>
 *   <li>target: the line's target as is: a channel, or for a direct message the recipient's nick
 *       (our nick when we receive it); see {@link IrcTransport} for grouping conversations;</li>
 *   <li>text: as sent, a CTCP ACTION included.</li>
 * </ul>
 */
final class ChatMessages {

    private static final String LOCAL_PREFIX = "local-";

    private final Clock clock;
    private final String nonce;
    private final AtomicLong counter = new AtomicLong();

    ChatMessages(Clock clock, String nonce) {
        this.clock = clock;
        this.nonce = nonce;
    }

    ChatMessage from(IrcMessage line) {
        MessageKind kind = line.command().equals("NOTICE") ? MessageKind.NOTICE : MessageKind.MESSAGE;
        String origin = line.source() == null ? "" : line.source();
        String id = line.tag("msgid").filter(s -> !s.isEmpty()).orElseGet(this::localId);
        return new ChatMessage(id, timeOf(line), line.param(0), IrcNames.nickOf(origin), origin,
                line.params().size() > 1 ? line.param(1) : "", kind);
    }

    /** The server-time of a line, or now. */
    Instant timeOf(IrcMessage line) {
        String time = line.tags().get("time");
        if (time != null) {
            try {
                return Instant.parse(time);
            } catch (DateTimeParseException e) {
                // a server with its own idea of ISO 8601: use our clock
            }
        }
        return clock.instant();
    }

    Instant now() {
        return clock.instant();
    }

    String localId() {
        return LOCAL_PREFIX + nonce + "-" + counter.incrementAndGet();
    }

    static boolean isLocal(String id) {
        return id.startsWith(LOCAL_PREFIX);
    }
}
