package dev.parley.transport.mesh;

import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageIds;
import dev.parley.model.MessageKind;
import dev.parley.protocol.CaseMapping;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportNote;
import dev.parley.transport.mesh.Envelope.Chat;
import dev.parley.transport.mesh.Envelope.ChatKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat messages and topic changes, both ways. Out: number it in its stream, publish it, keep it
 * for repair, store it, then confirm it to the listener. In: drop it if it is a duplicate (by
 * sequence number, then by id), deliver it, store it. Loop thread only.
 */
final class ChatFlow {

    private static final Logger log = LoggerFactory.getLogger(ChatFlow.class);
    private static final int SEEN_IDS = 100_000;

    /** Where a received message came from. */
    enum Source { LIVE, REPAIR }

    private final LocalPeer self;
    private final PresenceKeeper presence;
    private final MeshSockets sockets;
    private final OutLog outLog;
    private final StreamTracker tracker;
    private final MeshHistory history;
    private final Topics topics;
    private final Events events;
    private final Counters counters;
    private final InstantSource clock;
    private final Executor loop;
    private final MessageIds ids = new MessageIds();
    private final SeenIds seen = new SeenIds(SEEN_IDS);
    private volatile Predicate<Chat> dropRule;

    ChatFlow(LocalPeer self, PresenceKeeper presence, MeshSockets sockets, OutLog outLog, StreamTracker tracker,
             MeshHistory history, Topics topics, Events events, Counters counters, InstantSource clock, Executor loop) {
        this.self = self;
        this.presence = presence;
        this.sockets = sockets;
        this.outLog = outLog;
        this.tracker = tracker;
        this.history = history;
        this.topics = topics;
        this.events = events;
        this.counters = counters;
        this.clock = clock;
        this.loop = loop;
    }

    /** Test hook: messages matching {@code rule} are dropped on arrival, as if lost on the wire. */
    void dropWhen(Predicate<Chat> rule) {
        dropRule = rule;
    }

    // --- out -----------------------------------------------------------------------------------

    void send(OutgoingMessage message) {
        String target = message.target();
        TransportNote refusal = refusal(message);
        if (refusal != null) {
            events.emit(l -> l.sendFailed(message.localId(), refusal));
            return;
        }
        Instant now = now();
        ChatMessage chat = new ChatMessage(ids.next(now), now, target, self.nick, self.id, message.text(), message.kind());
        String other;
        if (MeshHistory.isChannel(target)) {
            publish(Streams.ofChannel(target), Streams.channelTopic(target), chat, kindOf(message.kind()));
            other = null;
        } else if (CaseMapping.fold(target).equals(CaseMapping.fold(self.nick))) {
            other = self.nick; // a note to oneself: stored, not published
        } else {
            Peer peer = presence.byNick(target);
            publish(Streams.direct(peer.id), Streams.directTopic(peer.id), chat, kindOf(message.kind()));
            other = peer.shownNick();
        }
        history.append(chat, self.nick, other).whenComplete((stored, error) -> {
            if (error != null) {
                log.warn("own message {} not stored: {}", chat.id(), error.toString());
            }
            ChatMessage confirmed = stored != null ? stored : chat;
            loop.execute(() -> events.emit(l -> l.sent(message.localId(), confirmed)));
        });
    }

    /** Sets a channel's topic: a sequenced message in the channel, so it is repaired like one. */
    void setTopic(String channel, String text) {
        String folded = CaseMapping.fold(channel);
        if (!self.inChannel(folded)) {
            events.emit(l -> l.error(channel, MeshNote.NOT_ON_CHANNEL.with(channel)));
            return;
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MeshLimits.MAX_TEXT_BYTES || text.indexOf('\0') >= 0) {
            events.emit(l -> l.error(channel, MeshNote.TOPIC_TOO_LONG.with()));
            return;
        }
        Instant now = now();
        String name = self.channels.get(folded);
        ChatMessage change = new ChatMessage(ids.next(now), now, name, self.nick, self.id, text, MessageKind.MESSAGE);
        publish(folded, Streams.channelTopic(name), change, ChatKind.TOPIC);
        applyTopic(new ChannelTopic(name, text, self.nick, now));
    }

    private void publish(String stream, byte[] topic, ChatMessage message, ChatKind kind) {
        Chat chat = new Chat(message.id(), self.id, self.incarnation, self.nick, message.time().toEpochMilli(), stream,
                outLog.next(stream), kind, message.target(), message.text());
        sockets.publish(topic, EnvelopeCodec.encode(chat));
        outLog.keep(chat);
        seen.add(chat.id());
        counters.published.incrementAndGet();
    }

    /** Why {@code message} cannot go out, or null when it can. */
    private TransportNote refusal(OutgoingMessage message) {
        String target = message.target();
        int bytes = message.text().getBytes(StandardCharsets.UTF_8).length;
        if (message.text().isEmpty()) {
            return MeshNote.NO_TEXT.with();
        }
        if (bytes > MeshLimits.MAX_TEXT_BYTES || message.text().indexOf('\0') >= 0) {
            return MeshNote.TEXT_TOO_LONG.with(bytes, MeshLimits.MAX_TEXT_BYTES);
        }
        if (MeshHistory.isChannel(target)) {
            return self.inChannel(CaseMapping.fold(target)) ? null : MeshNote.NOT_IN_CHANNEL.with(target);
        }
        boolean known = CaseMapping.fold(target).equals(CaseMapping.fold(self.nick)) || presence.byNick(target) != null;
        return Streams.isNick(target) && known ? null : MeshNote.NO_SUCH_NICK.with(target);
    }

    // --- in ------------------------------------------------------------------------------------

    void receive(Chat chat, Source source) {
        if (chat.senderId().equals(self.id)) {
            return;
        }
        if (chat.direct() && !Streams.recipientOf(chat.stream()).equals(self.id)) {
            return;
        }
        Predicate<Chat> drop = dropRule;
        if (drop != null && drop.test(chat)) {
            return;
        }
        switch (tracker.accept(chat.senderId(), chat.incarnation(), chat.stream(), chat.seq())) {
            case UNTRACKED -> {
                return;
            }
            case DUPLICATE -> {
                counters.duplicates.incrementAndGet();
                return;
            }
            case NEW -> { }
        }
        if (!seen.add(chat.id()) || source == Source.REPAIR && history.has(chat.id())) {
            counters.duplicates.incrementAndGet();
            return;
        }
        Peer sender = presence.peer(chat.senderId());
        String nick = sender != null && sender.nick != null ? sender.nick : chat.senderNick();
        Instant time = Instant.ofEpochMilli(chat.time());
        if (chat.kind() == ChatKind.TOPIC) {
            applyTopic(new ChannelTopic(self.channels.get(chat.stream()), chat.text(), nick, time));
        } else {
            String target = chat.direct() ? chat.target() : self.channels.get(chat.stream());
            MessageKind kind = chat.kind() == ChatKind.NOTICE ? MessageKind.NOTICE : MessageKind.MESSAGE;
            deliver(new ChatMessage(chat.id(), time, target, nick, chat.senderId(), chat.text(), kind), nick);
        }
        if (source == Source.REPAIR) {
            counters.repaired.incrementAndGet();
        }
    }

    /**
     * Takes a message from another peer's store (catch-up): false when it is known already.
     * A new one is stored; the caller shows it.
     */
    boolean acceptStored(ChatMessage message) {
        if (!seen.add(message.id()) || history.has(message.id())) {
            counters.duplicates.incrementAndGet();
            return false;
        }
        history.append(message, self.nick, null).whenComplete((stored, error) -> {
            if (error != null) {
                log.debug("caught-up message {} not stored: {}", message.id(), error.toString());
            }
        });
        counters.caughtUp.incrementAndGet();
        counters.delivered.incrementAndGet();
        return true;
    }

    private void deliver(ChatMessage message, String senderNick) {
        counters.delivered.incrementAndGet();
        events.emit(l -> l.message(message));
        history.append(message, self.nick, senderNick).whenComplete((stored, error) -> {
            if (error != null) {
                log.debug("message {} not stored: {}", message.id(), error.toString());
            }
        });
    }

    private void applyTopic(ChannelTopic topic) {
        if (topics.offer(topic)) {
            events.emit(l -> l.topic(topic.channel(), topic, true));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ChatKind kindOf(MessageKind kind) {
        return kind == MessageKind.NOTICE ? ChatKind.NOTICE : ChatKind.MESSAGE;
    }
}
