package dev.parley.relay.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.config.ParleyVersion;
import dev.parley.relay.Ban;
import dev.parley.relay.Capability;
import dev.parley.relay.Channel;
import dev.parley.relay.Client;
import dev.parley.protocol.Names;
import dev.parley.relay.OutboundMessage;
import dev.parley.relay.RelayLimits;
import dev.parley.relay.ServerTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** WHO, WHOIS, AWAY, MOTD, LUSERS, USERHOST and ISON. */
final class QueryCommands {

    private static final String RPL_USERHOST = "302";
    private static final String RPL_ISON = "303";

    private QueryCommands() {
    }

    static void register(CommandTable table) {
        table.add("WHO", 0, false, QueryCommands::who);
        table.add("WHOIS", 1, false, QueryCommands::whois);
        table.add("AWAY", 0, false, QueryCommands::away);
        table.add("MOTD", 0, false, QueryCommands::motd);
        table.add("LUSERS", 0, false, QueryCommands::lusers);
        table.add("VERSION", 0, false, ctx -> {
            ctx.reply(Numeric.RPL_VERSION, "parley-" + ParleyVersion.get() + ".", ctx.relay().serverName(),
                    "Parley relay, chat for your LAN");
            Registration.sendIsupport(ctx);
        });
        table.add("TIME", 0, false, ctx -> ctx.reply(Numeric.RPL_TIME, ctx.relay().serverName(),
                ServerTime.format(ctx.relay().now())));
        table.add("USERHOST", 1, false, QueryCommands::userhost);
        table.add("ISON", 1, false, QueryCommands::ison);
    }

    static void lusers(CommandContext ctx) {
        int users;
        int invisible;
        int channels;
        synchronized (ctx.state()) {
            List<Client> registered = ctx.state().connections().stream().filter(Client::isRegistered).toList();
            invisible = (int) registered.stream().filter(Client::invisible).count();
            users = registered.size() - invisible;
            channels = ctx.state().channels().size();
        }
        ctx.reply(Numeric.RPL_LUSERCLIENT, "There are " + users + " users and " + invisible + " invisible on 1 servers");
        ctx.reply(Numeric.RPL_LUSERCHANNELS, Integer.toString(channels), "channels formed");
        ctx.reply(Numeric.RPL_LUSERME, "I have " + (users + invisible) + " clients and 0 servers");
    }

    static void motd(CommandContext ctx) {
        List<String> motd = ctx.relay().config().motd();
        if (motd.isEmpty()) {
            ctx.reply(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        ctx.reply(Numeric.RPL_MOTDSTART, "- " + ctx.relay().serverName() + " Message of the day - ");
        motd.forEach(line -> ctx.reply(Numeric.RPL_MOTD, "- " + line));
        ctx.reply(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    private static void who(CommandContext ctx) {
        String mask = ctx.paramCount() == 0 ? "*" : ctx.param(0);
        synchronized (ctx.state()) {
            if (Names.isChannel(mask)) {
                Channel channel = ctx.state().channel(mask);
                if (channel != null) {
                    for (Client member : channel.members()) {
                        whoReply(ctx, channel.name(), member, channel.isOp(member));
                    }
                }
            } else {
                // A nick, or a mask such as * or ad*: everyone visible whose nick matches.
                Ban pattern = new Ban(mask.contains("!") || mask.contains("@") ? mask : mask + "!*@*", "", ctx.relay().now());
                for (Client other : ctx.state().connections()) {
                    boolean visible = !other.invisible() || other == ctx.client()
                            || ctx.state().neighbours(ctx.client(), c -> c == other).contains(other);
                    if (other.isRegistered() && visible && pattern.matches(other.source())) {
                        whoReply(ctx, "*", other, false);
                    }
                }
            }
        }
        ctx.reply(Numeric.RPL_ENDOFWHO, mask, "End of WHO list");
    }

    private static void whoReply(CommandContext ctx, String channel, Client member, boolean op) {
        String flags = (member.away() == null ? "H" : "G") + (op ? "@" : "");
        ctx.reply(Numeric.RPL_WHOREPLY, channel, member.user(), member.host(), ctx.relay().serverName(), member.nick(),
                flags, "0 " + member.realName());
    }

    private static void whois(CommandContext ctx) {
        String nick = ctx.paramCount() > 1 ? ctx.param(1) : ctx.param(0);
        synchronized (ctx.state()) {
            Client target = ctx.state().byNick(nick);
            if (target == null || !target.isRegistered()) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
                ctx.reply(Numeric.RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
                return;
            }
            ctx.reply(Numeric.RPL_WHOISUSER, target.nick(), target.user(), target.host(), "*", target.realName());
            StringJoiner channels = new StringJoiner(" ");
            for (Channel channel : target.channels()) {
                channels.add((channel.isOp(target) ? "@" : "") + channel.name());
            }
            if (channels.length() > 0) {
                ctx.reply(Numeric.RPL_WHOISCHANNELS, target.nick(), channels.toString());
            }
            ctx.reply(Numeric.RPL_WHOISSERVER, target.nick(), ctx.relay().serverName(), "Parley relay");
            if (target.away() != null) {
                ctx.reply(Numeric.RPL_AWAY, target.nick(), target.away());
            }
            long idle = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - target.lastSpokeNanos());
            ctx.reply(Numeric.RPL_WHOISIDLE, target.nick(), Long.toString(Math.max(0, idle)),
                    Long.toString(target.connectedAt().getEpochSecond()), "seconds idle, signon time");
            ctx.reply(Numeric.RPL_ENDOFWHOIS, target.nick(), "End of /WHOIS list");
        }
    }

    private static void away(CommandContext ctx) {
        Client client = ctx.client();
        String text = ctx.paramCount() == 0 || ctx.param(0).isEmpty() ? null : Texts.truncate(ctx.param(0), RelayLimits.AWAY_LENGTH);
        client.setAway(text);
        if (text == null) {
            ctx.reply(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
        } else {
            ctx.reply(Numeric.RPL_NOWAWAY, "You have been marked as being away");
        }
        IrcMessage line = text == null ? IrcMessage.from(client.source(), "AWAY") : IrcMessage.from(client.source(), "AWAY", text);
        OutboundMessage notify = new OutboundMessage(line.withTag("time", ServerTimes.now(ctx)));
        synchronized (ctx.state()) {
            ctx.state().neighbours(client, c -> c.has(Capability.AWAY_NOTIFY)).forEach(c -> c.send(notify));
        }
    }

    private static void userhost(CommandContext ctx) {
        List<String> entries = new ArrayList<>();
        for (String nick : ctx.message().params().subList(0, Math.min(5, ctx.paramCount()))) {
            Client target = ctx.state().byNick(nick);
            if (target != null && target.isRegistered()) {
                entries.add(target.nick() + "=" + (target.away() == null ? "+" : "-") + target.user() + "@" + target.host());
            }
        }
        ctx.send(new IrcMessage(null, ctx.relay().serverName(), RPL_USERHOST, List.of(ctx.client().nick(), String.join(" ", entries))));
    }

    private static void ison(CommandContext ctx) {
        List<String> online = new ArrayList<>();
        for (String param : ctx.message().params()) {
            for (String nick : param.split(" ")) {
                Client target = nick.isEmpty() ? null : ctx.state().byNick(nick);
                if (target != null && target.isRegistered()) {
                    online.add(target.nick());
                }
            }
        }
        ctx.send(new IrcMessage(null, ctx.relay().serverName(), RPL_ISON, List.of(ctx.client().nick(), String.join(" ", online))));
    }
}
