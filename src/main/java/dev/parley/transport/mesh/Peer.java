package dev.parley.transport.mesh;

import dev.parley.model.Presence;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Another peer as this one knows it from its heartbeats. Loop thread only. */
final class Peer {

    final String id;
    long incarnation;
    /** The nick it asks for, and since when. */
    String claimedNick;
    long nickSince;
    /** The nick it shows under here (differs from the claim for a conflict's loser); null until resolved. */
    String nick;
    String away;
    /** Its channels: folded name to the name as it writes it. */
    final Map<String, String> channels = new LinkedHashMap<>();
    /** The last sequence number it sent per stream: its channels (folded), direct streams, channels left. */
    final Map<String, Long> heads = new HashMap<>();
    int pubPort;
    int catchUpPort;
    long lastHeardNanos;
    boolean unreachable;

    Peer(String id) {
        this.id = id;
    }

    Presence presence() {
        if (unreachable) {
            return Presence.UNREACHABLE;
        }
        return away != null ? Presence.AWAY : Presence.HERE;
    }

    boolean inChannel(String folded) {
        return channels.containsKey(folded);
    }

    /** Its display name, before its nick is resolved as well. */
    String shownNick() {
        return nick != null ? nick : claimedNick;
    }
}
