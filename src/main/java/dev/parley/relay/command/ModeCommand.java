package dev.parley.relay.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.CaseMapping;
import dev.parley.relay.Channel;
import dev.parley.relay.Client;
import dev.parley.relay.Names;
import dev.parley.relay.OutboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * MODE for channels (+o +t +n +k +i +l; the ban list is answered empty) and for one's own
 * user (+i). Changes that cannot apply are skipped; the ones that did are announced together
 * in one MODE line.
 */
final class ModeCommand {

    /** RPL_ENDOFBANLIST: clients such as irssi ask for the ban list on join. */
    private static final String RPL_ENDOFBANLIST = "368";

    private ModeCommand() {
    }

    static void register(CommandTable table) {
        table.add("MODE", 1, false, ModeCommand::mode);
    }

    private static void mode(CommandContext ctx) {
        if (Names.isChannel(ctx.param(0))) {
            channelMode(ctx);
        } else {
            userMode(ctx);
        }
    }

    private static void channelMode(CommandContext ctx) {
        synchronized (ctx.state()) {
            Channel channel = ctx.state().channel(ctx.param(0));
            if (channel == null) {
                ctx.reply(Numeric.ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
                return;
            }
            if (ctx.paramCount() == 1) {
                ctx.reply(Numeric.RPL_CHANNELMODEIS, channel.name(), channel.modeString(channel.contains(ctx.client())));
                ctx.reply(Numeric.RPL_CREATIONTIME, channel.name(), Long.toString(channel.createdAt().getEpochSecond()));
                return;
            }
            String modes = ctx.param(1);
            if (modes.replace("+", "").equals("b")) {
                ctx.send(new IrcMessage(null, ctx.relay().serverName(), RPL_ENDOFBANLIST,
                        List.of(ctx.client().nick(), channel.name(), "End of channel ban list")));
                return;
            }
            if (!channel.isOp(ctx.client())) {
                ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, channel.name(), "You're not channel operator");
                return;
            }
            applyChannelModes(ctx, channel, modes, ctx.message().params().subList(2, ctx.paramCount()));
        }
    }

    private static void applyChannelModes(CommandContext ctx, Channel channel, String modes, List<String> args) {
        ModeChanges applied = new ModeChanges();
        int nextArg = 0;
        boolean adding = true;
        for (char mode : modes.toCharArray()) {
            switch (mode) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 't' -> {
                    channel.setTopicLocked(adding);
                    applied.add(adding, mode, null);
                }
                case 'n' -> {
                    channel.setNoExternalMessages(adding);
                    applied.add(adding, mode, null);
                }
                case 'i' -> {
                    channel.setInviteOnly(adding);
                    applied.add(adding, mode, null);
                }
                case 'k' -> {
                    String arg = nextArg < args.size() ? args.get(nextArg++) : null;
                    if (adding && (arg == null || arg.isEmpty() || arg.contains(","))) {
                        continue;
                    }
                    channel.setPassword(adding ? arg : null);
                    applied.add(adding, mode, adding ? arg : "*");
                }
                case 'l' -> {
                    if (!adding) {
                        channel.setMemberLimit(0);
                        applied.add(false, mode, null);
                        continue;
                    }
                    Integer limit = nextArg < args.size() ? parsePositive(args.get(nextArg++)) : null;
                    if (limit != null) {
                        channel.setMemberLimit(limit);
                        applied.add(true, mode, limit.toString());
                    }
                }
                case 'o' -> {
                    if (nextArg >= args.size()) {
                        continue;
                    }
                    String nick = args.get(nextArg++);
                    Client target = ctx.state().byNick(nick);
                    if (target == null) {
                        ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
                    } else if (!channel.contains(target)) {
                        ctx.reply(Numeric.ERR_USERNOTINCHANNEL, target.nick(), channel.name(), "They aren't on that channel");
                    } else {
                        channel.setOp(target, adding);
                        applied.add(adding, mode, target.nick());
                    }
                }
                case 'b' -> nextArg++; // ban lists are not kept: a ban request changes nothing
                default -> ctx.reply(Numeric.ERR_UNKNOWNMODE, String.valueOf(mode), "is unknown mode char to me for " + channel.name());
            }
        }
        if (applied.isEmpty()) {
            return;
        }
        List<String> params = new ArrayList<>();
        params.add(channel.name());
        params.add(applied.flags());
        params.addAll(applied.args());
        OutboundMessage line = new OutboundMessage(new IrcMessage(null, ctx.client().source(), "MODE", params)
                .withTag("time", ServerTimes.now(ctx)));
        ctx.state().broadcast(channel, line, ctx.client());
        ctx.send(line.message());
    }

    private static void userMode(CommandContext ctx) {
        Client client = ctx.client();
        String nick = ctx.param(0);
        if (ctx.state().byNick(nick) == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        if (!CaseMapping.fold(nick).equals(CaseMapping.fold(client.nick()))) {
            ctx.reply(Numeric.ERR_USERSDONTMATCH, "Can't change mode for other users");
            return;
        }
        if (ctx.paramCount() == 1) {
            ctx.reply(Numeric.RPL_UMODEIS, client.invisible() ? "+i" : "+");
            return;
        }
        ModeChanges applied = new ModeChanges();
        boolean adding = true;
        for (char mode : ctx.param(1).toCharArray()) {
            switch (mode) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i' -> {
                    if (client.invisible() != adding) {
                        client.setInvisible(adding);
                        applied.add(adding, mode, null);
                    }
                }
                default -> ctx.reply(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
            }
        }
        if (!applied.isEmpty()) {
            ctx.send(IrcMessage.from(client.nick(), "MODE", client.nick(), applied.flags()));
        }
    }

    private static Integer parsePositive(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Applied changes as one mode string ({@code +o-t}) and its arguments. */
    private static final class ModeChanges {
        private final StringBuilder flags = new StringBuilder();
        private final List<String> args = new ArrayList<>();
        private Boolean lastSign;

        void add(boolean adding, char mode, String arg) {
            if (lastSign == null || lastSign != adding) {
                flags.append(adding ? '+' : '-');
                lastSign = adding;
            }
            flags.append(mode);
            if (arg != null) {
                args.add(arg);
            }
        }

        boolean isEmpty() {
            return flags.isEmpty();
        }

        String flags() {
            return flags.toString();
        }

        List<String> args() {
            return args;
        }
    }
}
