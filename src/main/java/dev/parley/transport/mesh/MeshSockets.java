package dev.parley.transport.mesh;

import java.util.ArrayList;
import java.util.List;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A peer's ZeroMQ sockets and their options; loop thread only.
 * <ul>
 *   <li>PUB, bound: chat, presence and direct messages go out here, a topic frame then a body.
 *       Its high-water mark is set on purpose: past it the socket drops messages for that
 *       subscriber, the receiver sees the hole in the sequence numbers and repairs it.</li>
 *   <li>SUB, connected to every known peer's PUB: subscribed to presence, this peer's direct
 *       topic and each joined channel.</li>
 *   <li>ROUTER, bound: catch-up and repair requests from other peers, answered to their
 *       identity.</li>
 *   <li>DEALER, one per peer asked, connected to its ROUTER.</li>
 * </ul>
 * Every socket drops a peer that sends a frame far past the codec's 64 KiB limit, heartbeats its
 * connections (ZMTP PING) so a dead one is dropped and retried, gives up on a handshake that
 * stalls, and lingers 0 ms on close unless {@link #close(int)} says otherwise.
 */
final class MeshSockets {

    /** Frames a message may have; more are read and dropped. */
    private static final int MAX_PARTS = 3;
    private static final int REQUEST_HIGH_WATER_MARK = 1000;
    private static final int RECONNECT_MILLIS = 200;
    private static final int RECONNECT_MAX_MILLIS = 2000;

    private final ZContext context;
    private final MeshConfig config;
    private final List<ZMQ.Socket> dealers = new ArrayList<>();
    private ZMQ.Socket pub;
    private ZMQ.Socket sub;
    private ZMQ.Socket router;
    private int pubPort;
    private int catchUpPort;

    MeshSockets(ZContext context, MeshConfig config) {
        this.context = context;
        this.config = config;
    }

    /**
     * Creates and binds the sockets.
     *
     * @throws org.zeromq.ZMQException when an address or port cannot be bound
     */
    void open() {
        pub = socket(SocketType.PUB);
        pub.setSndHWM(config.sendHighWaterMark());
        pubPort = bind(pub, config.pubPort());
        sub = socket(SocketType.SUB);
        sub.setRcvHWM(config.receiveHighWaterMark());
        sub.setReconnectIVL(RECONNECT_MILLIS);
        sub.setReconnectIVLMax(RECONNECT_MAX_MILLIS);
        router = socket(SocketType.ROUTER);
        router.setSndHWM(REQUEST_HIGH_WATER_MARK);
        router.setRcvHWM(REQUEST_HIGH_WATER_MARK);
        catchUpPort = bind(router, config.catchUpPort());
    }

    int pubPort() {
        return pubPort;
    }

    int catchUpPort() {
        return catchUpPort;
    }

    ZMQ.Socket sub() {
        return sub;
    }

    ZMQ.Socket router() {
        return router;
    }

    /** Publishes a topic frame and a body; never blocks (past the high-water mark PUB drops). */
    void publish(byte[] topic, byte[] body) {
        pub.sendMore(topic);
        pub.send(body, ZMQ.DONTWAIT);
    }

    void subscribe(byte[] topic) {
        sub.subscribe(topic);
    }

    void unsubscribe(byte[] topic) {
        sub.unsubscribe(topic);
    }

    void connect(String endpoint) {
        sub.connect(endpoint);
    }

    void disconnect(String endpoint) {
        sub.disconnect(endpoint);
    }

    /** A DEALER connected to a peer's catch-up endpoint; requests wait in its queue until it connects. */
    ZMQ.Socket dealer(String endpoint) {
        ZMQ.Socket dealer = socket(SocketType.DEALER);
        dealer.setSndHWM(REQUEST_HIGH_WATER_MARK);
        dealer.setRcvHWM(REQUEST_HIGH_WATER_MARK);
        dealer.setReconnectIVL(RECONNECT_MILLIS);
        dealer.setReconnectIVLMax(RECONNECT_MAX_MILLIS);
        dealer.connect(endpoint);
        dealers.add(dealer);
        return dealer;
    }

    void closeDealer(ZMQ.Socket dealer) {
        dealers.remove(dealer);
        context.destroySocket(dealer);
    }

    /** Sends one frame on a DEALER; false when its queue is full. */
    static boolean request(ZMQ.Socket dealer, byte[] body) {
        return dealer.send(body, ZMQ.DONTWAIT);
    }

    /** Answers the ROUTER peer {@code identity}; dropped when it has gone or its queue is full. */
    void reply(byte[] identity, byte[] body) {
        if (router.sendMore(identity)) {
            router.send(body, ZMQ.DONTWAIT);
        }
    }

    /**
     * One whole message from {@code socket}, or null when none is waiting. Never blocks; parts
     * past {@link #MAX_PARTS} are read and dropped, so the caller sees too many parts as
     * {@code MAX_PARTS + 1} entries, the last one empty.
     */
    static List<byte[]> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> parts = new ArrayList<>(2);
        parts.add(first);
        while (socket.hasReceiveMore()) {
            byte[] part = socket.recv(0);
            if (parts.size() < MAX_PARTS) {
                parts.add(part);
            } else if (parts.size() == MAX_PARTS) {
                parts.add(new byte[0]);
            }
        }
        return parts;
    }

    /**
     * Closes every socket. {@code lingerMillis} lets queued messages (a goodbye) go out first;
     * 0 drops them.
     */
    void close(int lingerMillis) {
        // ZContext.destroySocket applies the context's linger, whatever the socket had.
        context.setLinger(0);
        for (ZMQ.Socket dealer : List.copyOf(dealers)) {
            closeDealer(dealer);
        }
        for (ZMQ.Socket socket : new ZMQ.Socket[] {sub, router}) {
            if (socket != null) {
                context.destroySocket(socket);
            }
        }
        if (pub != null) {
            context.setLinger(lingerMillis);
            context.destroySocket(pub);
        }
    }

    private ZMQ.Socket socket(SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setLinger(0);
        socket.setMaxMsgSize(MeshLimits.SOCKET_MAX_MESSAGE_BYTES);
        // ZMTP heartbeats drop a connection whose other end vanished (power off, cut cable), so
        // it is retried, rather than waiting for TCP to give up after many minutes.
        socket.setHeartbeatIvl((int) config.timings().heartbeat().multipliedBy(2).toMillis());
        socket.setHeartbeatTimeout((int) config.timings().unreachableAfter().multipliedBy(2).toMillis());
        // A connection whose ZMTP handshake has not finished by then is closed and retried.
        // JeroMQ 0.6.0 sometimes never starts polling a new outgoing connection (zeromq/jeromq
        // #1022); with the default 30 s, that peer stays silent for half a minute.
        socket.setHandshakeIvl((int) config.timings().unreachableAfter().toMillis());
        if (config.bindAddress().indexOf(':') >= 0) {
            socket.setIPv6(true);
        }
        return socket;
    }

    private int bind(ZMQ.Socket socket, int port) {
        String host = config.bindAddress().indexOf(':') >= 0 ? "[" + config.bindAddress() + "]" : config.bindAddress();
        socket.bind("tcp://" + host + ":" + (port == 0 ? "*" : Integer.toString(port)));
        String endpoint = socket.getLastEndpoint();
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }
}
