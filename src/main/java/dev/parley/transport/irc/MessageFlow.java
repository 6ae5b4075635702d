package dev.parley.transport.irc;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.IrcMessage;
import dev.parley.transport.HistoryRequest;
import dev.parley.transport.OutgoingMessage;
import dev.parley.transport.TransportListener;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat messages both ways, and history.
 *
 * <p>Out: text is split to fit a line ({@link MessageSplitter}); with echo-message each part
 * waits for its echo ({@link PendingSends}) and the message is {@code sent} when the last part
 * is back, carrying the server's id; without echo-message it is {@code sent} right after the
 * write, with its local id and our clock's time.
 *
 * <p>In: a PRIVMSG or NOTICE from someone becomes a {@code message} event unless its id was seen
 * already in that conversation; while the channel is catching up after a reconnect, live
 * messages wait until the missed ones are out.
 *
 * <p>History: the user's requests answer with a {@code history} event; a catch-up
 * ({@code CHATHISTORY AFTER} the last id seen, page after page) answers with {@code message}
 * events, as if the messages had come live.
 */
final class MessageFlow {

    private static final Logger log = LoggerFactory.getLogger(MessageFlow.class);
    /** Our source, the command, the target and the spaces and colons around them must fit in this with the text. */
    private static final int MAX_LINE_BYTES = 510;
    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Session session;
    private final TransportListener listener;
    private final PendingSends pending = new PendingSends();
    private final HistoryRequests history = new HistoryRequests();
    private final CatchUp catchUp = new CatchUp();
    private int labels;

    MessageFlow(Session session) {
        this.session = session;
        this.listener = session.listener();
    }

    // ---- out ----

    void send(OutgoingMessage message) {
        String command = message.kind() == MessageKind.NOTICE ? "NOTICE" : "PRIVMSG";
        String target = message.target();
        String frame = ":" + session.me().estimate() + " " + command + " " + target + " :";
        int budget = MAX_LINE_BYTES - MessageSplitter.utf8Length(frame);
        if (budget < 64 || !validTarget(target)) {
            listener.sendFailed(message.localId(), "not a valid target: " + target);
            return;
        }
        if (message.text().indexOf('\0') >= 0) {
            listener.sendFailed(message.localId(), "the text contains a NUL character, which IRC cannot carry");
            return;
        }
        List<String> parts = MessageSplitter.split(message.text(), budget);
        if (parts.isEmpty()) {
            listener.sendFailed(message.localId(), "empty message");
            return;
        }
        boolean echo = session.has("echo-message");
        boolean labeled = echo && session.has("labeled-response");
        PendingSends.Pending waiting = new PendingSends.Pending(message, parts, session.me().nick());
        boolean anyWritten = false;
        for (String part : parts) {
            IrcMessage line = IrcMessage.of(command, target, part);
            String label = labeled ? "p" + (++labels) : null;
            if (label != null) {
                line = line.withTag("label", label);
            }
            if (!session.write(line)) {
                if (!(echo && anyWritten && session.closed())) {
                    pending.remove(waiting);
                    listener.sendFailed(message.localId(), "not sent: the connection was lost");
                } // else the lost link already settled the parts on the wire (held or failed)
                return;
            }
            anyWritten = true;
            if (echo) { // its echo cannot come before this returns: both run on the event thread
                pending.add(new PendingSends.Part(waiting, label, IrcNames.fold(target)));
            }
        }
        if (!echo) {
            listener.sent(message.localId(), new ChatMessage(message.localId(), session.chat().now(), target,
                    session.me().nick(), session.me().sourceOrNick(), message.text(), message.kind()));
        }
    }

    private static boolean validTarget(String target) {
        if (target.isEmpty()) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c == ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * An error reply that may be about one of our messages: a labelled one, or (without labels)
     * a 401/404 naming a target we have a message waiting for. True when it was ours and the
     * user was told through {@code sendFailed}.
     */
    boolean onSendFailed(String label, String target, String reason) {
        if (label == null && target == null) {
            return false;
        }
        PendingSends.Part part = pending.take(label, target == null ? null : IrcNames.fold(target));
        if (part == null) {
            return false;
        }
        pending.remove(part.owner());
        listener.sendFailed(part.owner().localId(), reason);
        return true;
    }

    /** A labelled ACK: the server took the line and had nothing to say (no echo came for it). */
    void onAck(IrcMessage ack) {
        String label = ack.tags().get("label");
        PendingSends.Part part = label == null ? null : pending.take(label, null);
        if (part == null) {
            return;
        }
        PendingSends.Pending owner = part.owner();
        ChatMessage unechoed = new ChatMessage(owner.localId(), session.chat().now(), owner.message.target(),
                session.me().nick(), session.me().sourceOrNick(), owner.nextPartText(), owner.message.kind());
        if (owner.confirm(unechoed)) {
            listener.sent(owner.localId(), owner.stored());
        }
    }

    /** Whether a line sent waits for its echo. */
    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The link is gone: what is still waiting for an echo. */
    List<PendingSends.Pending> drainPending() {
        return pending.drain();
    }

    // ---- in ----

    void onMessage(IrcMessage line) {
        if (line.params().size() < 2) {
            return;
        }
        String target = line.param(0);
        String text = line.param(1);
        boolean notice = line.command().equals("NOTICE");
        if (session.isServer(line.source()) || (notice && (!session.registered() || target.equals("*")))) {
            listener.info(null, text); // server notices: not a conversation
            return;
        }
        if (text.startsWith("\u0001") && !text.startsWith("\u0001ACTION")) {
            log.debug("ignored CTCP from {}: {}", line.source(), text);
            return;
        }
        ChatMessage message = session.chat().from(line);
        if (session.me().isMe(message.sender()) && confirmOwn(line, message)) {
            return;
        }
        String conversation = conversationOf(message);
        if (catchUp.active(conversation) && catchUp.hold(conversation, message)) {
            return;
        }
        deliver(message, conversation);
    }

    /** Our echo: confirms a part of a waiting message. False when it is not one we wait for. */
    private boolean confirmOwn(IrcMessage line, ChatMessage echo) {
        String label = session.batches().labelOf(line);
        PendingSends.Part part = pending.take(label, label == null ? IrcNames.fold(echo.target()) : null);
        if (part == null) {
            return false;
        }
        String conversation = conversationOf(echo);
        if (!ChatMessages.isLocal(echo.id())) {
            session.memory().seen().add(conversation, echo.id());
            noteChannelMessage(echo);
        }
        if (part.owner().confirm(echo)) {
            listener.sent(part.owner().localId(), part.owner().stored());
        }
        return true;
    }

    /** A message event, unless it is a duplicate; a server id also moves the channel's catch-up point. */
    private void deliver(ChatMessage message, String conversation) {
        if (!ChatMessages.isLocal(message.id())) {
            if (!session.memory().seen().add(conversation, message.id())) {
                return;
            }
            noteChannelMessage(message);
        }
        listener.message(message);
    }

    private void noteChannelMessage(ChatMessage message) {
        if (session.support().isChannel(message.target())) {
            session.memory().noteMessage(message.target(), message.id(), message.time());
        }
    }

    /** The conversation a message belongs to: the channel, or for a direct message the other person. */
    private String conversationOf(ChatMessage message) {
        if (session.support().isChannel(message.target())) {
            return IrcNames.fold(message.target());
        }
        return IrcNames.fold(session.me().isMe(message.sender()) ? message.target() : message.sender());
    }

    // ---- history ----

    void requestHistory(HistoryRequest request) {
        String target = request.target();
        boolean older = request.afterId() == null;
        if (!session.hasHistory()) {
            listener.history(target, List.of(), older);
            listener.info(target, "This server keeps no history");
            return;
        }
        int limit = Math.min(request.limit(), session.support().historyLimit());
        String sub;
        String ref;
        if (request.beforeId() != null) {
            sub = "BEFORE";
            ref = "msgid=" + request.beforeId();
        } else if (request.afterId() != null) {
            sub = "AFTER";
            ref = "msgid=" + request.afterId();
        } else {
            sub = "LATEST";
            ref = "*";
        }
        history.add(new HistoryRequests.Query(target, HistoryRequests.Kind.USER, older, limit, 0));
        if (!session.write(IrcMessage.of("CHATHISTORY", sub, target, ref, Integer.toString(limit)))) {
            history.take(target);
            listener.history(target, List.of(), older);
        }
    }

    /**
     * After a rejoin: asks for what this channel missed, after the newest message we saw there
     * (or after our first join when we saw none). Live messages wait until it is in.
     */
    void startCatchUp(ChannelMemory.Entry channel) {
        if (!session.hasHistory() || (channel.lastMessageId == null && channel.lastTime == null)) {
            return;
        }
        String ref = channel.lastMessageId != null
                ? "msgid=" + channel.lastMessageId
                : "timestamp=" + SERVER_TIME.format(channel.lastTime);
        catchUp.start(channel.name);
        requestCatchUpPage(channel.name, ref, 1);
    }

    private void requestCatchUpPage(String channel, String ref, int page) {
        int limit = session.support().historyLimit();
        history.add(new HistoryRequests.Query(channel, HistoryRequests.Kind.CATCH_UP, false, limit, page));
        if (!session.write(IrcMessage.of("CHATHISTORY", "AFTER", channel, ref, Integer.toString(limit)))) {
            history.take(channel);
        }
    }

    boolean catchingUp(String channel) {
        return catchUp.active(channel);
    }

    /** A chathistory batch ended: the answer to the oldest request for its target. */
    void onHistoryBatch(BatchTracker.Batch batch) {
        String target = batch.params().isEmpty() ? "" : batch.params().getFirst();
        HistoryRequests.Query query = history.take(target);
        if (query == null) {
            log.debug("a chathistory batch for {} nobody asked for", target);
            return;
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (IrcMessage line : batch.lines()) {
            if ((line.command().equals("PRIVMSG") || line.command().equals("NOTICE")) && line.params().size() >= 2) {
                messages.add(session.chat().from(line));
            }
        }
        if (query.kind() == HistoryRequests.Kind.USER) {
            listener.history(query.target(), messages, query.older());
        } else {
            onCatchUpPage(query, messages);
        }
    }

    /** FAIL CHATHISTORY code [subcommand target ...] :text. */
    void onHistoryFail(IrcMessage fail) {
        String target = fail.params().size() > 4 ? fail.param(3) : null;
        HistoryRequests.Query query = target == null ? null : history.take(target);
        if (query == null) {
            query = history.takeOldest();
        }
        if (query == null) {
            return;
        }
        if (query.kind() == HistoryRequests.Kind.USER) {
            listener.history(query.target(), List.of(), query.older());
            listener.error(query.target(), "History not available: " + fail.lastParam());
        } else {
            finishCatchUp(query.target());
        }
    }

    private void onCatchUpPage(HistoryRequests.Query query, List<ChatMessage> page) {
        String channel = query.target();
        String conversation = IrcNames.fold(channel);
        for (ChatMessage message : page) {
            if (!session.memory().seen().contains(conversation, message.id()) && confirmHeld(message)) {
                session.memory().seen().add(conversation, message.id());
                noteChannelMessage(message);
                continue;
            }
            deliver(message, conversation);
        }
        if (page.size() >= query.limit() && query.page() < CatchUp.MAX_PAGES) {
            requestCatchUpPage(channel, "msgid=" + page.getLast().id(), query.page() + 1);
        } else {
            if (page.size() >= query.limit()) {
                listener.info(channel, "More was missed than fetched; load older history to see the rest");
            }
            finishCatchUp(channel);
        }
    }

    /** Ends a channel's catch-up: the live messages that waited go out (duplicates dropped); held sends not seen failed. */
    void finishCatchUp(String channel) {
        String conversation = IrcNames.fold(channel);
        for (ChatMessage message : catchUp.finish(channel)) {
            deliver(message, conversation);
        }
        failHeld(conversation, "connection lost before the server confirmed it");
    }

    // ---- our messages that were on the wire when the last link broke ----

    /** A message of ours found in the catch-up: the held message it belongs to is confirmed after all. */
    private boolean confirmHeld(ChatMessage message) {
        PendingSends.Pending held = findHeld(message);
        if (held == null) {
            return false;
        }
        if (held.confirm(message)) {
            session.memory().held().remove(held);
            listener.sent(held.localId(), held.stored());
        }
        return true;
    }

    private PendingSends.Pending findHeld(ChatMessage message) {
        for (PendingSends.Pending held : session.memory().held()) {
            if (IrcNames.same(held.nick, message.sender()) && IrcNames.same(held.message.target(), message.target())
                    && message.text().equals(held.nextPartText())) {
                return held;
            }
        }
        return null;
    }

    /** At registration: held messages for conversations that will not catch up cannot be confirmed. */
    void failHeldNotCatchingUp() {
        for (PendingSends.Pending held : List.copyOf(session.memory().held())) {
            if (!catchUp.active(held.message.target())) {
                session.memory().held().remove(held);
                listener.sendFailed(held.localId(), "connection lost before the server confirmed it");
            }
        }
    }

    /** Fails the held messages for one conversation (or all, for null). */
    void failHeld(String conversation, String reason) {
        for (Iterator<PendingSends.Pending> it = session.memory().held().iterator(); it.hasNext(); ) {
            PendingSends.Pending held = it.next();
            if (conversation == null || IrcNames.fold(held.message.target()).equals(conversation)) {
                it.remove();
                listener.sendFailed(held.localId(), reason);
            }
        }
    }
}
