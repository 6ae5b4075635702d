package dev.parley.transport;

import dev.parley.model.MessageKind;
import java.util.Objects;

/**
 * A message the user sends. The {@code localId} is the client's own handle on it, so the
 * transport can say when it was confirmed ({@link TransportListener#sent}) or failed.
 *
 * @param localId unique within this client session
 * @param target  a channel or a nick
 * @param text    the text; an action (/me) is already framed as CTCP ACTION by the caller
 */
public record OutgoingMessage(String localId, String target, String text, MessageKind kind) {

    public OutgoingMessage {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}
