package dev.parley.relay.command;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.relay.Capability;
import dev.parley.relay.Channel;
import dev.parley.relay.Client;
import dev.parley.relay.Conversations;
import dev.parley.protocol.Names;
import dev.parley.relay.OutboundMessage;
import dev.parley.relay.ServerTime;
import dev.parley.storage.Conversation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PRIVMSG, NOTICE and TAGMSG. A PRIVMSG or NOTICE is stored first and delivered only when the
 * store says it is durable, so nobody ever sees a message that a crash could lose. Delivery
 * then runs on the store's thread, reading the channel's member snapshot without the lock.
 * NOTICE never gets an error reply (RFC 2812), so bots cannot loop on each other's errors.
 */
final class MessageCommands {

    private static final Logger log = LoggerFactory.getLogger(MessageCommands.class);
    private static final int MAX_TARGETS = 4;
    /** A relayed line must fit in 512 bytes with the sender's source in front of it. */
    private static final int MAX_LINE_BYTES = 510;
    private static final CompletableFuture<Void> DELIVERED = CompletableFuture.completedFuture(null);

    private MessageCommands() {
    }

    static void register(CommandTable table) {
        table.add("PRIVMSG", 0, false, ctx -> message(ctx, MessageKind.MESSAGE));
        table.add("NOTICE", 0, false, ctx -> message(ctx, MessageKind.NOTICE));
        table.add("TAGMSG", 1, false, MessageCommands::tagmsg);
    }

    /** Where one message goes: a channel, or a client for a direct message. */
    private record Destination(String name, Channel channel, Client user, Conversation conversation) {
    }

    private static void message(CommandContext ctx, MessageKind kind) {
        boolean notice = kind == MessageKind.NOTICE;
        if (ctx.paramCount() == 0 || ctx.param(0).isEmpty()) {
            if (!notice) {
                ctx.reply(Numeric.ERR_NORECIPIENT, "No recipient given (" + ctx.command() + ")");
            }
            return;
        }
        if (ctx.paramCount() < 2 || ctx.param(1).isEmpty()) {
            if (!notice) {
                ctx.reply(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            }
            return;
        }
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (String target : targets(ctx)) {
            Destination destination = resolve(ctx, target, !notice);
            if (destination != null) {
                pending.add(storeAndDeliver(ctx, destination, kind));
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
        ctx.client().setLastDelivery(all);
        ctx.responses().defer();
        all.whenComplete((ok, error) -> ctx.responses().flush());
    }

    private static CompletableFuture<?> storeAndDeliver(CommandContext ctx, Destination destination, MessageKind kind) {
        Client sender = ctx.client();
        sender.spoke(System.nanoTime());
        Instant now = ctx.relay().now();
        String id = ctx.relay().nextMessageId(now);
        String command = ctx.command();
        String text = fitText(sender.source(), command, destination.name(), ctx.param(1));
        ChatMessage stored = new ChatMessage(id, now, destination.name(), sender.nick(), sender.source(), text, kind);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("time", ServerTime.format(now));
        tags.put("msgid", id);
        tags.putAll(clientTags(ctx));
        OutboundMessage line = new OutboundMessage(
                new IrcMessage(tags, sender.source(), command, List.of(destination.name(), text)));
        BiFunction<ChatMessage, Throwable, CompletableFuture<Void>> then = (ok, error) -> {
            if (error != null) {
                log.warn("message {} from {} not stored, not delivered: {}", id, sender.nick(), error.getMessage());
                ctx.fail("MESSAGE_ERROR", destination.name(), "Message could not be stored, so it was not delivered");
                return DELIVERED;
            }
            CompletableFuture<Void> delivered = deliver(ctx, destination, line, sender);
            if (sender.has(Capability.ECHO_MESSAGE)) {
                ctx.send(line.message());
            }
            return delivered;
        };
        // Attached before the write is queued, so that delivery runs on the store's writer thread
        // and goes out with its batch, whichever finishes first. Completes when the recipients
        // have it queued, which the sender's next non-message command waits for.
        return (isCtcpQuery(text)
                ? CompletableFuture.completedFuture(stored).handle(then) // VERSION, PING...: machine talk, not history
                : ctx.relay().store().appendThen(destination.conversation(), stored, then))
                .thenCompose(delivered -> delivered);
    }

    private static CompletableFuture<Void> deliver(CommandContext ctx, Destination destination, OutboundMessage line,
                                                   Client sender) {
        if (destination.channel() != null) {
            return ctx.relay().fanOut().deliver(destination.channel(), line, sender);
        }
        if (destination.user() != sender) {
            return ctx.relay().fanOut().deliverTo(destination.user(), line, sender);
        }
        return DELIVERED;
    }

    private static void tagmsg(CommandContext ctx) {
        Map<String, String> tags = new LinkedHashMap<>(clientTags(ctx));
        if (tags.isEmpty()) {
            return; // nothing a recipient could see
        }
        tags.put("time", ServerTimes.now(ctx));
        for (String target : targets(ctx)) {
            Destination destination = resolve(ctx, target, true);
            if (destination == null) {
                continue;
            }
            OutboundMessage line = new OutboundMessage(new IrcMessage(tags, ctx.client().source(), "TAGMSG",
                    List.of(destination.name())));
            List<Client> recipients = destination.channel() != null
                    ? List.of(destination.channel().memberSnapshot()) : List.of(destination.user());
            for (Client recipient : recipients) {
                if (recipient != ctx.client() && recipient.has(Capability.MESSAGE_TAGS)) {
                    recipient.send(line);
                }
            }
            if (ctx.client().has(Capability.ECHO_MESSAGE)) {
                ctx.send(line.message());
            }
        }
    }

    private static List<String> targets(CommandContext ctx) {
        String[] all = ctx.param(0).split(",");
        List<String> targets = new ArrayList<>();
        for (String target : all) {
            if (target.isEmpty() || targets.contains(target)) {
                continue;
            }
            if (targets.size() == MAX_TARGETS) {
                ctx.reply(Numeric.ERR_TOOMANYTARGETS, target, "Too many targets: at most " + MAX_TARGETS + ", the rest were not sent");
                break;
            }
            targets.add(target);
        }
        return targets;
    }

    private static Destination resolve(CommandContext ctx, String target, boolean reportErrors) {
        Client sender = ctx.client();
        synchronized (ctx.state()) {
            if (Names.isChannel(target)) {
                Channel channel = ctx.state().channel(target);
                if (channel == null) {
                    if (reportErrors) {
                        ctx.reply(Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
                    }
                    return null;
                }
                if (channel.contains(sender) && channel.isBanned(sender) && !channel.isOp(sender)) {
                    if (reportErrors) {
                        ctx.reply(Numeric.ERR_CANNOTSENDTOCHAN, channel.name(), "Cannot send to channel (you are banned)");
                    }
                    return null;
                }
                if (channel.noExternalMessages() && !channel.contains(sender)) {
                    if (reportErrors) {
                        ctx.reply(Numeric.ERR_CANNOTSENDTOCHAN, channel.name(), "Cannot send to channel (no external messages)");
                    }
                    return null;
                }
                return new Destination(channel.name(), channel, null, Conversations.channel(channel));
            }
            Client user = ctx.state().byNick(target);
            if (user == null || !user.isRegistered()) {
                if (reportErrors) {
                    ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
                }
                return null;
            }
            if (reportErrors && user.away() != null && ctx.command().equals("PRIVMSG")) {
                ctx.reply(Numeric.RPL_AWAY, user.nick(), user.away());
            }
            return new Destination(user.nick(), null, user, Conversations.direct(sender.nick(), user.nick()));
        }
    }

    /** A CTCP request or reply other than ACTION ({@code \u0001VERSION\u0001}). */
    static boolean isCtcpQuery(String text) {
        return text.length() > 1 && text.charAt(0) == '\u0001' && !text.startsWith("\u0001ACTION");
    }

    /** Client-only tags ({@code +draft/reply} ...) are passed on to clients that take tags. */
    private static Map<String, String> clientTags(CommandContext ctx) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (ctx.client().has(Capability.MESSAGE_TAGS)) {
            ctx.message().tags().forEach((key, value) -> {
                if (key.startsWith("+")) {
                    tags.put(key, value);
                }
            });
        }
        return tags;
    }

    /** Cuts the text so {@code :source COMMAND target :text} fits in 510 bytes, as stored and as delivered. */
    static String fitText(String source, String command, String target, String text) {
        int overhead = (":" + source + " " + command + " " + target + " :").getBytes(StandardCharsets.UTF_8).length;
        return Texts.truncateUtf8(text, Math.max(0, MAX_LINE_BYTES - overhead));
    }
}
