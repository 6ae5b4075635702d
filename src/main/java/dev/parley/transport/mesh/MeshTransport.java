package dev.parley.transport.mesh;

import dev.parley.transport.HistoryRequest;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportListener;
import dev.parley.transport.mesh.Envelope.Chat;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * The serverless LAN mesh as a {@link Transport}: every peer publishes on its own ZeroMQ PUB
 * socket and subscribes to every peer it knows; there is no server anywhere.
 *
 * <h2>How it behaves</h2>
 * <ul>
 *   <li>Connected ({@code LAN mesh}) as soon as its sockets listen; offline after
 *       {@link #quit} (which says goodbye) or {@link #close} (which does not: others time it out).</li>
 *   <li>Peers are found by UDP beacon ({@link MeshConfig#beacons()}), by the configured
 *       {@link MeshConfig#peers()} and by {@link #connectTo}. Each sends a heartbeat every second;
 *       one silent for 5 s shows as {@link dev.parley.model.Presence#UNREACHABLE} in its channels'
 *       member lists, and after 30 s it has quit (both configurable).</li>
 *   <li>Channels are topics: joining subscribes. A channel's members are the peers whose
 *       heartbeats list it; {@link #requestChannelList} lists every channel anyone is in.</li>
 *   <li>Two peers claiming one nick: the earlier claim keeps it on every peer, and the later one
 *       is renamed {@code nick_xxxx} and told ({@link TransportListener#error},
 *       {@link TransportListener#nickChanged}, {@link TransportListener#registered}).</li>
 *   <li>Nothing lost: each sender numbers its messages per channel (and per direct-message
 *       recipient); a hole, found from a later message or from the sender's heartbeat, is filled
 *       by asking the sender point to point. A peer that joins late asks a peer in the channel for
 *       what it missed. Duplicates are dropped by sequence number and by id.</li>
 *   <li>History is this peer's own {@link MeshConfig#store()}: messages are stored as they come,
 *       own ones before {@link TransportListener#sent} confirms them, and
 *       {@link #requestHistory} reads them back.</li>
 * </ul>
 * Every method returns at once; the work runs on the peer's own thread, which also calls the
 * listener. Calls made before {@link #start} are ignored.
 */
public final class MeshTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(MeshTransport.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final MeshConfig config;
    private final ZContext context = new ZContext(1);
    private final MeshLoop loop;
    private final Events events = new Events();
    private final Counters counters = new Counters();
    private final MeshViews views = new MeshViews();
    private final MeshNode node;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    public MeshTransport(MeshConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.loop = new MeshLoop("parley-mesh-" + config.nick(), context);
        this.node = new MeshNode(config, loop, context, events, counters, views);
    }

    @Override
    public void start(TransportListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        loop.execute(() -> {
            events.listener(listener);
            node.start();
        });
        loop.start();
    }

    @Override
    public void join(String channel, String key) {
        run(() -> node.join(channel, key != null && !key.isBlank()));
    }

    @Override
    public void part(String channel, String reason) {
        run(() -> node.part(channel, reason));
    }

    @Override
    public void send(OutgoingMessage message) {
        run(() -> node.send(message));
    }

    @Override
    public void changeNick(String nick) {
        run(() -> node.changeNick(nick));
    }

    @Override
    public void setTopic(String channel, String topic) {
        run(() -> node.setTopic(channel, topic));
    }

    @Override
    public void setAway(String message) {
        run(() -> node.setAway(message));
    }

    @Override
    public void requestChannelList() {
        run(() -> node.queries().channelList());
    }

    @Override
    public void requestMembers(String channel) {
        run(() -> node.queries().members(channel));
    }

    @Override
    public void requestWho(String target) {
        run(() -> node.queries().who(target));
    }

    @Override
    public void requestHistory(HistoryRequest request) {
        run(() -> node.queries().history(request));
    }

    /** The mesh keeps no connection to retry: this only sends a heartbeat now. */
    @Override
    public void reconnectNow() {
        run(node::heartbeatNow);
    }

    /**
     * Connects to a peer's PUB endpoint that beacons do not reach (another subnet, a VPN); it
     * stays connected and is retried while it does not answer.
     *
     * @param hostPort {@code host:port} or {@code [v6]:port}
     * @throws IllegalArgumentException when it cannot be read, with a message for the user
     */
    @Override
    public boolean addPeer(String address) {
        connectTo(address);
        return true;
    }

    public void connectTo(String hostPort) {
        PeerAddress address = PeerAddress.parse(hostPort);
        // The name is looked up on a thread of its own: a resolver that does not answer must not
        // hold up the caller (the client's service thread) for its timeout.
        Thread.startVirtualThread(() -> {
            try {
                address.withKnownHost();
            } catch (IllegalArgumentException e) {
                events.emit(l -> l.error(null, MeshNote.UNKNOWN_HOST.with(address.toString(), address.host())));
                return;
            }
            run(() -> node.connectTo(address));
        });
    }

    /** Says goodbye to the mesh (peers see a quit with {@code reason} at once) and stops. */
    @Override
    public void quit(String reason) {
        stop(reason == null ? "" : reason);
    }

    /** Stops at once, without a goodbye: peers see this one unreachable, then gone. */
    @Override
    public void close() {
        stop(null);
    }

    @Override
    public String endpoint() {
        return MeshNode.ENDPOINT;
    }

    /** This peer's id on the mesh. */
    public String peerId() {
        return config.peerId();
    }

    /** The nick this peer uses now (it changes after a lost nick conflict). Any thread. */
    public String nick() {
        return views.nick();
    }

    /** The other peers as this one sees them now. Any thread. */
    public List<MeshPeer> peers() {
        return views.peers();
    }

    /** Counts of what this peer has sent, received, repaired and dropped. Any thread. */
    public MeshStats stats() {
        return counters.snapshot();
    }

    /** The PUB socket's port, for {@link #connectTo} on another peer; 0 before it listens. */
    public int pubPort() {
        return views.pubPort();
    }

    /** The catch-up (ROUTER) socket's port; 0 before it listens. */
    int catchUpPort() {
        return views.catchUpPort();
    }

    /** Test hook: received messages matching {@code rule} are dropped as if lost on the wire. */
    void dropIncoming(Predicate<Chat> rule) {
        run(() -> node.dropWhen(rule));
    }

    private void run(Runnable command) {
        if (!started.get()) {
            log.debug("mesh not started; call ignored");
            return;
        }
        loop.execute(command);
    }

    private void stop(String byeReason) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (!started.get()) {
            context.close();
            return;
        }
        loop.stop(() -> {
            node.shutdown(byeReason);
            context.close();
        });
        if (!loop.inLoop() && !loop.awaitEnd(CLOSE_WAIT)) {
            log.warn("mesh thread still running {} s after close", CLOSE_WAIT.toSeconds());
        }
    }
}
