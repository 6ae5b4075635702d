package dev.parley.transport.mesh;

import dev.parley.model.ChannelTopic;
import dev.parley.model.Member;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportState;
import dev.parley.transport.mesh.Envelope.Bye;
import dev.parley.transport.mesh.Envelope.CatchUpRequest;
import dev.parley.transport.mesh.Envelope.CatchUpResponse;
import dev.parley.transport.mesh.Envelope.Chat;
import dev.parley.transport.mesh.Envelope.Heartbeat;
import dev.parley.transport.mesh.Envelope.Hello;
import dev.parley.transport.mesh.Envelope.Part;
import dev.parley.transport.mesh.Envelope.RepairRequest;
import dev.parley.transport.mesh.Envelope.RepairResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQException;

/**
 * One mesh peer: wires the parts together and turns the transport's commands and the sockets'
 * envelopes into calls on them. Everything here runs on the {@link MeshLoop} thread.
 */
final class MeshNode implements Inbound.Handler {

    static final String ENDPOINT = "LAN mesh";
    private static final Logger log = LoggerFactory.getLogger(MeshNode.class);
    private static final Duration FAST_TICK = Duration.ofMillis(100);
    /** Time for a goodbye to leave before the sockets close on quit. */
    private static final int BYE_LINGER_MILLIS = 500;

    private final MeshConfig config;
    private final MeshLoop loop;
    private final MeshSockets sockets;
    private final Events events;
    private final Counters counters;
    private final LocalPeer self;
    private final Topics topics;
    private final MeshHistory history;
    private final OutLog outLog;
    private final StreamTracker tracker;
    private final PresenceKeeper presence;
    private final PeerLinks links;
    private final ChatFlow chat;
    private final Repairs repairs;
    private final CatchUp catchUp;
    private final MeshDiscovery discovery;
    private final Inbound inbound;
    private final MeshViews views;
    private final OwnPresence own;
    private final Queries queries;
    private boolean running;
    private boolean offline;

    MeshNode(MeshConfig config, MeshLoop loop, ZContext context, Events events, Counters counters, MeshViews views) {
        this.config = config;
        this.loop = loop;
        this.events = events;
        this.counters = counters;
        this.views = views;
        long now = config.clock().millis();
        this.self = new LocalPeer(config.peerId(), now, config.nick(), now);
        this.sockets = new MeshSockets(context, config);
        this.history = new MeshHistory(config.store());
        this.topics = new Topics(history);
        this.outLog = new OutLog(config.repairWindow());
        this.tracker = new StreamTracker(this::follows, counters);
        this.discovery = new MeshDiscovery(config);
        this.own = new OwnPresence(self, sockets, outLog, discovery, views, events, config.clock());
        this.presence = new PresenceKeeper(self, events, config.timings(), own::lostNick);
        own.presence(presence);
        this.inbound = new Inbound(this, counters);
        this.links = new PeerLinks(sockets, loop, config.bindAddress(), inbound::readDealer);
        this.chat = new ChatFlow(self, presence, sockets, outLog, tracker, history, topics, events, counters,
                config.clock(), loop);
        this.repairs = new Repairs(self, presence, links, tracker, outLog, chat, sockets, counters, config.timings());
        this.catchUp = new CatchUp(self, presence, links, history, topics, chat, sockets, events, config);
        this.queries = new Queries(self, presence, links, history, topics, events);
    }

    // --- lifecycle -----------------------------------------------------------------------------

    void start() {
        events.emit(l -> l.stateChanged(TransportState.of(TransportState.Phase.CONNECTING, ENDPOINT)));
        try {
            sockets.open();
        } catch (ZMQException | IllegalArgumentException e) {
            log.warn("mesh cannot listen on {}: {}", config.bindAddress(), e.toString());
            offline(new TransportState(TransportState.Phase.OFFLINE, ENDPOINT, Duration.ZERO,
                    "cannot listen on " + config.bindAddress() + ": " + e.getMessage()));
            return; // the loop idles until close() releases what was opened

        }
        views.ports(sockets.pubPort(), sockets.catchUpPort());
        int pubPort = sockets.pubPort();
        // Peers on other subnets need this to reach us with /connect host:port.
        events.emit(l -> l.info(null, MeshNote.LISTENING.with(Integer.toString(pubPort))));
        sockets.subscribe(Streams.presenceTopic());
        sockets.subscribe(Streams.directTopic(self.id));
        loop.register(sockets.sub(), () -> inbound.readSub(sockets.sub()));
        loop.register(sockets.router(), () -> inbound.readRouter(sockets.router()));
        running = true;
        for (String peer : config.peers()) {
            try {
                links.manual(PeerAddress.parse(peer));
            } catch (IllegalArgumentException e) { // from parley.toml: the rest of the mesh still works
                log.warn("mesh peer {} skipped: {}", peer, e.getMessage());
                events.emit(l -> l.error(null, MeshNote.PEER_SKIPPED.with(peer, why(e))));
            }
        }
        startDiscovery();
        loop.every(config.timings().heartbeat(), this::heartbeatTick);
        loop.every(FAST_TICK, () -> {
            repairs.askDue();
            catchUp.retryDue();
        });
        own.publishHeartbeat();
        events.emit(l -> l.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, ENDPOINT)));
        events.emit(l -> l.registered(self.nick));
    }

    /** Ends the peer: a goodbye first when {@code byeReason} is not null (a quit, not a close). */
    void shutdown(String byeReason) {
        if (running && byeReason != null) {
            sockets.publish(Streams.presenceTopic(), EnvelopeCodec.encode(new Bye(self.id, self.incarnation,
                    Streams.reason(byeReason))));
        }
        running = false;
        sockets.close(byeReason != null ? BYE_LINGER_MILLIS : 0);
        offline(TransportState.of(TransportState.Phase.OFFLINE, ENDPOINT));
        discovery.close();
    }

    /** Says OFFLINE once, whether the peer failed to start or stopped. */
    private void offline(TransportState state) {
        if (!offline) {
            offline = true;
            events.emit(l -> l.stateChanged(state));
        }
    }

    private void startDiscovery() {
        if (!config.discovery()) {
            return;
        }
        try {
            discovery.start(self.nick, sockets.pubPort(),
                    (peerId, address) -> loop.execute(() -> links.found(peerId, address, PeerLinks.Origin.BEACON,
                            presence.peer(peerId))),
                    peerId -> loop.execute(() -> {
                        if (presence.peer(peerId) == null) {
                            links.gone(peerId, false);
                        }
                    }));
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("mesh discovery is off: {}", e.getMessage());
            events.emit(l -> l.info(null, MeshNote.DISCOVERY_OFF.with(why(e))));
        }
    }

    /** An exception's message for the user; a note takes no null. */
    private static String why(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    // --- commands ------------------------------------------------------------------------------

    /** @param keyGiven the user gave a channel key, which the mesh has no use for: they are told so */
    void join(String channel, boolean keyGiven) {
        if (!running) {
            return;
        }
        if (!Streams.isChannel(channel)) {
            events.emit(l -> l.error(channel, MeshNote.BAD_CHANNEL_NAME.with(channel, MeshLimits.MAX_CHANNEL_LENGTH)));
            return;
        }
        String folded = CaseMapping.fold(channel);
        if (!self.inChannel(folded)) {
            if (self.channels.size() >= MeshLimits.MAX_HEADS) {
                events.emit(l -> l.error(channel, MeshNote.TOO_MANY_CHANNELS.with(channel, MeshLimits.MAX_HEADS)));
                return;
            }
            self.channels.put(folded, channel);
            sockets.subscribe(Streams.channelTopic(channel));
            for (Peer peer : presence.peers()) {
                tracker.begin(peer.id, peer.incarnation, folded, peer.heads.getOrDefault(folded, 0L));
            }
            own.publishHeartbeat();
            catchUp.joined(channel);
        }
        String name = self.channels.get(folded);
        events.emit(l -> l.joined(name, self.nick));
        ChannelTopic topic = topics.get(name);
        if (topic != null) {
            events.emit(l -> l.topic(name, topic, false));
        }
        List<Member> members = presence.members(folded);
        events.emit(l -> l.members(name, members));
        if (keyGiven) {
            events.emit(l -> l.info(name, MeshNote.NO_KEYS.with(name)));
        }
    }

    void part(String channel, String reason) {
        String folded = CaseMapping.fold(channel);
        if (!running || !self.inChannel(folded)) {
            events.emit(l -> l.error(channel, MeshNote.NOT_ON_CHANNEL.with(channel)));
            return;
        }
        String name = self.channels.remove(folded);
        sockets.unsubscribe(Streams.channelTopic(name));
        tracker.forgetStream(folded);
        catchUp.parted(name);
        sockets.publish(Streams.presenceTopic(), EnvelopeCodec.encode(new Part(self.id, self.incarnation, name,
                Streams.reason(reason))));
        own.publishHeartbeat();
        events.emit(l -> l.parted(name, self.nick, reason));
    }

    void send(OutgoingMessage message) {
        if (!running) {
            events.emit(l -> l.sendFailed(message.localId(), MeshNote.NOT_CONNECTED.with()));
            return;
        }
        chat.send(message);
    }

    void setTopic(String channel, String text) {
        chat.setTopic(channel, text);
    }

    void changeNick(String nick) {
        own.changeNick(nick);
    }

    void setAway(String message) {
        own.setAway(message);
    }

    Queries queries() {
        return queries;
    }

    void connectTo(PeerAddress address) {
        if (running) {
            links.manual(address);
            // ZeroMQ retries an address where nothing listens in silence: tell the user when no
            // peer has been heard there by the time a silent one would count as unreachable.
            loop.schedule(config.timings().unreachableAfter(), () -> {
                if (running && presence.peers().stream().noneMatch(p -> p.pubPort == address.port() && !p.unreachable)) {
                    events.emit(l -> l.error(null, MeshNote.NO_ANSWER.with(address.toString(),
                            Long.toString(config.timings().unreachableAfter().toSeconds()))));
                }
            });
        }
    }

    /** Sends a heartbeat now (a user's "reconnect": the mesh has no connection to retry). */
    void heartbeatNow() {
        if (running) {
            own.publishHeartbeat();
        }
    }

    void dropWhen(Predicate<Chat> rule) {
        chat.dropWhen(rule);
    }

    // --- envelopes -----------------------------------------------------------------------------

    @Override
    public void published(Envelope envelope) {
        long holes = counters.holes.get();
        switch (envelope) {
            case Chat message -> chat.receive(message, ChatFlow.Source.LIVE);
            case Heartbeat beat -> heard(beat);
            case Bye bye -> {
                Peer peer = presence.bye(bye);
                if (peer != null) {
                    left(peer);
                }
            }
            case Part part -> presence.part(part);
            default -> { }
        }
        if (counters.holes.get() != holes) {
            repairs.askDue();
        }
    }

    @Override
    public void requested(byte[] identity, Envelope envelope) {
        switch (envelope) {
            case Hello hello -> links.found(hello.peerId(), new PeerAddress(hello.host(), hello.pubPort()),
                    PeerLinks.Origin.HELLO, presence.peer(hello.peerId()));
            case CatchUpRequest request -> catchUp.answer(identity, request);
            case RepairRequest request -> repairs.answer(identity, request);
            default -> { }
        }
    }

    @Override
    public void answered(String peerId, Envelope envelope) {
        switch (envelope) {
            case CatchUpResponse response -> catchUp.answered(peerId, response);
            case RepairResponse response -> repairs.answered(peerId, response);
            default -> { }
        }
    }

    private void heard(Heartbeat beat) {
        PresenceKeeper.Heard heard = presence.heartbeat(beat, System.nanoTime());
        if (heard == null) {
            return;
        }
        Peer peer = heard.peer();
        if (heard.reincarnated()) {
            tracker.reincarnated(peer.id, peer.incarnation);
        }
        links.heard(peer);
        if (heard.first()) {
            sayHello(peer);
        }
        String ownDirect = Streams.direct(self.id);
        for (Map.Entry<String, Long> head : peer.heads.entrySet()) {
            String stream = head.getKey();
            if (stream.equals(ownDirect) || self.inChannel(stream)) {
                tracker.advertised(peer.id, peer.incarnation, stream, head.getValue());
            }
        }
        catchUp.heard(peer);
        publishViews();
    }

    /** Tells a newly heard peer where this one publishes, in case it has not heard our beacon. */
    private void sayHello(Peer peer) {
        String host = links.hostOf(peer.id);
        String own = host == null ? null : links.ownHostFor(host);
        if (own != null) {
            links.request(peer, EnvelopeCodec.encode(new Hello(self.id, own, sockets.pubPort())));
        }
    }

    private void left(Peer peer) {
        links.gone(peer.id, discovery.announced().contains(peer.id));
        publishViews();
    }

    // --- presence ------------------------------------------------------------------------------

    private void heartbeatTick() {
        own.publishHeartbeat();
        for (Peer gone : presence.sweep(System.nanoTime())) {
            left(gone);
        }
        publishViews();
    }

    private void publishViews() {
        views.peers(presence.peers().stream()
                .map(p -> new MeshPeer(p.id, p.shownNick(), p.presence(), List.copyOf(p.channels.values())))
                .toList());
    }

    /** Which streams this peer follows: its joined channels and its own direct stream. */
    private boolean follows(String stream) {
        return Streams.isDirect(stream) ? Streams.recipientOf(stream).equals(self.id) : self.inChannel(stream);
    }
}
