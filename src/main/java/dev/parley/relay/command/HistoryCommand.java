package dev.parley.relay.command;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.CaseMapping;
import dev.parley.relay.Capability;
import dev.parley.relay.Channel;
import dev.parley.relay.Client;
import dev.parley.relay.Conversations;
import dev.parley.protocol.Names;
import dev.parley.relay.ServerTime;
import dev.parley.storage.ConversationActivity;
import dev.parley.storage.HistoryRef;
import dev.parley.storage.MessageStore;
import dev.parley.storage.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IRCv3 draft/chathistory: LATEST, BEFORE, AFTER, AROUND, BETWEEN and TARGETS, served from the
 * store. History is sent only when asked for; a channel's history only to its members. A direct
 * conversation's history goes only to its two people, and only from the time the asking
 * connection registered: the relay has no accounts, so whoever takes a nick later must not read
 * what was said to its previous holder. Replies come in a {@code chathistory} batch when the
 * client has {@code batch}.
 */
final class HistoryCommand {

    private HistoryCommand() {
    }

    static void register(CommandTable table) {
        table.add("CHATHISTORY", 3, false, HistoryCommand::chathistory);
    }

    private static void chathistory(CommandContext ctx) {
        String sub = ctx.param(0).toUpperCase(Locale.ROOT);
        try {
            if (sub.equals("TARGETS")) {
                targets(ctx);
                return;
            }
            if (!List.of("LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN").contains(sub)) {
                ctx.fail("INVALID_PARAMS", ctx.param(0), "Unknown subcommand");
                return;
            }
            String target = ctx.param(1);
            String conversation = conversationFor(ctx, target);
            if (conversation == null) {
                ctx.fail("INVALID_TARGET", sub, target, "No such channel or you are not in it");
                return;
            }
            List<ChatMessage> messages = query(ctx, sub, conversation);
            if (messages != null && !Names.isChannel(target)) {
                messages = sinceRegistration(ctx, messages);
            }
            if (messages != null) {
                sendBatch(ctx, "chathistory", List.of(target), messages.stream().map(HistoryCommand::replayLine).toList());
            }
        } catch (StoreException e) {
            ctx.fail("MESSAGE_ERROR", sub, "History is not available right now");
        }
    }

    private static List<ChatMessage> query(CommandContext ctx, String sub, String conversation) {
        MessageStore store = ctx.relay().store();
        boolean between = sub.equals("BETWEEN");
        Integer limit = limit(ctx, ctx.param(between ? 4 : 3));
        if (limit == null) {
            return null;
        }
        String refText = ctx.param(2);
        if (sub.equals("LATEST") && "*".equals(refText)) {
            return store.latest(conversation, limit);
        }
        HistoryRef ref = parseRef(refText);
        if (ref == null) {
            ctx.fail("INVALID_PARAMS", sub, String.valueOf(refText), "Expected msgid=... or timestamp=...");
            return null;
        }
        return switch (sub) {
            case "LATEST" -> store.latestAfter(conversation, ref, limit);
            case "BEFORE" -> store.before(conversation, ref, limit);
            case "AFTER" -> store.after(conversation, ref, limit);
            case "AROUND" -> store.around(conversation, ref, limit);
            default -> {
                HistoryRef to = parseRef(ctx.param(3));
                if (to == null) {
                    ctx.fail("INVALID_PARAMS", sub, String.valueOf(ctx.param(3)), "Expected msgid=... or timestamp=...");
                    yield null;
                }
                yield store.between(conversation, ref, to, limit);
            }
        };
    }

    private static void targets(CommandContext ctx) {
        Instant from = ServerTime.parse(stripPrefix(ctx.param(1), "timestamp="));
        Instant to = ServerTime.parse(stripPrefix(ctx.param(2), "timestamp="));
        Integer limit = limit(ctx, ctx.param(3));
        if (limit == null) {
            return;
        }
        if (from == null || to == null) {
            ctx.fail("INVALID_PARAMS", "TARGETS", "Expected timestamp=... twice");
            return;
        }
        if (from.isAfter(to)) {
            Instant swap = from;
            from = to;
            to = swap;
        }
        Client client = ctx.client();
        Map<String, String> names = new LinkedHashMap<>();
        synchronized (ctx.state()) {
            client.channels().forEach(channel -> names.put(channel.key(), channel.name()));
        }
        for (String key : ctx.relay().store().conversationsOf(CaseMapping.fold(client.nick()))) {
            names.put(key, Conversations.displayName(key, client.nick()));
        }
        Instant registered = client.connectedAt();
        List<IrcMessage> lines = new ArrayList<>();
        for (ConversationActivity activity : ctx.relay().store().activity(names.keySet(), from, to, limit)) {
            if (Conversations.isDirect(activity.key()) && activity.latest().isBefore(registered)) {
                continue; // see the class comment: direct history only within this connection
            }
            lines.add(IrcMessage.from(ctx.relay().serverName(), "CHATHISTORY", "TARGETS",
                    names.getOrDefault(activity.key(), activity.key()), ServerTime.format(activity.latest())));
        }
        sendBatch(ctx, "draft/chathistory-targets", List.of(), lines);
    }

    /** The store key for a target the client may read, or null. */
    private static String conversationFor(CommandContext ctx, String target) {
        if (Names.isChannel(target)) {
            synchronized (ctx.state()) {
                Channel channel = ctx.state().channel(target);
                return channel != null && channel.contains(ctx.client()) ? channel.key() : null;
            }
        }
        if (target.isEmpty() || target.contains("*")) {
            return null;
        }
        return Conversations.direct(ctx.client().nick(), target).key();
    }

    private static List<ChatMessage> sinceRegistration(CommandContext ctx, List<ChatMessage> messages) {
        Instant registered = ctx.client().connectedAt();
        return messages.stream().filter(m -> !m.time().isBefore(registered)).toList();
    }

    private static Integer limit(CommandContext ctx, String text) {
        try {
            int limit = Integer.parseInt(text == null ? "" : text);
            if (limit >= 0) {
                return Math.min(limit, ctx.relay().config().limits().historyLimit());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.fail("INVALID_PARAMS", ctx.param(0), String.valueOf(text), "Limit must be a number");
        return null;
    }

    private static HistoryRef parseRef(String text) {
        if (text == null) {
            return null;
        }
        if (text.startsWith("msgid=") && text.length() > 6) {
            return HistoryRef.id(text.substring(6));
        }
        if (text.startsWith("timestamp=")) {
            Instant time = ServerTime.parse(text.substring(10));
            return time == null ? null : HistoryRef.time(time);
        }
        return null;
    }

    private static String stripPrefix(String text, String prefix) {
        return text != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    static IrcMessage replayLine(ChatMessage message) {
        String command = message.kind() == MessageKind.NOTICE ? "NOTICE" : "PRIVMSG";
        return IrcMessage.from(message.origin(), command, message.target(), message.text())
                .withTag("time", ServerTime.format(message.time()))
                .withTag("msgid", message.id());
    }

    private static void sendBatch(CommandContext ctx, String type, List<String> params, List<IrcMessage> lines) {
        if (!ctx.client().has(Capability.BATCH)) {
            lines.forEach(ctx::send);
            return;
        }
        String id = ctx.relay().nextBatchId();
        List<String> start = new ArrayList<>();
        start.add("+" + id);
        start.add(type);
        start.addAll(params);
        ctx.send(new IrcMessage(null, ctx.relay().serverName(), "BATCH", start));
        lines.forEach(line -> ctx.send(line.withTag("batch", id)));
        ctx.send(IrcMessage.from(ctx.relay().serverName(), "BATCH", "-" + id));
    }
}
