package dev.parley.transport.mesh;

import dev.parley.model.ChannelSummary;
import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportNote;
import dev.parley.transport.mesh.Envelope.Bye;
import dev.parley.transport.mesh.Envelope.ChannelHead;
import dev.parley.transport.mesh.Envelope.Heartbeat;
import dev.parley.transport.mesh.Envelope.Part;
import dev.parley.transport.mesh.Envelope.StreamHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The peer table, kept from heartbeats, and what its changes mean in this peer's channels:
 * joins, parts, quits, nick changes, away, and members turning unreachable and back. Nicks are
 * resolved with {@link NickRule} on every change of the claims. Loop thread only.
 */
final class PresenceKeeper {

    /** What a heartbeat changed, for the parts that follow streams, links and catch-up. */
    record Heard(Peer peer, boolean first, boolean reincarnated) {
    }

    /** Peers kept; heartbeats from more new ones are ignored until some are gone. */
    static final int MAX_PEERS = 1000;
    private static final Comparator<Peer> BY_NICK = Comparator.comparing(Peer::shownNick, String.CASE_INSENSITIVE_ORDER);

    private final LocalPeer self;
    private final Events events;
    private final long unreachableNanos;
    private final long goneNanos;
    private final Consumer<String> renameSelf;
    private final Map<String, Peer> peers = new LinkedHashMap<>();

    /**
     * @param renameSelf called when this peer lost its nick to an earlier claim, with the nick
     *                   it shows under now, before any event that names the winner; it must
     *                   make that nick this peer's claim (so the claims resolve without conflict)
     */
    PresenceKeeper(LocalPeer self, Events events, MeshConfig.Timings timings, Consumer<String> renameSelf) {
        this.self = self;
        this.events = events;
        this.unreachableNanos = timings.unreachableAfter().toNanos();
        this.goneNanos = timings.goneAfter().toNanos();
        this.renameSelf = renameSelf;
    }

    /** Applies a heartbeat; null when it is ours or from an older run of a peer. */
    Heard heartbeat(Heartbeat beat, long nowNanos) {
        if (beat.peerId().equals(self.id)) {
            return null;
        }
        Peer peer = peers.get(beat.peerId());
        boolean first = peer == null;
        boolean reincarnated = false;
        if (first) {
            if (peers.size() >= MAX_PEERS) {
                return null; // a flood of made-up peers: the table stays bounded
            }
            peer = new Peer(beat.peerId());
            peers.put(peer.id, peer);
        } else if (beat.incarnation() != peer.incarnation) {
            if (beat.incarnation() < peer.incarnation) {
                return null;
            }
            reincarnated = true;
        }
        boolean wasUnreachable = peer.unreachable;
        String awayBefore = peer.away;
        Map<String, String> channelsBefore = new LinkedHashMap<>(peer.channels);
        peer.incarnation = beat.incarnation();
        peer.lastHeardNanos = nowNanos;
        peer.unreachable = false;
        peer.away = beat.away();
        peer.pubPort = beat.pubPort();
        peer.catchUpPort = beat.catchUpPort();
        boolean claimChanged = !beat.nick().equals(peer.claimedNick) || beat.nickSince() != peer.nickSince;
        peer.claimedNick = beat.nick();
        peer.nickSince = beat.nickSince();
        peer.channels.clear();
        peer.heads.clear();
        for (StreamHead head : beat.heads()) {
            peer.heads.put(head.stream(), head.head());
        }
        for (ChannelHead head : beat.channels()) {
            String folded = CaseMapping.fold(head.channel());
            peer.channels.put(folded, head.channel());
            peer.heads.put(folded, head.head());
        }
        if (claimChanged) {
            resolveNicks();
        }
        announceChanges(peer, first, wasUnreachable, awayBefore, channelsBefore);
        return new Heard(peer, first, reincarnated);
    }

    /** A peer said goodbye: it quits now. Returns it, or null when unknown. */
    Peer bye(Bye bye) {
        Peer peer = peers.get(bye.peerId());
        if (peer == null || peer.incarnation != bye.incarnation()) {
            return null;
        }
        String reason = bye.reason().isEmpty() ? null : bye.reason(); // the peer's own words
        remove(peer, l -> l.quit(peer.shownNick(), reason));
        return peer;
    }

    void part(Part part) {
        Peer peer = peers.get(part.peerId());
        if (peer == null || peer.incarnation != part.incarnation()) {
            return;
        }
        String folded = CaseMapping.fold(part.channel());
        if (peer.channels.remove(folded) != null && self.inChannel(folded)) {
            events.emit(l -> l.parted(self.channels.get(folded), peer.shownNick(),
                    part.reason().isEmpty() ? null : part.reason()));
        }
    }

    /** Marks silent peers unreachable, drops those gone; returns the gone ones. */
    List<Peer> sweep(long nowNanos) {
        List<Peer> gone = new ArrayList<>();
        for (Peer peer : List.copyOf(peers.values())) {
            long silence = nowNanos - peer.lastHeardNanos;
            if (silence > goneNanos) {
                TransportNote silent = MeshNote.GONE.with(Math.ceilDiv(goneNanos, 1_000_000_000L));
                remove(peer, l -> l.quit(peer.shownNick(), silent));
                gone.add(peer);
            } else if (silence > unreachableNanos && !peer.unreachable) {
                peer.unreachable = true;
                announceMembers(peer, List.of());
            }
        }
        return gone;
    }

    /** Re-resolves nicks after this peer's own claim changed. */
    void ownClaimChanged() {
        resolveNicks();
    }

    Peer peer(String peerId) {
        return peers.get(peerId);
    }

    List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    /** The peer showing under {@code nick} (case-insensitive), or null. */
    Peer byNick(String nick) {
        String folded = CaseMapping.fold(nick);
        for (Peer peer : peers.values()) {
            if (peer.nick != null && CaseMapping.fold(peer.nick).equals(folded)) {
                return peer;
            }
        }
        return null;
    }

    /** Whether another peer claims {@code nick} (it may show under another name after a conflict). */
    boolean claimed(String nick) {
        String folded = CaseMapping.fold(nick);
        return peers.values().stream().anyMatch(p -> CaseMapping.fold(p.claimedNick).equals(folded));
    }

    /** Reachable peers in a channel. */
    List<Peer> reachableIn(String folded) {
        return peers.values().stream().filter(p -> p.inChannel(folded) && !p.unreachable).toList();
    }

    /** A channel's members: this peer first when it is in it, then the others by nick. */
    List<Member> members(String folded) {
        List<Member> members = new ArrayList<>();
        if (self.inChannel(folded)) {
            members.add(new Member(self.nick, false, self.away != null ? Presence.AWAY : Presence.HERE));
        }
        peers.values().stream().filter(p -> p.inChannel(folded)).sorted(BY_NICK)
                .forEach(p -> members.add(new Member(p.shownNick(), false, p.presence())));
        return members;
    }

    /** Every channel someone on the mesh is in, by name, with how many are in it. */
    List<ChannelSummary> channels(Map<String, String> topics) {
        Map<String, String> names = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        self.channels.forEach((folded, name) -> {
            names.put(folded, name);
            counts.merge(folded, 1, Integer::sum);
        });
        for (Peer peer : peers.values()) {
            peer.channels.forEach((folded, name) -> {
                names.putIfAbsent(folded, name);
                counts.merge(folded, 1, Integer::sum);
            });
        }
        List<ChannelSummary> list = new ArrayList<>();
        names.forEach((folded, name) -> list.add(new ChannelSummary(name, counts.get(folded),
                Objects.requireNonNullElse(topics.get(folded), ""))));
        return list;
    }

    private void announceChanges(Peer peer, boolean first, boolean wasUnreachable, String awayBefore,
                                 Map<String, String> channelsBefore) {
        List<String> joinedNow = new ArrayList<>();
        for (String folded : peer.channels.keySet()) {
            if (!channelsBefore.containsKey(folded)) {
                joinedNow.add(folded);
                if (self.inChannel(folded)) {
                    events.emit(l -> l.joined(self.channels.get(folded), peer.shownNick()));
                }
            }
        }
        for (String folded : channelsBefore.keySet()) {
            if (!peer.channels.containsKey(folded) && self.inChannel(folded)) {
                events.emit(l -> l.parted(self.channels.get(folded), peer.shownNick(), null));
            }
        }
        if (first ? peer.away != null : !Objects.equals(awayBefore, peer.away)) {
            events.emit(l -> l.away(peer.shownNick(), peer.away));
        }
        if (wasUnreachable) {
            announceMembers(peer, joinedNow);
        }
    }

    /** The full member list of every channel shared with {@code peer}, except those just joined. */
    private void announceMembers(Peer peer, List<String> skip) {
        for (String folded : peer.channels.keySet()) {
            if (self.inChannel(folded) && !skip.contains(folded)) {
                List<Member> members = members(folded);
                events.emit(l -> l.members(self.channels.get(folded), members));
            }
        }
    }

    /** Drops a peer; {@code quit} tells the listener, with the peer's words or the mesh's. */
    private void remove(Peer peer, Consumer<TransportListener> quit) {
        peers.remove(peer.id);
        events.emit(quit);
        resolveNicks();
    }

    private void resolveNicks() {
        Map<String, String> shown = NickRule.resolve(claims());
        String mine = shown.get(self.id);
        if (!mine.equals(self.nick)) {
            renameSelf.accept(mine);
            shown = NickRule.resolve(claims());
        }
        for (Peer peer : peers.values()) {
            String now = shown.get(peer.id);
            String before = peer.nick;
            peer.nick = now;
            if (before != null && !before.equals(now)) {
                events.emit(l -> l.nickChanged(before, now));
            }
        }
    }

    private List<NickRule.Claim> claims() {
        List<NickRule.Claim> claims = new ArrayList<>(peers.size() + 1);
        claims.add(new NickRule.Claim(self.id, self.nick, self.nickSince));
        for (Peer peer : peers.values()) {
            claims.add(new NickRule.Claim(peer.id, peer.claimedNick, peer.nickSince));
        }
        return claims;
    }
}
