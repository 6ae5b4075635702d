package dev.parley.transport.irc;

import dev.parley.protocol.IrcMessage;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportState;
import dev.parley.transport.TransportState.Phase;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one transport's {@link Session} alive: dials ({@link Redial}), starts a session on each
 * new socket, watches the link ({@link LinkWatch}), and when a session ends decides what follows:
 * a lost link reconnects by the policy (our unconfirmed lines held for the catch-up to settle when
 * the server keeps history, else failed), a refusal (bad password, ban) ends OFFLINE for good,
 * and quit or close end it on purpose. Every phase change goes to the listener from here.
 *
 * <p>Event thread only, except {@link #closeSocket()} and {@link #capabilities()}.
 */
final class SessionKeeper {

    private static final Logger log = LoggerFactory.getLogger(SessionKeeper.class);
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);
    private static final String NOT_CONFIRMED = "connection lost before the server confirmed it";

    private final IrcTransportConfig config;
    private final ChatMessages chat;
    private final EventThread events;
    private final ChannelMemory memory;
    private final Redial redial;
    /** The current session, for {@link #closeSocket()} from any thread. */
    private volatile Session live;
    private volatile Set<String> capabilities = Set.of();

    // Event thread only.
    private TransportListener listener;
    private Session session;
    private boolean everRegistered;
    private boolean stopped;
    private Phase phase = Phase.OFFLINE;

    SessionKeeper(IrcTransportConfig config, ChatMessages chat, EventThread events, ChannelMemory memory) {
        this.config = config;
        this.chat = chat;
        this.events = events;
        this.memory = memory;
        this.redial = new Redial(config, events);
    }

    /** Takes the listener and dials for the first time. */
    void start(TransportListener newListener) {
        listener = newListener;
        connect();
    }

    /** The session when it is registered (usable), else null; null once quit, while it waits for the server's goodbye. */
    Session registered() {
        return !stopped && session != null && session.registered() ? session : null;
    }

    /** The IRCv3 capabilities of the current connection; empty when not connected. Any thread. */
    Set<String> capabilities() {
        return capabilities;
    }

    /** Dials, unless quit, connected or dialing already; a pending wait before the next try is skipped. */
    void connect() {
        if (stopped || session != null || redial.dialing()) {
            return;
        }
        setState(Phase.CONNECTING, Duration.ZERO, everRegistered ? "reconnecting" : "");
        redial.dial(this::connected, this::connectFailed);
    }

    /** Every few hundred ms: the session's dead-link check ({@link LinkWatch}). */
    void checkLink() {
        Session s = session;
        if (s == null || stopped) { // after a QUIT: its output is shut, the server's goodbye or the grace ends it
            return;
        }
        switch (s.watch().check(System.nanoTime(), s.connection().lastReadNanos(), s.registered())) {
            case LinkWatch.Ping ping -> s.ping();
            case LinkWatch.Dead dead -> lost(s, dead.reason());
            case LinkWatch.Fine fine -> { }
        }
    }

    /**
     * Says QUIT (and closes after a short grace for the server to answer), then OFFLINE for good.
     * Lines already written went before the QUIT, and a server handles a client's lines in order:
     * while some wait for their echo, the session stays until the server closes the link (or the
     * grace ends), so they are confirmed rather than called unsent.
     */
    void quit(String reason) {
        if (stopped) {
            return;
        }
        stopped = true;
        redial.cancel();
        Session s = session;
        if (s != null && s.registered() && s.messages().hasPending()) {
            failHeld("quit before the server confirmed it"); // never written: they stay unsent
            s.quit(reason);
            if (events.later(() -> lost(s, "quit"), QUIT_GRACE) == null) {
                lost(s, "quit");
            }
            return;
        }
        session = null;
        if (s != null) {
            failAll(s.messages().drainPending(), "quit before the server confirmed it");
            if (s.registered()) {
                s.quit(reason);
                if (events.later(s::close, QUIT_GRACE) == null) {
                    s.close(); // close() came first: no grace
                }
            } else {
                s.close();
            }
        }
        failHeld("quit before the server confirmed it");
        capabilities = Set.of();
        setState(Phase.OFFLINE, Duration.ZERO, "quit");
    }

    /** Any thread: closes the current socket at once, so a blocked reader ends. */
    void closeSocket() {
        Session s = live;
        if (s != null) {
            s.connection().close();
        }
    }

    /** Ends everything: OFFLINE unless the listener has seen it already, and nothing after. */
    void close() {
        boolean wasStopped = stopped;
        stopped = true;
        redial.cancel();
        if (session != null) {
            failAll(session.messages().drainPending(), "closed");
            session.close();
            session = null;
        }
        failHeld("closed");
        capabilities = Set.of();
        if (listener != null && (phase != Phase.OFFLINE || !wasStopped)) {
            setState(Phase.OFFLINE, Duration.ZERO, "closed");
        }
    }

    private void connectFailed(String reason) {
        log.debug("connecting to {} failed: {}", config.endpoint(), reason);
        scheduleReconnect(reason);
    }

    private void connected(Socket socket) {
        if (stopped) {
            Dialer.closeQuietly(socket);
            return;
        }
        Wire wire = new Wire();
        IrcConnection connection;
        try {
            connection = new IrcConnection(socket, wire);
        } catch (IOException e) {
            Dialer.closeQuietly(socket);
            scheduleReconnect(Dialer.reason(e, config));
            return;
        }
        Session s = new Session(config, connection, listener, memory, chat, new Owner(), everRegistered);
        wire.session = s;
        session = s;
        live = s;
        connection.startReading("parley-irc-reader");
        s.begin();
    }

    private void scheduleReconnect(String reason) {
        if (stopped) {
            return;
        }
        Duration wait = redial.later(this::connect);
        if (wait == null) {
            failHeld(NOT_CONFIRMED);
            setState(Phase.OFFLINE, Duration.ZERO, reason);
        } else {
            setState(Phase.RECONNECTING, wait, reason);
        }
    }

    private void lost(Session s, String reason) {
        if (!endCurrent(s)) {
            return;
        }
        if (stopped) { // after our QUIT: the server closed the link, or the grace ran out
            failAll(s.messages().drainPending(), "quit before the server confirmed it");
            s.close();
            setState(Phase.OFFLINE, Duration.ZERO, "quit");
            return;
        }
        log.debug("link to {} lost: {}", config.endpoint(), reason); // the user reads it in the state change
        List<PendingSends.Pending> unconfirmed = s.messages().drainPending();
        boolean canCatchUp = s.hasHistory();
        s.close();
        for (PendingSends.Pending pending : unconfirmed) {
            ChannelMemory.Entry channel = memory.get(pending.message.target());
            if (canCatchUp && channel != null && channel.joined) {
                memory.held().add(pending); // the catch-up after the reconnect shows whether it was stored
            } else {
                listener.sendFailed(pending.localId(), NOT_CONFIRMED);
            }
        }
        scheduleReconnect(reason);
    }

    private void halt(Session s, String reason) {
        if (!endCurrent(s)) {
            return;
        }
        log.debug("{} refused us: {}", config.endpoint(), reason);
        failAll(s.messages().drainPending(), reason);
        failHeld(reason);
        s.close();
        setState(Phase.OFFLINE, Duration.ZERO, reason);
    }

    /** Lets go of {@code s} if it is the current session; a stale one is only closed (false). */
    private boolean endCurrent(Session s) {
        if (s != session) {
            s.close();
            return false;
        }
        session = null;
        live = null;
        capabilities = Set.of();
        return true;
    }

    private void registeredNow(Session s) {
        if (s != session) {
            return;
        }
        redial.succeeded();
        everRegistered = true;
        capabilities = s.capabilities();
        listener.registered(s.me().nick());
        setState(Phase.CONNECTED, Duration.ZERO, "");
    }

    private void failAll(List<PendingSends.Pending> pending, String reason) {
        pending.forEach(p -> listener.sendFailed(p.localId(), reason));
    }

    private void failHeld(String reason) {
        List<PendingSends.Pending> held = List.copyOf(memory.held());
        memory.held().clear();
        failAll(held, reason);
    }

    private void setState(Phase newPhase, Duration retryIn, String detail) {
        phase = newPhase;
        listener.stateChanged(new TransportState(newPhase, config.endpoint(), retryIn, detail));
    }

    /** The reader's way into the event thread, for one connection. */
    private final class Wire implements IrcConnection.Handler {
        private Session session;

        @Override
        public void received(IrcMessage message) {
            Session mine = session;
            events.post(() -> {
                if (SessionKeeper.this.session == mine) {
                    mine.handle(message);
                }
            });
        }

        @Override
        public void closed(String reason) {
            Session mine = session;
            events.post(() -> lost(mine, reason));
        }
    }

    /** What a session may ask of its keeper. */
    private final class Owner implements Session.Owner {
        @Override
        public void registered(Session s) {
            registeredNow(s);
        }

        @Override
        public void halt(Session s, String reason) {
            SessionKeeper.this.halt(s, reason);
        }

        @Override
        public void lost(Session s, String reason) {
            SessionKeeper.this.lost(s, reason);
        }
    }
}
