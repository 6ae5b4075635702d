package dev.parley.transport.mesh;

import dev.parley.transport.mesh.Envelope.Chat;
import dev.parley.transport.mesh.Envelope.RepairRequest;
import dev.parley.transport.mesh.Envelope.RepairResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills holes in other peers' streams by asking the sender itself, point to point, and answers
 * such requests for this peer's own streams from its {@link OutLog}. A request goes at once
 * when a hole is found, again after {@code repairRetry} without an answer, and the next one
 * right after an answer if holes remain. Loop thread only.
 */
final class Repairs {

    private static final Logger log = LoggerFactory.getLogger(Repairs.class);

    private final LocalPeer self;
    private final PresenceKeeper presence;
    private final PeerLinks links;
    private final StreamTracker tracker;
    private final OutLog outLog;
    private final ChatFlow chat;
    private final MeshSockets sockets;
    private final Counters counters;
    private final long retryNanos;
    private long nextRequestId = 1;

    Repairs(LocalPeer self, PresenceKeeper presence, PeerLinks links, StreamTracker tracker, OutLog outLog, ChatFlow chat,
            MeshSockets sockets, Counters counters, MeshConfig.Timings timings) {
        this.self = self;
        this.presence = presence;
        this.links = links;
        this.tracker = tracker;
        this.outLog = outLog;
        this.chat = chat;
        this.sockets = sockets;
        this.counters = counters;
        this.retryNanos = timings.repairRetry().toNanos();
    }

    /** Asks for every hole that is due. */
    void askDue() {
        long now = System.nanoTime();
        for (StreamTracker.Gap gap : tracker.gapsDue(now, retryNanos)) {
            Peer sender = presence.peer(gap.key().peerId());
            if (sender == null || sender.unreachable || sender.incarnation != gap.incarnation()) {
                continue;
            }
            RepairRequest request = new RepairRequest(nextRequestId++, self.id, gap.incarnation(), gap.key().stream(),
                    gap.from(), gap.to());
            if (links.request(sender, EnvelopeCodec.encode(request))) {
                tracker.requested(gap.key(), now);
                counters.repairRequests.incrementAndGet();
                log.debug("asked {} for {} {}..{}", sender.id, gap.key().stream(), gap.from(), gap.to());
            }
        }
    }

    /** Answers a request for this peer's stream, from what it still keeps. */
    void answer(byte[] identity, RepairRequest request) {
        String stream = request.stream();
        if (Streams.isDirect(stream) && !Streams.recipientOf(stream).equals(request.peerId())) {
            log.debug("{} asked for someone else's direct messages; not answered", request.peerId());
            return;
        }
        if (request.incarnation() != self.incarnation) {
            sockets.reply(identity, EnvelopeCodec.encode(new RepairResponse(request.requestId(), request.incarnation(),
                    stream, Long.MAX_VALUE, true, List.of())));
            return;
        }
        long to = Math.min(request.toSeq(), request.fromSeq() + StreamTracker.MAX_REPAIR_RANGE - 1);
        OutLog.Slice slice = outLog.slice(stream, request.fromSeq(), to, (int) StreamTracker.MAX_REPAIR_RANGE);
        List<List<Chat>> groups = Frames.pack(slice.messages(), EnvelopeCodec::size, false);
        for (int i = 0; i < groups.size(); i++) {
            sockets.reply(identity, EnvelopeCodec.encode(new RepairResponse(request.requestId(), self.incarnation, stream,
                    slice.oldestAvailable(), i == groups.size() - 1, groups.get(i))));
        }
    }

    /** Takes an answer from {@code peerId}, the sender that was asked. */
    void answered(String peerId, RepairResponse response) {
        StreamTracker.Key key = new StreamTracker.Key(peerId, response.stream());
        if (tracker.incarnation(key) != response.incarnation()) {
            return;
        }
        for (Chat message : response.messages()) {
            if (message.senderId().equals(peerId)) {
                chat.receive(message, ChatFlow.Source.REPAIR);
            }
        }
        long lost = tracker.unavailableBelow(key, response.incarnation(), response.oldestAvailable());
        if (lost > 0) {
            log.info("{} messages from {} in {} are past its repair window and were lost here", lost, peerId,
                    response.stream());
        }
        if (response.last()) {
            tracker.answered(key);
            askDue();
        }
    }
}
