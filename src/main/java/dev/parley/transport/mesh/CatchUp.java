package dev.parley.transport.mesh;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.mesh.Envelope.CatchUpRequest;
import dev.parley.transport.mesh.Envelope.CatchUpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's history for a peer that joins it late or comes back after a restart: it asks one
 * peer in the channel for the stored messages newer than its own newest (less a minute, for
 * clocks that differ), and that peer answers from its store, the oldest first, at most
 * {@code limit} at a time; a full answer is followed by a request for the next page, from the
 * newest message it brought, until an answer is short or brings nothing new. It asks when it
 * joins, or as soon as it hears of a peer in the channel; another peer if no answer comes. What
 * it already has is dropped by id. Messages said after the join come by the live path, with
 * repair. Loop thread only.
 */
final class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);
    /** Answers take several frames and a store read: give them more time than a repair. */
    private static final int TIMEOUT_FACTOR = 3;
    /** Messages read at a time to finish a page's last millisecond. */
    private static final int EDGE_READ = 32;

    private static final class Pending {
        final String channel;
        long since;
        final Set<String> tried = new HashSet<>();
        long requestId;
        String asked;
        long askedAtNanos;
        /** Messages in this page's answer so far, new or not: a full page means there may be more. */
        int answered;
        final List<ChatMessage> received = new ArrayList<>();

        Pending(String channel, long since) {
            this.channel = channel;
            this.since = since;
        }
    }

    private final LocalPeer self;
    private final PresenceKeeper presence;
    private final PeerLinks links;
    private final MeshHistory history;
    private final Topics topics;
    private final ChatFlow chat;
    private final MeshSockets sockets;
    private final Events events;
    private final int limit;
    private final long timeoutNanos;
    private final Map<String, Pending> pending = new HashMap<>();
    private long nextRequestId = 1;

    CatchUp(LocalPeer self, PresenceKeeper presence, PeerLinks links, MeshHistory history, Topics topics, ChatFlow chat,
            MeshSockets sockets, Events events, MeshConfig config) {
        this.self = self;
        this.presence = presence;
        this.links = links;
        this.history = history;
        this.topics = topics;
        this.chat = chat;
        this.sockets = sockets;
        this.events = events;
        this.limit = config.catchUpLimit();
        this.timeoutNanos = config.timings().repairRetry().multipliedBy(TIMEOUT_FACTOR).toNanos();
    }

    /** This peer joined {@code channel}: catch up on it. */
    void joined(String channel) {
        long since = history.newest(channel).map(t -> t.minus(CLOCK_SLACK).toEpochMilli()).orElse(0L);
        String folded = CaseMapping.fold(channel);
        pending.put(folded, new Pending(channel, Math.max(0, since)));
        ask(folded);
    }

    void parted(String channel) {
        pending.remove(CaseMapping.fold(channel));
    }

    /** A heartbeat showed {@code peer}: ask it for any channel still waiting that it is in. */
    void heard(Peer peer) {
        for (String folded : List.copyOf(pending.keySet())) {
            if (peer.inChannel(folded)) {
                ask(folded);
            }
        }
    }

    /** Gives up on requests unanswered for too long and asks someone else. */
    void retryDue() {
        long now = System.nanoTime();
        for (Map.Entry<String, Pending> entry : List.copyOf(pending.entrySet())) {
            Pending wait = entry.getValue();
            if (wait.asked != null && now - wait.askedAtNanos > timeoutNanos) {
                log.debug("no catch-up answer from {} for {}", wait.asked, wait.channel);
                wait.asked = null;
                ask(entry.getKey());
            }
        }
    }

    /** Answers another peer from this peer's store. */
    void answer(byte[] identity, CatchUpRequest request) {
        int count = Math.min(request.limit(), limit);
        List<ChatMessage> messages = count == 0 ? List.of()
                : page(request.channel(), Instant.ofEpochMilli(request.since()), count).stream()
                        .filter(EnvelopeCodec::canCarry).toList();
        ChannelTopic topic = topics.get(request.channel());
        ChannelTopic sent = topic == null ? null
                : new ChannelTopic(request.channel(), topic.text(), topic.setBy(), topic.setAt());
        List<List<ChatMessage>> groups = Frames.pack(messages, EnvelopeCodec::size, true);
        for (int i = 0; i < groups.size(); i++) {
            sockets.reply(identity, EnvelopeCodec.encode(new CatchUpResponse(request.requestId(), request.channel(),
                    i == 0 ? sent : null, i == groups.size() - 1, groups.get(i))));
        }
    }

    /**
     * The {@code count} messages after {@code since}, and then the rest of the last one's
     * millisecond: the next page starts after that millisecond, so a page never ends inside one (a
     * script says many things in one). The rest is read a few at a time, by id, since it is
     * usually nothing; a run longer than a frame holds is cut, logged.
     */
    private List<ChatMessage> page(String channel, Instant since, int count) {
        List<ChatMessage> page = new ArrayList<>(history.since(channel, since, count));
        if (page.size() < count) {
            return page;
        }
        long edge = page.getLast().time().toEpochMilli();
        while (page.size() < MeshLimits.MAX_MESSAGES_PER_FRAME) {
            List<ChatMessage> next = history.after(channel, page.getLast().id(), EDGE_READ);
            int same = 0;
            while (same < next.size() && next.get(same).time().toEpochMilli() == edge) {
                same++;
            }
            page.addAll(next.subList(0, same));
            if (same < EDGE_READ) {
                return page;
            }
        }
        log.warn("catch-up page of {} cut inside one millisecond ({})", channel, edge);
        return page;
    }

    /** Takes one frame of an answer; the last one completes the catch-up. */
    void answered(String peerId, CatchUpResponse response) {
        String folded = CaseMapping.fold(response.channel());
        Pending wait = pending.get(folded);
        if (wait == null || !peerId.equals(wait.asked) || wait.requestId != response.requestId()) {
            return;
        }
        String channel = self.channels.get(folded);
        wait.answered += response.messages().size();
        for (ChatMessage message : response.messages()) {
            ChatMessage ours = new ChatMessage(message.id(), message.time(), channel, message.sender(), message.origin(),
                    message.text(), message.kind());
            if (chat.acceptStored(ours)) {
                wait.received.add(ours);
            }
        }
        if (response.topic() != null) {
            ChannelTopic topic = new ChannelTopic(channel, response.topic().text(), response.topic().setBy(),
                    response.topic().setAt());
            if (topics.offer(topic)) {
                events.emit(l -> l.topic(channel, topic, false));
            }
        }
        if (response.last()) {
            List<ChatMessage> fresh = List.copyOf(wait.received);
            if (!fresh.isEmpty()) {
                events.emit(l -> l.history(channel, fresh, false));
            }
            log.debug("caught up on {} from {}: {} new of {}", channel, peerId, fresh.size(), wait.answered);
            if (wait.answered >= limit && !fresh.isEmpty()) {
                nextPage(folded, wait, peerId, fresh);
            } else {
                pending.remove(folded);
            }
        }
    }

    /**
     * Asks the same peer for the page after {@code fresh}: after its newest message's millisecond,
     * which the page holds whole ({@link #page}).
     */
    private void nextPage(String folded, Pending wait, String peerId, List<ChatMessage> fresh) {
        long newest = fresh.stream().mapToLong(m -> m.time().toEpochMilli()).max().orElse(wait.since);
        wait.since = Math.max(wait.since, newest);
        wait.received.clear();
        wait.answered = 0;
        wait.asked = null;
        wait.tried.clear();
        wait.tried.addAll(presence.reachableIn(folded).stream().map(p -> p.id).filter(id -> !id.equals(peerId)).toList());
        ask(folded);
    }

    private void ask(String folded) {
        Pending wait = pending.get(folded);
        if (wait == null || wait.asked != null) {
            return;
        }
        List<Peer> candidates = presence.reachableIn(folded).stream().filter(p -> !wait.tried.contains(p.id)).toList();
        if (candidates.isEmpty()) {
            // Everyone was tried: start the round again with whoever is there now.
            wait.tried.clear();
            return;
        }
        for (Peer peer : candidates) {
            long id = nextRequestId++;
            CatchUpRequest request = new CatchUpRequest(id, self.id, wait.channel, wait.since, limit);
            wait.tried.add(peer.id);
            if (links.request(peer, EnvelopeCodec.encode(request))) {
                wait.requestId = id;
                wait.asked = peer.id;
                wait.askedAtNanos = System.nanoTime();
                return;
            }
        }
    }
}
