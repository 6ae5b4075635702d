package dev.parley.transport.mesh;

import dev.parley.model.Presence;
import java.util.List;
import java.util.Objects;

/**
 * Another peer as this one sees it.
 *
 * @param peerId   its id on the mesh
 * @param nick     the nick it shows under (after nick conflicts are resolved)
 * @param presence here, away, or unreachable (silent for a while)
 * @param channels the channels it is in, as it writes them
 */
public record MeshPeer(String peerId, String nick, Presence presence, List<String> channels) {

    public MeshPeer {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(presence, "presence");
        channels = List.copyOf(channels);
    }
}
