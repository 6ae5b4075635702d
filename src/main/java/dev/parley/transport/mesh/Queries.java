package dev.parley.transport.mesh;

import dev.parley.model.Member;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.HistoryRequest;
import java.util.List;
import java.util.Locale;

/**
 * The user's questions, answered from what this peer knows: the channel list, members, who
 * someone is, and stored history. Nothing goes on the wire. Loop thread only.
 */
final class Queries {

    private final LocalPeer self;
    private final PresenceKeeper presence;
    private final PeerLinks links;
    private final MeshHistory history;
    private final Topics topics;
    private final Events events;

    Queries(LocalPeer self, PresenceKeeper presence, PeerLinks links, MeshHistory history, Topics topics, Events events) {
        this.self = self;
        this.presence = presence;
        this.links = links;
        this.history = history;
        this.topics = topics;
        this.events = events;
    }

    /** Every channel someone on the mesh is in. */
    void channelList() {
        var channels = presence.channels(topics.texts());
        events.emit(l -> l.channelList(channels));
    }

    /** The peers in a channel; empty when nobody is in it (so {@code /create} may make it). */
    void members(String channel) {
        List<Member> members = presence.members(CaseMapping.fold(channel));
        events.emit(l -> l.members(channel, members));
    }

    void who(String target) {
        if (MeshHistory.isChannel(target)) {
            List<Member> members = presence.members(CaseMapping.fold(target));
            if (members.isEmpty()) {
                events.emit(l -> l.info(target, "Nobody is in " + target + "."));
            }
            for (Member member : members) {
                events.emit(l -> l.info(target, member.nick() + " in " + target + ": "
                        + member.presence().name().toLowerCase(Locale.ROOT)));
            }
            return;
        }
        if (CaseMapping.fold(target).equals(CaseMapping.fold(self.nick))) {
            events.emit(l -> l.info(null, self.nick + " is you (peer " + self.id + "), in "
                    + String.join(" ", self.channels.values())));
            return;
        }
        Peer peer = presence.byNick(target);
        if (peer == null) {
            events.emit(l -> l.error(target, "No such nick: " + target));
            return;
        }
        String host = links.hostOf(peer.id);
        String state = switch (peer.presence()) {
            case HERE -> "here";
            case AWAY -> "away (" + peer.away + ")";
            case UNREACHABLE -> "unreachable";
        };
        events.emit(l -> l.info(null, peer.nick + " is " + state + " (peer " + peer.id
                + (host == null ? "" : " at " + host) + "), in " + String.join(" ", peer.channels.values())));
    }

    /** Stored messages from this peer's own store. */
    void history(HistoryRequest request) {
        var messages = history.answer(request, self.nick);
        events.emit(l -> l.history(request.target(), messages, request.beforeId() != null));
    }
}
