package dev.parley.transport.mesh;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * Which peers' PUB sockets the SUB socket is connected to, and a DEALER per peer asked for
 * catch-up or repair. One connection per peer: a peer heard by beacon at a second address, while
 * its heartbeats still come over the first, is not connected twice (that would double every
 * message). Endpoints typed by the user ({@code peers}, {@link MeshTransport#connectTo}) stay
 * connected for good; ZeroMQ retries them. Loop thread only.
 */
final class PeerLinks {

    private static final Logger log = LoggerFactory.getLogger(PeerLinks.class);
    /** Connections made on a beacon's or a hello's word; past it new ones are refused (made-up peers). */
    static final int MAX_LINKS = 1024;

    enum Origin { MANUAL, BEACON, HELLO }

    /** A SUB connection: to whom, when known. */
    private static final class Link {
        final PeerAddress address;
        final Origin origin;
        String peerId;

        Link(PeerAddress address, Origin origin, String peerId) {
            this.address = address;
            this.origin = origin;
            this.peerId = peerId;
        }
    }

    private record Dealer(String endpoint, ZMQ.Socket socket) {
    }

    private final MeshSockets sockets;
    private final MeshLoop loop;
    private final String bindAddress;
    private final BiConsumer<String, ZMQ.Socket> onAnswer;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Dealer> dealers = new HashMap<>();

    /** @param onAnswer reads a DEALER with input: the peer id it belongs to, and the socket */
    PeerLinks(MeshSockets sockets, MeshLoop loop, String bindAddress, BiConsumer<String, ZMQ.Socket> onAnswer) {
        this.sockets = sockets;
        this.loop = loop;
        this.bindAddress = bindAddress;
        this.onAnswer = onAnswer;
    }

    /** An endpoint the user gave; connected for good. */
    void manual(PeerAddress address) {
        String endpoint = address.tcpEndpoint();
        if (!links.containsKey(endpoint)) {
            links.put(endpoint, new Link(address, Origin.MANUAL, null));
            sockets.connect(endpoint);
            log.debug("connected to {} (given)", endpoint);
        }
    }

    /**
     * A peer announced itself (beacon) or asked to be connected to (hello) at {@code address}.
     * While its heartbeats arrive over another connection to the same port (a second address of
     * one host), nothing changes; a new port means a new socket (the peer restarted), which
     * replaces the old connection.
     *
     * @param known the peer as the table has it, or null
     */
    void found(String peerId, PeerAddress address, Origin origin, Peer known) {
        String endpoint = address.tcpEndpoint();
        Link existing = links.get(endpoint);
        if (existing != null) {
            if (existing.peerId == null) {
                existing.peerId = peerId;
            }
            return;
        }
        List<Map.Entry<String, Link>> old = links.entrySet().stream()
                .filter(e -> peerId.equals(e.getValue().peerId)).toList();
        boolean heardThere = known != null && !known.unreachable && known.pubPort == address.port();
        if (!old.isEmpty() && heardThere) {
            return;
        }
        if (old.isEmpty() && links.size() >= MAX_LINKS) {
            log.warn("{} connections already; {} at {} not connected", MAX_LINKS, peerId, endpoint);
            return;
        }
        for (Map.Entry<String, Link> stale : old) {
            if (stale.getValue().origin != Origin.MANUAL) {
                links.remove(stale.getKey());
                sockets.disconnect(stale.getKey());
            } else {
                stale.getValue().peerId = null;
            }
        }
        links.put(endpoint, new Link(address, origin, peerId));
        sockets.connect(endpoint);
        log.debug("connected to {} at {} ({})", peerId, endpoint, origin);
    }

    /**
     * A heartbeat came from {@code peer}: a given endpoint on its port is taken to be its, and
     * its DEALER is opened now, so the first request does not wait for a connection.
     */
    void heard(Peer peer) {
        if (hostOf(peer.id) == null) {
            for (Link link : links.values()) {
                if (link.peerId == null && link.origin == Origin.MANUAL && link.address.port() == peer.pubPort) {
                    link.peerId = peer.id;
                    break;
                }
            }
        }
        dealer(peer);
    }

    /**
     * A peer is gone from the table. Its DEALER closes; its connection stays while its beacon is
     * still heard ({@code announced}) or the user gave it.
     */
    void gone(String peerId, boolean announced) {
        closeDealer(peerId);
        for (Map.Entry<String, Link> entry : List.copyOf(links.entrySet())) {
            Link link = entry.getValue();
            if (!peerId.equals(link.peerId)) {
                continue;
            }
            if (link.origin == Origin.MANUAL) {
                link.peerId = null;
            } else if (!announced) {
                links.remove(entry.getKey());
                sockets.disconnect(entry.getKey());
            }
        }
    }

    /** Sends a request to a peer's catch-up socket; false when it cannot go now (retry later). */
    boolean request(Peer peer, byte[] body) {
        Dealer dealer = dealer(peer);
        if (dealer == null) {
            log.debug("no address known for {}; request not sent", peer.id);
            return false;
        }
        return MeshSockets.request(dealer.socket(), body);
    }

    /** The DEALER to {@code peer}'s catch-up socket, opened or replaced as needed; null without an address. */
    private Dealer dealer(Peer peer) {
        String host = hostOf(peer.id);
        if (host == null) {
            return null;
        }
        String endpoint = new PeerAddress(host, peer.catchUpPort).tcpEndpoint();
        Dealer dealer = dealers.get(peer.id);
        if (dealer == null || !dealer.endpoint().equals(endpoint)) {
            closeDealer(peer.id);
            ZMQ.Socket socket = sockets.dealer(endpoint);
            loop.register(socket, () -> onAnswer.accept(peer.id, socket));
            dealer = new Dealer(endpoint, socket);
            dealers.put(peer.id, dealer);
        }
        return dealer;
    }

    /** The host this peer is reached at, or null before it is known. */
    String hostOf(String peerId) {
        for (Link link : links.values()) {
            if (peerId.equals(link.peerId)) {
                return link.address.host();
            }
        }
        return null;
    }

    /** The address this peer has as seen from {@code peerHost}: the bind address, or the route's source. */
    String ownHostFor(String peerHost) {
        if (!bindAddress.equals("0.0.0.0") && !bindAddress.equals("::")) {
            return bindAddress;
        }
        // Connecting a UDP socket sends nothing; it only asks the kernel which source it would use.
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(peerHost), 9));
            InetAddress local = probe.getLocalAddress();
            return local.isAnyLocalAddress() ? null : local.getHostAddress();
        } catch (IOException | RuntimeException e) {
            log.debug("no route to {}: {}", peerHost, e.toString());
            return null;
        }
    }

    private void closeDealer(String peerId) {
        Dealer dealer = dealers.remove(peerId);
        if (dealer != null) {
            loop.unregister(dealer.socket());
            sockets.closeDealer(dealer.socket());
        }
    }
}
