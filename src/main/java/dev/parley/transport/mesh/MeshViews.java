package dev.parley.transport.mesh;

import java.util.List;

/** What other threads may read of a peer's state: copies the loop thread publishes after each change. */
final class MeshViews {

    private volatile String nick;
    private volatile List<MeshPeer> peers = List.of();
    private volatile int pubPort;
    private volatile int catchUpPort;

    String nick() {
        return nick;
    }

    void nick(String newNick) {
        nick = newNick;
    }

    List<MeshPeer> peers() {
        return peers;
    }

    void peers(List<MeshPeer> newPeers) {
        peers = List.copyOf(newPeers);
    }

    int pubPort() {
        return pubPort;
    }

    int catchUpPort() {
        return catchUpPort;
    }

    void ports(int pub, int catchUp) {
        pubPort = pub;
        catchUpPort = catchUp;
    }
}
