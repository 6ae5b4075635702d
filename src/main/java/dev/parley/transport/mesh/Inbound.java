package dev.parley.transport.mesh;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * Reads the sockets: frames in, envelopes out, to the right handler for the socket they came
 * on. A frame that is malformed, oversized, or of a kind that does not belong on that socket
 * is dropped with a log line (at most one a few seconds, with a count of the rest), and never
 * stops the loop or the peer. Each call reads a bounded batch so one busy socket cannot starve
 * the others. Loop thread only.
 */
final class Inbound {

    private static final Logger log = LoggerFactory.getLogger(Inbound.class);
    private static final int BATCH = 512;
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    /** Where decoded envelopes go, by the socket they came on. */
    interface Handler {
        /** From SUB: chat, heartbeat, bye, part. */
        void published(Envelope envelope);

        /** From ROUTER: hello, catch-up and repair requests; answers go to {@code identity}. */
        void requested(byte[] identity, Envelope envelope);

        /** From the DEALER to {@code peerId}: catch-up and repair answers. */
        void answered(String peerId, Envelope envelope);
    }

    private final Handler handler;
    private final Counters counters;
    private long lastLogNanos = System.nanoTime() - LOG_EVERY_NANOS;
    private long unlogged;

    Inbound(Handler handler, Counters counters) {
        this.handler = handler;
        this.counters = counters;
    }

    void readSub(ZMQ.Socket sub) {
        for (int i = 0; i < BATCH; i++) {
            List<byte[]> parts = MeshSockets.receive(sub);
            if (parts == null) {
                return;
            }
            if (parts.size() != 2 || parts.getFirst().length > MeshLimits.MAX_TOPIC_FRAME_BYTES) {
                drop("published", "expected a topic frame and a body, got " + parts.size() + " frames");
                continue;
            }
            Envelope envelope = decode("published", parts.get(1));
            switch (envelope) {
                case null -> { }
                case Envelope.Chat c -> handler.published(c);
                case Envelope.Heartbeat h -> handler.published(h);
                case Envelope.Bye b -> handler.published(b);
                case Envelope.Part p -> handler.published(p);
                default -> drop("published", envelope.getClass().getSimpleName() + " does not belong on PUB/SUB");
            }
        }
    }

    void readRouter(ZMQ.Socket router) {
        for (int i = 0; i < BATCH; i++) {
            List<byte[]> parts = MeshSockets.receive(router);
            if (parts == null) {
                return;
            }
            if (parts.size() != 2) {
                drop("request", "expected one body frame, got " + (parts.size() - 1));
                continue;
            }
            Envelope envelope = decode("request", parts.get(1));
            switch (envelope) {
                case null -> { }
                case Envelope.Hello h -> handler.requested(parts.getFirst(), h);
                case Envelope.CatchUpRequest c -> handler.requested(parts.getFirst(), c);
                case Envelope.RepairRequest r -> handler.requested(parts.getFirst(), r);
                default -> drop("request", envelope.getClass().getSimpleName() + " is not a request");
            }
        }
    }

    void readDealer(String peerId, ZMQ.Socket dealer) {
        for (int i = 0; i < BATCH; i++) {
            List<byte[]> parts = MeshSockets.receive(dealer);
            if (parts == null) {
                return;
            }
            if (parts.size() != 1) {
                drop("answer", "expected one frame, got " + parts.size());
                continue;
            }
            Envelope envelope = decode("answer", parts.getFirst());
            switch (envelope) {
                case null -> { }
                case Envelope.CatchUpResponse c -> handler.answered(peerId, c);
                case Envelope.RepairResponse r -> handler.answered(peerId, r);
                default -> drop("answer", envelope.getClass().getSimpleName() + " is not an answer");
            }
        }
    }

    private Envelope decode(String where, byte[] body) {
        return switch (EnvelopeCodec.decode(body)) {
            case EnvelopeCodec.Valid(Envelope envelope) -> envelope;
            case EnvelopeCodec.Rejected(String reason) -> {
                drop(where, reason);
                yield null;
            }
        };
    }

    private void drop(String where, String reason) {
        counters.malformed.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_EVERY_NANOS) {
            String more = unlogged == 0 ? "" : " (and " + unlogged + " more since the last report)";
            log.warn("dropped a bad {} frame: {}{}", where, reason, more);
            lastLogNanos = now;
            unlogged = 0;
        } else {
            unlogged++;
        }
    }
}
