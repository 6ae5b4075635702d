package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcWriter;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One connected client's session: who it is, what it negotiated, where it is.
 *
 * <p>Threads: the identity fields and channel set change under the {@link ServerState} lock;
 * fields read by fan-out on other threads (caps, nick, source, away) are volatile; the rest is
 * touched only by the connection's command runner (one at a time, each after the last).
 */
public final class Client {

    private final ClientConnection connection;
    private final String host;
    private final Instant connectedAt;
    private final Set<Channel> channels = new LinkedHashSet<>();

    private volatile String nick;
    private volatile String source;
    private volatile int caps;
    private volatile String away;
    private volatile boolean registered;
    private volatile long lastActivityNanos;
    private volatile long lastSpokeNanos;
    private String user;
    private String realName;
    private String passwordGiven;
    private boolean capNegotiating;
    private int capVersion;
    private boolean invisible;
    private CompletableFuture<?> lastDelivery = CompletableFuture.completedFuture(null);
    /** See {@link #queuedInDrain}. */
    private long lastDrain;

    Client(ClientConnection connection, String host, Instant connectedAt, long nowNanos) {
        this.connection = connection;
        this.host = host;
        this.connectedAt = connectedAt;
        this.lastActivityNanos = nowNanos;
        this.lastSpokeNanos = nowNanos;
    }

    // --- sending -------------------------------------------------------------------------

    /** Sends a line built for this client alone, with the tags its capabilities allow. */
    public void send(IrcMessage message) {
        connection.send(IrcWriter.encode(TagFilter.forClient(message, caps)));
    }

    /** Sends a shared line, reusing its bytes. */
    public void send(OutboundMessage message) {
        connection.send(message.bytesFor(caps));
    }

    /**
     * Queues bytes already encoded for this client's capabilities (several lines at once, from
     * {@link FanOut}); {@link #flushRaw} writes them.
     */
    void queueRaw(byte[] lines) {
        connection.queue(lines);
    }

    /**
     * True the first time it is called with a given fan-out drain number: that drain has queued
     * for this client and must flush it. Only the draining thread calls it, one drain at a time
     * (FanOut's flag orders the drains), so a plain field does.
     */
    boolean queuedInDrain(long drain) {
        if (lastDrain == drain) {
            return false;
        }
        lastDrain = drain;
        return true;
    }

    /** Writes what {@link #queueRaw} queued, on the calling thread unless a write is under way. */
    void flushRaw() {
        connection.flush();
    }

    /** The negotiated capabilities as a bit set, for encoders that share bytes between clients. */
    int caps() {
        return caps;
    }

    /** Sends ERROR with the reason, then closes the connection once it is written. */
    public void disconnect(String reason) {
        connection.quit(reason);
    }

    // --- identity ------------------------------------------------------------------------

    public String nick() {
        return nick;
    }

    /** The nick, or {@code *} before one is set: the first parameter of numerics. */
    public String nickOrStar() {
        return nick == null ? "*" : nick;
    }

    public void setNick(String newNick) {
        this.nick = newNick;
        this.source = newNick + "!" + (user == null ? "~u" : user) + "@" + host;
    }

    /** {@code nick!user@host}, the source of everything this client says. */
    public String source() {
        return source;
    }

    public String user() {
        return user;
    }

    public String realName() {
        return realName;
    }

    public void setUser(String newUser, String newRealName) {
        this.user = newUser;
        this.realName = newRealName;
        if (nick != null) {
            setNick(nick);
        }
    }

    public String host() {
        return host;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public boolean isRegistered() {
        return registered;
    }

    public void markRegistered() {
        this.registered = true;
    }

    public String passwordGiven() {
        return passwordGiven;
    }

    public void setPasswordGiven(String password) {
        this.passwordGiven = password;
    }

    // --- capabilities --------------------------------------------------------------------

    public boolean has(Capability cap) {
        return TagFilter.has(caps, cap);
    }

    public void enable(Capability cap) {
        caps |= 1 << cap.ordinal();
    }

    public void disable(Capability cap) {
        caps &= ~(1 << cap.ordinal());
    }

    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void setCapNegotiating(boolean negotiating) {
        this.capNegotiating = negotiating;
    }

    public int capVersion() {
        return capVersion;
    }

    public void setCapVersion(int version) {
        this.capVersion = Math.max(capVersion, version);
    }

    // --- presence ------------------------------------------------------------------------

    /** The away message, or null when here. */
    public String away() {
        return away;
    }

    public void setAway(String message) {
        this.away = message;
    }

    public boolean invisible() {
        return invisible;
    }

    public void setInvisible(boolean value) {
        this.invisible = value;
    }

    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    public void touch(long nowNanos) {
        this.lastActivityNanos = nowNanos;
    }

    /** When the client last said something (PRIVMSG, NOTICE): WHOIS idle time counts from here, not from PINGs. */
    public long lastSpokeNanos() {
        return lastSpokeNanos;
    }

    public void spoke(long nowNanos) {
        this.lastSpokeNanos = nowNanos;
    }

    // --- channels (under the ServerState lock) ---------------------------------------------

    public Set<Channel> channels() {
        return channels;
    }

    // --- ordering of delivered messages (command runner only) ----------------------------------

    /**
     * The newest message of this client's, stored and queued to its recipients; later commands
     * wait for it to keep order.
     */
    public CompletableFuture<?> lastDelivery() {
        return lastDelivery;
    }

    public void setLastDelivery(CompletableFuture<?> future) {
        this.lastDelivery = future;
    }

    public ClientConnection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return nick == null ? "unregistered@" + host : source;
    }
}
