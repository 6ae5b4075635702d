package dev.parley.transport.mesh;

import dev.parley.transport.mesh.Envelope.ChannelHead;
import dev.parley.transport.mesh.Envelope.Heartbeat;
import dev.parley.transport.mesh.Envelope.StreamHead;
import java.time.InstantSource;
import java.util.List;

/**
 * This peer's side of presence: its heartbeat, its nick claim and its away message, and what
 * the user is told when they change. Loop thread only.
 */
final class OwnPresence {

    private final LocalPeer self;
    private final MeshSockets sockets;
    private final OutLog outLog;
    private final MeshDiscovery discovery;
    private final MeshViews views;
    private final Events events;
    private final InstantSource clock;
    private PresenceKeeper presence;

    OwnPresence(LocalPeer self, MeshSockets sockets, OutLog outLog, MeshDiscovery discovery, MeshViews views,
                Events events, InstantSource clock) {
        this.self = self;
        this.sockets = sockets;
        this.outLog = outLog;
        this.discovery = discovery;
        this.views = views;
        this.events = events;
        this.clock = clock;
        views.nick(self.nick);
    }

    /** The peer table, which in turn tells this one when its nick claim was beaten. */
    void presence(PresenceKeeper keeper) {
        presence = keeper;
    }

    /** Publishes this peer's presence: nick claim, status, ports, channels and stream heads. */
    void publishHeartbeat() {
        List<ChannelHead> channels = self.channels.entrySet().stream()
                .map(e -> new ChannelHead(e.getValue(), outLog.head(e.getKey()))).toList();
        List<StreamHead> heads = outLog.otherHeads(self.channels.keySet()).stream()
                .map(e -> new StreamHead(e.getKey(), e.getValue())).toList();
        Heartbeat beat = new Heartbeat(self.id, self.incarnation, self.nick, self.nickSince, self.away,
                sockets.pubPort(), sockets.catchUpPort(), channels, heads);
        sockets.publish(Streams.presenceTopic(), EnvelopeCodec.encode(beat));
    }

    /** The user asks for a nick: refused when invalid or when another peer has or claims it. */
    void changeNick(String nick) {
        if (!Streams.isNick(nick)) {
            events.emit(l -> l.error(null, MeshNote.ERRONEOUS_NICK.with(nick)));
            return;
        }
        if (nick.equals(self.nick)) {
            return;
        }
        if (presence.byNick(nick) != null || presence.claimed(nick)) {
            events.emit(l -> l.error(null, MeshNote.NICK_IN_USE.with(nick)));
            return;
        }
        String old = self.nick;
        claim(nick);
        presence.ownClaimChanged();
        publishHeartbeat();
        events.emit(l -> l.nickChanged(old, nick));
    }

    /** Marks the user away with {@code message}, or back when it is null. */
    void setAway(String message) {
        self.away = message == null ? null : Streams.reason(message).isBlank() ? "away" : Streams.reason(message);
        publishHeartbeat();
        discovery.update(self.nick, self.away != null);
        String away = self.away;
        events.emit(l -> l.away(self.nick, away)); // the client tells the user, as for IRC's 305/306
    }

    /**
     * This peer's claim on a nick was beaten by an earlier one: it takes the name it shows under
     * on every peer, and the user is told.
     */
    void lostNick(String shown) {
        String old = self.nick;
        claim(shown);
        publishHeartbeat();
        events.emit(l -> l.error(null, MeshNote.NICK_LOST.with(old, shown)));
        events.emit(l -> l.nickChanged(old, shown));
        events.emit(l -> l.registered(shown));
    }

    private void claim(String nick) {
        self.nick = nick;
        self.nickSince = clock.millis();
        views.nick(nick);
        discovery.update(nick, self.away != null);
    }
}
