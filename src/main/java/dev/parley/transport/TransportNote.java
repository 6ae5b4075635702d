package dev.parley.transport;

import java.util.List;
import java.util.Objects;

/**
 * Words a transport makes up for the user, to be written in the user's language by the client:
 * {@code key} names a text of the client's ({@code mesh.noSuchNick}) and {@code args} fill in
 * its {0}, {1} ... The transport may not read the client's texts (it sits below the client), so
 * it names them instead. An argument may itself be a note, worded first (a peer's state inside
 * a /who answer).
 *
 * <p>Words that come from the network (an IRC server's replies, a peer's quit message) are no
 * note: they go to the listener as plain strings and are shown as they are.
 */
public record TransportNote(String key, List<Object> args) {

    public TransportNote {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }
}
