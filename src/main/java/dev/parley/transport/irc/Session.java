package dev.parley.transport.irc;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.transport.TransportListener;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol state, from the first line to the last: capability negotiation,
 * registration, and the dispatch of every line the server sends to the part that handles it
 * ({@link MessageFlow}, {@link ChannelEvents}, {@link ServerReplies}).
 *
 * <p>Runs on the transport's event thread only, so it needs no locks; the listener is called
 * from here, one event at a time. A new connection gets a new session; what must outlive it is
 * in {@link ChannelMemory}.
 */
final class Session {

    /** What the transport does about the session's fate. */
    interface Owner {
        /** 001 arrived: the session is usable. */
        void registered(Session session);

        /** The server refused us for good (bad password, banned, no nick it accepts): no reconnect. */
        void halt(Session session, String reason);

        /** The link is dead or closed by the server: reconnect by the policy. */
        void lost(Session session, String reason);
    }

    private static final Logger log = LoggerFactory.getLogger(Session.class);

    private final IrcTransportConfig config;
    /** AWAY messages sent and not yet answered (event thread). */
    private final ArrayDeque<String> awaySent = new ArrayDeque<>();
    private final IrcConnection connection;
    private final TransportListener listener;
    private final ChannelMemory memory;
    private final ChatMessages chat;
    private final Owner owner;
    private final boolean resuming;

    private final CapNegotiation caps = new CapNegotiation();
    private final ServerSupport support = new ServerSupport();
    private final BatchTracker batches = new BatchTracker();
    private final NickVariants nicks;
    private final MessageFlow messages;
    private final ChannelEvents channels;
    private final ServerReplies replies;

    private final OwnSource me;
    private String serverName;
    private boolean registered;
    private boolean dead;
    private int pingCount;
    private final LinkWatch watch;

    Session(IrcTransportConfig config, IrcConnection connection, TransportListener listener, ChannelMemory memory,
            ChatMessages chat, Owner owner, boolean resuming) {
        this.config = config;
        this.connection = connection;
        this.listener = listener;
        this.memory = memory;
        this.chat = chat;
        this.owner = owner;
        this.resuming = resuming;
        this.watch = new LinkWatch(config.pingInterval(), config.pingTimeout(), System.nanoTime());
        this.me = new OwnSource(memory.nick(), config.userName());
        this.nicks = new NickVariants(me.nick(), () -> ThreadLocalRandom.current().nextInt());
        this.messages = new MessageFlow(this);
        this.channels = new ChannelEvents(this);
        this.replies = new ServerReplies(this);
    }

    /** Opens registration: {@code CAP LS 302}, {@code PASS}, {@code NICK}, {@code USER}, all at once. */
    void begin() {
        write(CapNegotiation.start());
        if (config.password() != null) {
            write(IrcMessage.of("PASS", config.password()));
        }
        write(IrcMessage.of("NICK", me.nick()));
        write(IrcMessage.of("USER", config.userName(), "0", "*", config.realName()));
    }

    /** Every line from the server comes through here. */
    void handle(IrcMessage line) {
        if (dead || batches.collect(line)) {
            return;
        }
        switch (line.command()) {
            case "BATCH" -> {
                BatchTracker.Batch closed = batches.onBatch(line);
                if (closed != null && closed.type().equals(BatchTracker.CHATHISTORY)) {
                    messages.onHistoryBatch(closed);
                }
            }
            case "CAP" -> onCap(line);
            case "PING", "PONG" -> { } // answered by the reader; any line counts as life
            case "ERROR" -> owner.lost(this, "server closed the link: " + String.valueOf(line.lastParam()));
            case "PRIVMSG", "NOTICE" -> messages.onMessage(line);
            case "ACK" -> messages.onAck(line);
            case "FAIL" -> onFail(line);
            case "WARN", "NOTE" -> listener.info(null, String.valueOf(line.lastParam()));
            case "JOIN" -> channels.onJoin(line);
            case "PART" -> channels.onPart(line);
            case "KICK" -> channels.onKick(line);
            case "QUIT" -> channels.onQuit(line);
            case "NICK" -> channels.onNick(line);
            case "TOPIC" -> channels.onTopic(line);
            case "MODE" -> channels.onMode(line);
            case "AWAY" -> channels.onAway(line);
            case "INVITE" -> listener.info(null, line.sourceNick().orElse("someone") + " invites you to " + line.param(1));
            default -> {
                if (line.isNumeric() && line.params().size() >= 1) {
                    onNumeric(line);
                } else {
                    log.debug("ignored {}", line);
                }
            }
        }
    }

    private void onCap(IrcMessage line) {
        IrcMessage answer = caps.onCap(line);
        if (answer != null) {
            write(answer);
        }
    }

    private void onFail(IrcMessage line) {
        if ("CHATHISTORY".equals(line.param(0))) {
            messages.onHistoryFail(line);
        } else if (!messages.onSendFailed(batches.labelOf(line), null, String.valueOf(line.lastParam()))) {
            listener.error(null, String.valueOf(line.lastParam()));
        }
    }

    private void onNumeric(IrcMessage line) {
        Numeric numeric = Numeric.forCode(line.command());
        if (numeric == null) {
            replies.onOther(line);
            return;
        }
        switch (numeric) {
            case RPL_WELCOME -> onWelcome(line);
            case RPL_ISUPPORT -> support.parse(line);
            case ERR_NICKNAMEINUSE, ERR_ERRONEUSNICKNAME -> {
                if (registered) {
                    replies.onError(line);
                } else {
                    onNickRefused(line, numeric == Numeric.ERR_NICKNAMEINUSE);
                }
            }
            case ERR_PASSWDMISMATCH -> {
                boolean given = config.password() != null;
                listener.error(null, given ? "The server refused the password"
                        : "The server needs a password (console: --password; parley.toml: [client] password)");
                owner.halt(this, given ? "wrong server password" : "the server needs a password");
            }
            case ERR_UNKNOWNCOMMAND -> {
                if ("CAP".equalsIgnoreCase(line.param(1))) {
                    caps.unsupported(); // plain RFC 2812 server: registration goes on
                } else {
                    replies.onError(line);
                }
            }
            case ERR_NOTREGISTERED -> {
                if (registered) {
                    replies.onError(line);
                }
            }
            case RPL_NOTOPIC, RPL_TOPIC, RPL_TOPICWHOTIME, RPL_NAMREPLY, RPL_ENDOFNAMES, RPL_WHOREPLY, RPL_ENDOFWHO,
                 RPL_UNAWAY, RPL_NOWAWAY -> channels.onNumeric(numeric, line);
            default -> replies.onNumeric(numeric, line);
        }
    }

    private void onWelcome(IrcMessage line) {
        if (registered) {
            return;
        }
        registered = true;
        serverName = line.source();
        String text = String.valueOf(line.lastParam());
        me.welcomed(line.param(0), text);
        listener.info(null, text);
        channels.rejoin();
        String away = memory.away();
        if (away != null) {
            setAway(away);
        }
        owner.registered(this);
    }

    private void onNickRefused(IrcMessage line, boolean taken) {
        String rejected = line.param(1) == null ? me.nick() : line.param(1);
        String next = taken ? nicks.afterTaken(rejected) : nicks.afterInvalid(rejected);
        if (next == null) {
            listener.error(null, "The server accepts none of the nicks tried (last: " + rejected + ")");
            write(IrcMessage.of("QUIT", "no usable nick"));
            owner.halt(this, "no usable nick");
            return;
        }
        if (taken) {
            listener.info(null, "Nick " + rejected + " is taken; using " + next);
        } else {
            listener.error(null, "Nick " + rejected + " is not allowed on this server; using " + next);
        }
        me.asking(next);
        write(IrcMessage.of("NICK", next));
    }

    // ---- requests from the transport (event thread, registered) ----

    void join(String channel, String key) {
        write(key == null || key.isEmpty() ? IrcMessage.of("JOIN", channel) : IrcMessage.of("JOIN", channel, key));
    }

    void part(String channel, String reason) {
        write(reason == null || reason.isEmpty() ? IrcMessage.of("PART", channel) : IrcMessage.of("PART", channel, reason));
    }

    void changeNick(String newNick) {
        write(IrcMessage.of("NICK", newNick));
    }

    void setTopic(String channel, String topic) {
        write(IrcMessage.of("TOPIC", channel, topic == null ? "" : topic));
    }

    void setAway(String message) {
        if (message == null || message.isEmpty()) {
            write(IrcMessage.of("AWAY"));
        } else if (write(IrcMessage.of("AWAY", message))) {
            awaySent.add(message);
        }
    }

    /**
     * The message of the oldest AWAY not yet answered with 306, or null. The server answers in
     * order; the user's current away message may already be another (/away lunch, then /back).
     */
    String nextAwayAnswered() {
        return awaySent.poll();
    }

    void requestChannelList() {
        replies.listRequested();
        write(IrcMessage.of("LIST"));
    }

    void requestMembers(String channel) {
        write(IrcMessage.of("NAMES", channel));
    }

    /** WHO for a channel, WHOIS for a nick. */
    void requestWho(String target) {
        if (support.isChannel(target)) {
            channels.who(target, true);
        } else {
            write(IrcMessage.of("WHOIS", target));
        }
    }

    /** Sends our PING for the dead-link check. */
    void ping() {
        write(IrcMessage.of("PING", "parley-" + (++pingCount)));
    }

    /** Says goodbye; the server closes the link after it. */
    void quit(String reason) {
        write(reason == null || reason.isEmpty() ? IrcMessage.of("QUIT") : IrcMessage.of("QUIT", reason));
        connection.finishWriting();
    }

    /** The server refused us for good: stop without reconnecting. */
    void halt(String reason) {
        owner.halt(this, reason);
    }

    /** Whether this session is over (closed by us or lost). */
    boolean closed() {
        return dead;
    }

    /** Stops handling lines and closes the socket. Idempotent. */
    void close() {
        dead = true;
        connection.close();
    }

    /**
     * Writes one line. False when it could not be sent: the message is not valid IRC
     * (reported as an error) or the link is broken (reported to the owner as lost).
     */
    boolean write(IrcMessage line) {
        if (dead) {
            return false;
        }
        try {
            connection.write(line);
            return true;
        } catch (IllegalArgumentException e) {
            listener.error(null, "Cannot send that: " + e.getMessage());
            return false;
        } catch (IOException e) {
            owner.lost(this, "connection lost: " + e.getMessage());
            return false;
        }
    }

    // ---- state the parts share ----

    TransportListener listener() {
        return listener;
    }

    ChannelMemory memory() {
        return memory;
    }

    ChatMessages chat() {
        return chat;
    }

    ServerSupport support() {
        return support;
    }

    BatchTracker batches() {
        return batches;
    }

    MessageFlow messages() {
        return messages;
    }

    ChannelEvents channels() {
        return channels;
    }

    IrcConnection connection() {
        return connection;
    }

    IrcTransportConfig config() {
        return config;
    }

    boolean registered() {
        return registered;
    }

    /** Whether this connection follows a lost one (then channels catch up on what they missed). */
    boolean resuming() {
        return resuming;
    }

    boolean has(String capability) {
        return caps.has(capability);
    }

    Set<String> capabilities() {
        return caps.enabled();
    }

    /** CHATHISTORY is usable: the server offers it, and batch to know where an answer ends. */
    boolean hasHistory() {
        return caps.has("draft/chathistory") && caps.has("batch");
    }

    /** Who we are on this server: nick and full source. */
    OwnSource me() {
        return me;
    }

    /** Whether a source is the server itself (no user part, or the name 001 came from). */
    boolean isServer(String lineSource) {
        if (lineSource == null) {
            return true;
        }
        if (lineSource.equals(serverName)) {
            return true;
        }
        return lineSource.indexOf('!') < 0 && lineSource.indexOf('@') < 0 && lineSource.indexOf('.') >= 0;
    }

    /** The dead-link check of this connection. */
    LinkWatch watch() {
        return watch;
    }
}
