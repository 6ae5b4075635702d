package dev.parley.transport.mesh;

import dev.parley.discovery.Announcement;
import dev.parley.discovery.BeaconSettings;
import dev.parley.storage.MessageStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * How one mesh peer runs.
 *
 * @param nick                 the nick asked for; a conflict may rename it (see {@link MeshTransport})
 * @param peerId               this peer's id on the mesh and its beacon's node id: 1 to 64 of
 *                             {@code [A-Za-z0-9._:-]}; keep it across restarts ({@link PeerIdFile})
 *                             so others know the peer again
 * @param store                this peer's own history; the caller owns it and closes it after
 *                             the transport
 * @param bindAddress          the local address the PUB and catch-up sockets listen on:
 *                             {@code 0.0.0.0} for every interface, an interface's address, or
 *                             {@code 127.0.0.1} for this host only
 * @param pubPort              the PUB socket's TCP port, 0 for any free one (it is announced)
 * @param catchUpPort          the catch-up (ROUTER) socket's TCP port, 0 for any free one
 * @param beacons              UDP beacon settings: broadcast address, port, interval, and the
 *                             network interface to send from
 * @param discovery            whether to announce and listen for beacons; without them only
 *                             {@code peers} and {@link MeshTransport#connectTo} find others
 * @param peers                known peers' PUB endpoints as {@code host:port}, for networks
 *                             broadcast does not reach (other subnets, VPNs)
 * @param timings              heartbeat and timeouts
 * @param sendHighWaterMark    messages queued per subscriber before the PUB socket drops for it
 *                             (receivers see the gap and repair it)
 * @param receiveHighWaterMark messages queued in the SUB socket before it drops
 * @param repairWindow         own messages kept per stream to answer repair requests
 * @param catchUpLimit         most messages asked for (and given) in one page of a channel catch-up
 * @param clock                the time put on messages and heartbeats
 */
public record MeshConfig(String nick, String peerId, MessageStore store, String bindAddress, int pubPort,
                         int catchUpPort, BeaconSettings beacons, boolean discovery, List<String> peers,
                         Timings timings, int sendHighWaterMark, int receiveHighWaterMark, int repairWindow,
                         int catchUpLimit, InstantSource clock) {

    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final int DEFAULT_HIGH_WATER_MARK = 10_000;
    public static final int DEFAULT_REPAIR_WINDOW = 1000;
    public static final int DEFAULT_CATCH_UP_LIMIT = 200;

    /**
     * The timings of presence and repair. The defaults are ZeroMQ ZRE's: a heartbeat every
     * second, unreachable ("evasive") after 5 s of silence, gone after 30 s.
     *
     * @param heartbeat        time between two heartbeats
     * @param unreachableAfter silence after which a peer shows as unreachable
     * @param goneAfter        silence after which a peer is gone (a quit in its channels)
     * @param repairRetry      wait for an answer before a repair or catch-up request is sent again
     */
    public record Timings(Duration heartbeat, Duration unreachableAfter, Duration goneAfter, Duration repairRetry) {

        public Timings {
            positive(heartbeat, "heartbeat");
            positive(unreachableAfter, "unreachableAfter");
            positive(goneAfter, "goneAfter");
            positive(repairRetry, "repairRetry");
            if (unreachableAfter.compareTo(heartbeat) <= 0 || goneAfter.compareTo(unreachableAfter) < 0) {
                throw new IllegalArgumentException("need heartbeat < unreachableAfter <= goneAfter");
            }
        }

        public static Timings defaults() {
            return new Timings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1));
        }

        private static void positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
        }
    }

    public MeshConfig {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(beacons, "beacons");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(clock, "clock");
        peers = List.copyOf(peers);
        if (!Streams.isNick(nick)) {
            throw new IllegalArgumentException("not a valid nick: " + nick);
        }
        if (!Streams.isPeerId(peerId)) {
            throw new IllegalArgumentException("peer id must be 1-64 of [A-Za-z0-9._:-]: " + peerId);
        }
        for (String peer : peers) {
            PeerAddress.parse(peer);
        }
        port(pubPort, "pubPort");
        port(catchUpPort, "catchUpPort");
        if (sendHighWaterMark < 1 || receiveHighWaterMark < 1 || repairWindow < 1 || catchUpLimit < 1
                || catchUpLimit > MeshLimits.MAX_MESSAGES_PER_FRAME) {
            throw new IllegalArgumentException("high-water marks, repair window and catch-up limit must be positive"
                    + " (catch-up at most " + MeshLimits.MAX_MESSAGES_PER_FRAME + ")");
        }
    }

    /**
     * A peer on every interface with free ports, beacons on the default settings (to
     * 255.255.255.255: set {@link #withBeacons} to keep them on one host or subnet), ZRE timings,
     * and a fresh peer id.
     */
    public static MeshConfig defaults(String nick, MessageStore store) {
        return new MeshConfig(nick, Announcement.newNodeId(), store, DEFAULT_BIND, 0, 0, BeaconSettings.defaults(), true,
                List.of(), Timings.defaults(), DEFAULT_HIGH_WATER_MARK, DEFAULT_HIGH_WATER_MARK, DEFAULT_REPAIR_WINDOW,
                DEFAULT_CATCH_UP_LIMIT, InstantSource.system());
    }

    public MeshConfig withNick(String newNick) {
        return new MeshConfig(newNick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withPeerId(String newPeerId) {
        return new MeshConfig(nick, newPeerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withStore(MessageStore newStore) {
        return new MeshConfig(nick, peerId, newStore, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    /** Listens on {@code address} with the given ports (0: any free one). */
    public MeshConfig withBind(String address, int newPubPort, int newCatchUpPort) {
        return new MeshConfig(nick, peerId, store, address, newPubPort, newCatchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withBeacons(BeaconSettings newBeacons) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, newBeacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withDiscovery(boolean on) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, on, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withPeers(List<String> newPeers) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, newPeers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withTimings(Timings newTimings) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                newTimings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withHighWaterMarks(int send, int receive) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, send, receive, repairWindow, catchUpLimit, clock);
    }

    public MeshConfig withRepairWindow(int messages) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, messages, catchUpLimit, clock);
    }

    public MeshConfig withCatchUpLimit(int messages) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, messages, clock);
    }

    public MeshConfig withClock(InstantSource newClock) {
        return new MeshConfig(nick, peerId, store, bindAddress, pubPort, catchUpPort, beacons, discovery, peers,
                timings, sendHighWaterMark, receiveHighWaterMark, repairWindow, catchUpLimit, newClock);
    }

    private static void port(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be from 0 to 65535: " + port);
        }
    }
}
