package dev.parley.transport.irc;

import dev.parley.transport.HistoryRequest;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link Transport} over one IRC connection: to a Parley relay or to any IRC server.
 *
 * <pre>
 *   IrcTransport irc = new IrcTransport(IrcTransportConfig.of("10.0.0.5", 6667, "ada"));
 *   irc.start(listener);          // connects, registers, reconnects by itself
 *   irc.join("#lab", null);       // may be called at once: joins when registered
 *   irc.send(new OutgoingMessage("m1", "#lab", "hello", MessageKind.MESSAGE));
 *   irc.quit("bye");              // QUIT, then OFFLINE for good
 * </pre>
 *
 * <h2>Threads</h2>
 * All protocol state lives on one event thread ({@code parley-irc-events}), which is also where
 * every listener call happens, one at a time, in order. Each connection has a virtual reader
 * thread that parses lines, answers PING at once and hands the rest to the event thread; writes
 * are serialized by the connection's lock. A timer thread drives reconnect waits and the
 * dead-link check, and hands its work to the event thread too. Public methods only queue work.
 *
 * <h2>Registration</h2>
 * {@code CAP LS 302}, {@code PASS} (when configured), {@code NICK}, {@code USER} in one go; of
 * message-tags, server-time, echo-message, batch, labeled-response, draft/chathistory,
 * away-notify and multi-prefix, those the server offers are requested, and a server without
 * CAP registers us all the same. A taken nick is replaced by a variant
 * ({@code ada_}, {@code ada__}, {@code ada1} ...) with an info line, and {@code registered} names
 * the nick we got. A refused password (464) or a ban (465) is an error and OFFLINE, without
 * reconnecting.
 *
 * <h2>Conversations</h2>
 * {@link dev.parley.model.ChatMessage#target()} is the line's target as on the wire: a channel,
 * or for a direct message the recipient's nick. So a direct message we receive has our own nick
 * as its target, and one we send has the other person's. The conversation it belongs to is:
 * the target when it is a channel; else the sender, unless the sender is us, then the target.
 * Message ids are the server's {@code msgid} when it has them (the relay does), else local ids
 * starting with {@code local-} that mean nothing to the server.
 *
 * <h2>Our own messages</h2>
 * Long text is split into parts that each fit a 512-byte line with our {@code nick!user@host}
 * in front, at spaces where possible; line breaks split too. With echo-message each part is
 * confirmed by its echo (matched by {@code label} with labeled-response, else oldest first per
 * target) and {@code sent} comes once, after the last part, with the server's id and time; an
 * error reply to it gives {@code sendFailed}. Without echo-message {@code sent} comes right after
 * the write, with the local id and our clock's time. {@code send} while not registered gives
 * {@code sendFailed(localId, "not connected")} at once: the caller keeps its own outbox.
 *
 * <h2>Reconnecting</h2>
 * EOF, an I/O error, an ERROR line or a ping timeout (no line for {@code pingInterval}, then no
 * answer to our PING for {@code pingTimeout}) lead to RECONNECTING with the wait before the next
 * try ({@link ReconnectPolicy}); {@link #reconnectNow()} skips the wait. After registering again
 * the transport rejoins every channel it was in (with its key) and, when the server has
 * draft/chathistory, asks each for what it missed: {@code CHATHISTORY AFTER <channel>
 * msgid=<newest seen>} (or {@code timestamp=} of our join when we saw none), page after page.
 * Missed messages arrive as ordinary {@code message} events, in order, before any live message
 * of that channel (those wait meanwhile), and a message already seen (by id, per conversation)
 * is never delivered twice. Our messages that were unconfirmed when the link broke are
 * confirmed when the catch-up shows them stored, and failed otherwise. After a rejoin the
 * listener sees {@code joined} for us again and a fresh {@code members}.
 *
 * <h2>History</h2>
 * {@link #requestHistory} asks {@code CHATHISTORY LATEST|BEFORE|AFTER} and answers with one
 * {@code history} event ({@code older} true for LATEST and BEFORE). Without chathistory it
 * answers at once with no messages and an info line "This server keeps no history".
 */
public final class IrcTransport implements Transport {

    private final IrcTransportConfig config;
    private final EventThread events;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;

    // Event thread only.
    private final ChannelMemory memory;
    private final SessionKeeper keeper;
    private TransportListener listener;

    public IrcTransport(IrcTransportConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With the clock that times messages the server does not time (no server-time). */
    public IrcTransport(IrcTransportConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        ChatMessages chat = new ChatMessages(Objects.requireNonNull(clock, "clock"),
                Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
        this.memory = new ChannelMemory(config.nick());
        this.events = new EventThread(config.endpoint());
        this.keeper = new SessionKeeper(config, chat, events, memory);
    }

    @Override
    public void start(TransportListener newListener) {
        Objects.requireNonNull(newListener, "listener");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("start is called once");
        }
        events.post(() -> {
            listener = newListener;
            keeper.start(newListener);
        });
        long shortest = Math.min(config.pingInterval().toMillis(), config.pingTimeout().toMillis());
        events.every(keeper::checkLink, Duration.ofMillis(Math.clamp(shortest / 4, 10, 1000)));
    }

    @Override
    public void join(String channel, String key) {
        Objects.requireNonNull(channel, "channel");
        onEvents(() -> {
            memory.want(channel, key);
            ifRegistered(session -> session.join(channel, key), () -> { });
        });
    }

    @Override
    public void part(String channel, String reason) {
        Objects.requireNonNull(channel, "channel");
        onEvents(() -> {
            ChannelMemory.Entry entry = memory.get(channel);
            memory.forget(channel);
            ifRegistered(session -> session.part(channel, reason), () -> {
                if (entry != null) {
                    listener.parted(entry.name, memory.nick(), reason); // nothing to tell the server: we are not there
                }
            });
        });
    }

    @Override
    public void send(OutgoingMessage message) {
        Objects.requireNonNull(message, "message");
        onEvents(() -> ifRegistered(session -> session.messages().send(message),
                () -> listener.sendFailed(message.localId(), "not connected")));
    }

    @Override
    public void changeNick(String nick) {
        Objects.requireNonNull(nick, "nick");
        // Not registered: the nick is asked for at the next registration.
        onEvents(() -> ifRegistered(session -> session.changeNick(nick), () -> memory.nick(nick)));
    }

    @Override
    public void setTopic(String channel, String topic) {
        Objects.requireNonNull(channel, "channel");
        whenRegistered(channel, "set the topic", s -> s.setTopic(channel, topic));
    }

    @Override
    public void setAway(String message) {
        onEvents(() -> {
            memory.away(message == null || message.isEmpty() ? null : message); // set again after a reconnect
            ifRegistered(session -> session.setAway(message), () -> { });
        });
    }

    @Override
    public void requestChannelList() {
        whenRegistered(null, "list channels", Session::requestChannelList);
    }

    @Override
    public void requestMembers(String channel) {
        Objects.requireNonNull(channel, "channel");
        whenRegistered(channel, "list members", s -> s.requestMembers(channel));
    }

    @Override
    public void requestWho(String target) {
        Objects.requireNonNull(target, "target");
        whenRegistered(target, "ask who that is", s -> s.requestWho(target));
    }

    @Override
    public void requestHistory(HistoryRequest request) {
        Objects.requireNonNull(request, "request");
        onEvents(() -> ifRegistered(session -> session.messages().requestHistory(request), () -> {
            listener.history(request.target(), List.of(), request.afterId() == null);
            listener.error(request.target(), "Not connected: no history now");
        }));
    }

    @Override
    public void reconnectNow() {
        onEvents(keeper::connect);
    }

    @Override
    public void quit(String reason) {
        onEvents(() -> keeper.quit(reason));
    }

    @Override
    public String endpoint() {
        return config.endpoint();
    }

    /** Closes the socket at once; the listener sees OFFLINE (unless it already did) and nothing after. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        keeper.closeSocket();
        events.post(keeper::close);
        events.shutdown();
    }

    /** The IRCv3 capabilities of the current connection; empty when not connected. */
    Set<String> capabilities() {
        return keeper.capabilities();
    }

    private void whenRegistered(String target, String what, Consumer<Session> action) {
        onEvents(() -> ifRegistered(action, () -> listener.error(target, "Not connected: cannot " + what)));
    }

    /** On the event thread: {@code action} with the registered session, else {@code otherwise}. */
    private void ifRegistered(Consumer<Session> action, Runnable otherwise) {
        Session session = keeper.registered();
        if (session != null) {
            action.accept(session);
        } else {
            otherwise.run();
        }
    }

    /** A request from the caller: needs {@link #start} first. */
    private void onEvents(Runnable task) {
        if (!started.get()) {
            throw new IllegalStateException("start the transport first");
        }
        events.post(task);
    }
}
