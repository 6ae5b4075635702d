package dev.parley.transport.mesh;

import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.TransportNote;
import java.util.Collection;
import java.util.List;

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
                events.emit(l -> l.info(target, MeshNote.NOBODY_IN.with(target)));
            }
            for (Member member : members) {
                events.emit(l -> l.info(target, MeshNote.WHO_MEMBER.with(member.nick(), target,
                        state(member.presence(), null))));
            }
            return;
        }
        if (CaseMapping.fold(target).equals(CaseMapping.fold(self.nick))) {
            events.emit(l -> l.info(null, MeshNote.WHO_SELF.with(self.nick, self.id, channels(self.channels.values()))));
            return;
        }
        Peer peer = presence.byNick(target);
        if (peer == null) {
            events.emit(l -> l.error(target, MeshNote.NO_SUCH_NICK.with(target)));
            return;
        }
        String host = links.hostOf(peer.id);
        TransportNote state = state(peer.presence(), peer.away);
        Object channels = channels(peer.channels.values());
        TransportNote answer = host == null ? MeshNote.WHO_PEER.with(peer.nick, state, peer.id, channels)
                : MeshNote.WHO_PEER_AT.with(peer.nick, state, peer.id, host, channels);
        events.emit(l -> l.info(null, answer));
    }

    /** The channels' names, or "no channel" in the user's words (not a sentence ending in "in"). */
    private static Object channels(Collection<String> names) {
        return names.isEmpty() ? MeshNote.NO_CHANNEL.with() : String.join(" ", names);
    }

    /** Here, away (with the message when known) or unreachable, in the user's words. */
    private static TransportNote state(Presence presence, String awayMessage) {
        return switch (presence) {
            case HERE -> MeshNote.HERE.with();
            case AWAY -> awayMessage == null ? MeshNote.AWAY.with() : MeshNote.AWAY_WITH.with(awayMessage);
            case UNREACHABLE -> MeshNote.UNREACHABLE.with();
        };
    }

    /** Stored messages from this peer's own store. */
    void history(HistoryRequest request) {
        var messages = history.answer(request, self.nick);
        events.emit(l -> l.history(request.target(), messages, request.beforeId() != null));
    }
}
