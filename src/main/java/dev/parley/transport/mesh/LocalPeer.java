package dev.parley.transport.mesh;

import java.util.LinkedHashMap;
import java.util.Map;

/** This peer: its id, incarnation, nick claim, away message and channels. Loop thread only. */
final class LocalPeer {

    final String id;
    /** This run of the peer: its start time; sequence numbers begin again with each one. */
    final long incarnation;
    String nick;
    long nickSince;
    String away;
    /** Joined channels: folded name to the name as the user wrote it. */
    final Map<String, String> channels = new LinkedHashMap<>();

    LocalPeer(String id, long incarnation, String nick, long nickSince) {
        this.id = id;
        this.incarnation = incarnation;
        this.nick = nick;
        this.nickSince = nickSince;
    }

    boolean inChannel(String folded) {
        return channels.containsKey(folded);
    }
}
