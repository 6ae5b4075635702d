package dev.parley.transport.irc;

import dev.parley.model.MessageKind;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Transports under test with their recorders; closes them all and checks the listener contract. */
final class Peers implements AutoCloseable {

    /** Quick retries, so a test that restarts a server does not wait long. */
    static final ReconnectPolicy QUICK = ReconnectPolicy.defaults().withDelays(Duration.ofMillis(100), Duration.ofMillis(400));
    /** Retries so far off that only {@code reconnectNow} brings the transport back. */
    static final ReconnectPolicy MANUAL = ReconnectPolicy.defaults().withDelays(Duration.ofMinutes(10), Duration.ofMinutes(10));

    /** One transport and what it reported. */
    record Peer(String nick, IrcTransport transport, RecordingListener events) {

        private static final AtomicInteger IDS = new AtomicInteger();

        /** Sends a message and returns its local id. */
        String say(String target, String text) {
            String id = nick + "-" + IDS.incrementAndGet();
            transport.send(new OutgoingMessage(id, target, text, MessageKind.MESSAGE));
            return id;
        }

        void joinAndWait(String channel) {
            transport.join(channel, null);
            events.await(RecordingListener.Members.class, m -> m.channel().equalsIgnoreCase(channel));
        }
    }

    private final List<Peer> peers = new ArrayList<>();

    Peer start(IrcTransportConfig config) {
        RecordingListener events = new RecordingListener(config.nick());
        IrcTransport transport = new IrcTransport(config);
        Peer peer = new Peer(config.nick(), transport, events);
        peers.add(peer);
        transport.start(events);
        return peer;
    }

    /** Starts and waits until registered and CONNECTED. */
    Peer connected(IrcTransportConfig config) {
        Peer peer = start(config);
        peer.events().await(RecordingListener.Registered.class, r -> true);
        peer.events().awaitPhase(TransportState.Phase.CONNECTED);
        return peer;
    }

    static IrcTransportConfig config(int port, String nick) {
        return IrcTransportConfig.of("127.0.0.1", port, nick).withReconnect(QUICK);
    }

    @Override
    public void close() {
        for (Peer peer : peers) {
            peer.transport().close();
        }
        for (Peer peer : peers) {
            peer.events().assertContractKept();
        }
    }
}
