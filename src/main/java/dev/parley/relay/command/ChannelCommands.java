package dev.parley.relay.command;

import dev.parley.model.ChannelTopic;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.relay.Capability;
import dev.parley.relay.Channel;
import dev.parley.relay.Client;
import dev.parley.protocol.Names;
import dev.parley.relay.OutboundMessage;
import dev.parley.relay.RelayLimits;
import dev.parley.relay.ServerState;
import dev.parley.storage.StoreException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JOIN, PART, TOPIC, NAMES, LIST, INVITE and KICK. */
final class ChannelCommands {

    private static final Logger log = LoggerFactory.getLogger(ChannelCommands.class);
    /** Room left in a 353 line for the nicks after the numeric's own fields. */
    private static final int NAMES_LINE_BUDGET = 400;

    private ChannelCommands() {
    }

    static void register(CommandTable table) {
        table.add("JOIN", 1, false, ChannelCommands::join);
        table.add("PART", 1, false, ChannelCommands::part);
        table.add("TOPIC", 1, false, ChannelCommands::topic);
        table.add("NAMES", 0, false, ChannelCommands::names);
        table.add("LIST", 0, false, ChannelCommands::list);
        table.add("INVITE", 2, false, ChannelCommands::invite);
        table.add("KICK", 2, false, ChannelCommands::kick);
    }

    private static void join(CommandContext ctx) {
        if (ctx.param(0).equals("0")) {
            for (Channel channel : List.copyOf(ctx.client().channels())) {
                leave(ctx, channel, "Left all channels");
            }
            return;
        }
        String[] names = ctx.param(0).split(",");
        String[] keys = ctx.param(1) == null ? new String[0] : ctx.param(1).split(",");
        for (int i = 0; i < names.length; i++) {
            joinOne(ctx, names[i], i < keys.length ? keys[i] : null);
        }
    }

    private static void joinOne(CommandContext ctx, String name, String key) {
        Client client = ctx.client();
        if (!Names.isValidChannel(name, RelayLimits.CHANNEL_LENGTH)) {
            ctx.reply(Numeric.ERR_BADCHANNAME, name, "Illegal channel name: '#' and up to "
                    + RelayLimits.CHANNEL_LENGTH + " characters, no spaces, commas or control characters");
            return;
        }
        ServerState state = ctx.state();
        Channel channel;
        synchronized (state) {
            channel = state.channel(name);
            if (channel != null && channel.contains(client)) {
                return;
            }
            if (client.channels().size() >= ctx.relay().config().limits().maxChannelsPerClient()) {
                ctx.reply(Numeric.ERR_TOOMANYCHANNELS, name, "You have joined too many channels");
                return;
            }
            if (channel != null && !mayJoin(ctx, channel, key)) {
                return;
            }
            boolean creating = channel == null;
            channel = state.channelOrCreate(name, ctx.relay().now());
            state.join(channel, client, creating);
            OutboundMessage joinLine = new OutboundMessage(
                    IrcMessage.from(client.source(), "JOIN", channel.name()).withTag("time", ServerTimes.now(ctx)));
            state.broadcast(channel, joinLine, client);
            ctx.send(joinLine.message());
            if (client.away() != null) {
                // away-notify: members learn at once that the newcomer is away
                OutboundMessage away = new OutboundMessage(IrcMessage.from(client.source(), "AWAY", client.away())
                        .withTag("time", ServerTimes.now(ctx)));
                channel.members().stream().filter(m -> m != client && m.has(Capability.AWAY_NOTIFY)).forEach(m -> m.send(away));
            }
            sendTopic(ctx, channel, false);
            sendNames(ctx, channel);
        }
    }

    private static boolean mayJoin(CommandContext ctx, Channel channel, String key) {
        if (channel.password() != null && !channel.password().equals(key)) {
            ctx.reply(Numeric.ERR_BADCHANNELKEY, channel.name(), "Cannot join channel (+k)");
            return false;
        }
        boolean invited = channel.isInvited(ctx.client().nick());
        if (channel.isBanned(ctx.client()) && !invited) {
            ctx.reply(Numeric.ERR_BANNEDFROMCHAN, channel.name(), "Cannot join channel (+b)");
            return false;
        }
        if (channel.inviteOnly() && !invited) {
            ctx.reply(Numeric.ERR_INVITEONLYCHAN, channel.name(), "Cannot join channel (+i)");
            return false;
        }
        if (channel.memberLimit() > 0 && channel.size() >= channel.memberLimit()) {
            ctx.reply(Numeric.ERR_CHANNELISFULL, channel.name(), "Cannot join channel (+l)");
            return false;
        }
        return true;
    }

    private static void part(CommandContext ctx) {
        String reason = ctx.param(1);
        for (String name : ctx.param(0).split(",")) {
            Channel channel = memberChannel(ctx, name);
            if (channel != null) {
                leave(ctx, channel, reason);
            }
        }
    }

    private static void leave(CommandContext ctx, Channel channel, String reason) {
        Client client = ctx.client();
        IrcMessage line = reason == null || reason.isEmpty()
                ? IrcMessage.from(client.source(), "PART", channel.name())
                : IrcMessage.from(client.source(), "PART", channel.name(), reason);
        OutboundMessage partLine = new OutboundMessage(line.withTag("time", ServerTimes.now(ctx)));
        synchronized (ctx.state()) {
            ctx.state().broadcast(channel, partLine, client);
            ctx.send(partLine.message());
            ctx.state().part(channel, client);
        }
    }

    /** The channel if it exists and the client is in it; else replies 403 or 442 and gives null. */
    static Channel memberChannel(CommandContext ctx, String name) {
        synchronized (ctx.state()) {
            Channel channel = ctx.state().channel(name);
            if (channel == null) {
                ctx.reply(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
                return null;
            }
            if (!channel.contains(ctx.client())) {
                ctx.reply(Numeric.ERR_NOTONCHANNEL, channel.name(), "You're not on that channel");
                return null;
            }
            return channel;
        }
    }

    private static void topic(CommandContext ctx) {
        String name = ctx.param(0);
        if (ctx.paramCount() == 1) {
            Channel channel = ctx.state().channel(name);
            if (channel == null) {
                ctx.reply(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            } else {
                sendTopic(ctx, channel, true);
            }
            return;
        }
        Channel channel = memberChannel(ctx, name);
        if (channel == null) {
            return;
        }
        String text = Texts.truncate(ctx.param(1), RelayLimits.TOPIC_LENGTH);
        ChannelTopic topic;
        synchronized (ctx.state()) {
            if (channel.topicLocked() && !channel.isOp(ctx.client())) {
                ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, channel.name(), "You're not channel operator");
                return;
            }
            topic = new ChannelTopic(channel.name(), text, ctx.client().nick(), ctx.relay().now());
            channel.setTopic(topic);
            ctx.state().rememberTopic(channel, topic);
            OutboundMessage line = new OutboundMessage(IrcMessage.from(ctx.client().source(), "TOPIC", channel.name(), text)
                    .withTag("time", ServerTimes.now(ctx)));
            ctx.state().broadcast(channel, line, ctx.client());
            ctx.send(line.message());
        }
        try {
            ctx.relay().store().saveTopic(channel.key(), topic); // outside the lock: a disk write
        } catch (StoreException e) {
            log.warn("topic of {} not saved: {}", channel.name(), e.getMessage());
        }
    }

    private static void sendTopic(CommandContext ctx, Channel channel, boolean sayWhenNone) {
        ChannelTopic topic = channel.topic();
        if (topic == null || topic.text().isEmpty()) {
            if (sayWhenNone) {
                ctx.reply(Numeric.RPL_NOTOPIC, channel.name(), "No topic is set");
            }
            return;
        }
        ctx.reply(Numeric.RPL_TOPIC, channel.name(), topic.text());
        ctx.reply(Numeric.RPL_TOPICWHOTIME, channel.name(), topic.setBy(), Long.toString(topic.setAt().getEpochSecond()));
    }

    private static void names(CommandContext ctx) {
        if (ctx.paramCount() == 0) {
            ctx.reply(Numeric.RPL_ENDOFNAMES, "*", "End of /NAMES list");
            return;
        }
        for (String name : ctx.param(0).split(",")) {
            synchronized (ctx.state()) {
                Channel channel = ctx.state().channel(name);
                if (channel == null) {
                    ctx.reply(Numeric.RPL_ENDOFNAMES, name, "End of /NAMES list");
                } else {
                    sendNames(ctx, channel);
                }
            }
        }
    }

    /** 353 lines of at most about 400 bytes of nicks each, then 366. Caller holds the state lock. */
    static void sendNames(CommandContext ctx, Channel channel) {
        StringBuilder line = new StringBuilder();
        for (Client member : channel.members()) {
            String entry = (channel.isOp(member) ? "@" : "") + member.nick();
            if (!line.isEmpty() && line.length() + 1 + entry.length() > NAMES_LINE_BUDGET) {
                ctx.reply(Numeric.RPL_NAMREPLY, "=", channel.name(), line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(entry);
        }
        if (!line.isEmpty()) {
            ctx.reply(Numeric.RPL_NAMREPLY, "=", channel.name(), line.toString());
        }
        ctx.reply(Numeric.RPL_ENDOFNAMES, channel.name(), "End of /NAMES list");
    }

    private static void list(CommandContext ctx) {
        List<Channel> channels;
        if (ctx.paramCount() > 0 && Names.isChannel(ctx.param(0))) {
            channels = new ArrayList<>();
            for (String name : ctx.param(0).split(",")) {
                Channel channel = ctx.state().channel(name);
                if (channel != null) {
                    channels.add(channel);
                }
            }
        } else {
            channels = ctx.state().channels();
        }
        ctx.reply(Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        synchronized (ctx.state()) {
            channels.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
            for (Channel channel : channels) {
                ChannelTopic topic = channel.topic();
                String text = "[" + channel.modeString(false) + "] " + (topic == null ? "" : topic.text());
                ctx.reply(Numeric.RPL_LIST, channel.name(), Integer.toString(channel.size()), text);
            }
        }
        ctx.reply(Numeric.RPL_LISTEND, "End of /LIST");
    }

    private static void invite(CommandContext ctx) {
        String nick = ctx.param(0);
        synchronized (ctx.state()) {
            Client target = ctx.state().byNick(nick);
            if (target == null) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
                return;
            }
            Channel channel = memberChannel(ctx, ctx.param(1));
            if (channel == null) {
                return;
            }
            if (channel.contains(target)) {
                ctx.reply(Numeric.ERR_USERONCHANNEL, target.nick(), channel.name(), "is already on channel");
                return;
            }
            if (channel.inviteOnly() && !channel.isOp(ctx.client())) {
                ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, channel.name(), "You're not channel operator");
                return;
            }
            channel.invite(target.nick());
            ctx.reply(Numeric.RPL_INVITING, target.nick(), channel.name());
            if (target.away() != null) {
                ctx.reply(Numeric.RPL_AWAY, target.nick(), target.away());
            }
            target.send(IrcMessage.from(ctx.client().source(), "INVITE", target.nick(), channel.name())
                    .withTag("time", ServerTimes.now(ctx)));
        }
    }

    private static void kick(CommandContext ctx) {
        String reason = Texts.truncate(ctx.param(2) == null ? ctx.client().nick() : ctx.param(2), RelayLimits.KICK_LENGTH);
        synchronized (ctx.state()) {
            Channel channel = memberChannel(ctx, ctx.param(0));
            if (channel == null) {
                return;
            }
            if (!channel.isOp(ctx.client())) {
                ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, channel.name(), "You're not channel operator");
                return;
            }
            for (String nick : ctx.param(1).split(",")) {
                Client target = ctx.state().byNick(nick);
                if (target == null || !channel.contains(target)) {
                    ctx.reply(Numeric.ERR_USERNOTINCHANNEL, nick, channel.name(), "They aren't on that channel");
                    continue;
                }
                OutboundMessage line = new OutboundMessage(
                        IrcMessage.from(ctx.client().source(), "KICK", channel.name(), target.nick(), reason)
                                .withTag("time", ServerTimes.now(ctx)));
                ctx.state().broadcast(channel, line, ctx.client());
                ctx.send(line.message());
                ctx.state().part(channel, target);
            }
        }
    }
}
