package dev.parley.relay.command;

import dev.parley.protocol.CaseMapping;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.relay.Ban;
import dev.parley.relay.Channel;
import dev.parley.relay.Client;
import dev.parley.protocol.Names;
import dev.parley.relay.OutboundMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * MODE for channels (+o +t +n +k +i +l and the +b ban list) and for one's own user (+i).
 * Only changes that change something are applied and announced, together in one MODE line;
 * at most {@link #MAX_PARAM_MODES} modes with a parameter per command (ISUPPORT MODES).
 */
final class ModeCommand {

    static final int MAX_PARAM_MODES = 4;

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
                List<String> params = new ArrayList<>();
                params.add(channel.name());
                params.addAll(channel.modeParams(channel.contains(ctx.client())));
                ctx.reply(Numeric.RPL_CHANNELMODEIS, params.toArray(String[]::new));
                ctx.reply(Numeric.RPL_CREATIONTIME, channel.name(), Long.toString(channel.createdAt().getEpochSecond()));
                return;
            }
            String modes = ctx.param(1);
            if (ctx.paramCount() == 2 && modes.replace("+", "").equals("b")) {
                listBans(ctx, channel);
                return;
            }
            if (!channel.isOp(ctx.client())) {
                ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, channel.name(), "You're not channel operator");
                return;
            }
            applyChannelModes(ctx, channel, modes, ctx.message().params().subList(2, ctx.paramCount()));
        }
    }

    private static void listBans(CommandContext ctx, Channel channel) {
        for (Ban ban : channel.bans()) {
            ctx.reply(Numeric.RPL_BANLIST, channel.name(), ban.mask(), ban.setBy(), Long.toString(ban.setAt().getEpochSecond()));
        }
        ctx.reply(Numeric.RPL_ENDOFBANLIST, channel.name(), "End of channel ban list");
    }

    private static void applyChannelModes(CommandContext ctx, Channel channel, String modes, List<String> args) {
        ModeChanges applied = new ModeChanges();
        int nextArg = 0;
        int paramModes = 0;
        boolean adding = true;
        for (char mode : modes.toCharArray()) {
            if ("okbl".indexOf(mode) >= 0 && !(mode == 'l' && !adding) && ++paramModes > MAX_PARAM_MODES) {
                break; // past MODES=4: the rest is ignored, as servers do
            }
            switch (mode) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 't' -> {
                    if (channel.topicLocked() != adding) {
                        channel.setTopicLocked(adding);
                        applied.add(adding, mode, null);
                    }
                }
                case 'n' -> {
                    if (channel.noExternalMessages() != adding) {
                        channel.setNoExternalMessages(adding);
                        applied.add(adding, mode, null);
                    }
                }
                case 'i' -> {
                    if (channel.inviteOnly() != adding) {
                        channel.setInviteOnly(adding);
                        applied.add(adding, mode, null);
                    }
                }
                case 'k' -> {
                    String key = nextArg < args.size() ? args.get(nextArg++) : null;
                    if (adding) {
                        if (key == null || key.isEmpty() || key.contains(",") || key.contains(" ")) {
                            ctx.reply(Numeric.ERR_NEEDMOREPARAMS, "MODE", "+k needs a key without commas or spaces");
                        } else if (!key.equals(channel.password())) {
                            channel.setPassword(key);
                            applied.add(true, mode, key);
                        }
                    } else if (channel.password() != null) {
                        channel.setPassword(null);
                        applied.add(false, mode, "*");
                    }
                }
                case 'l' -> {
                    if (!adding) {
                        if (channel.memberLimit() > 0) {
                            channel.setMemberLimit(0);
                            applied.add(false, mode, null);
                        }
                        continue;
                    }
                    Integer limit = nextArg < args.size() ? parsePositive(args.get(nextArg++)) : null;
                    if (limit == null) {
                        ctx.reply(Numeric.ERR_NEEDMOREPARAMS, "MODE", "+l needs a positive number");
                    } else if (limit != channel.memberLimit()) {
                        channel.setMemberLimit(limit);
                        applied.add(true, mode, limit.toString());
                    }
                }
                case 'o' -> {
                    if (nextArg >= args.size()) {
                        ctx.reply(Numeric.ERR_NEEDMOREPARAMS, "MODE", "+o needs a nick");
                        continue;
                    }
                    op(ctx, channel, args.get(nextArg++), adding, applied);
                }
                case 'b' -> {
                    if (nextArg >= args.size()) {
                        listBans(ctx, channel);
                        continue;
                    }
                    String mask = Ban.normalise(args.get(nextArg++));
                    boolean changed = adding
                            ? channel.addBan(new Ban(mask, ctx.client().nick(), ctx.relay().now()))
                            : channel.removeBan(mask);
                    if (changed) {
                        applied.add(adding, mode, mask);
                    }
                }
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

    private static void op(CommandContext ctx, Channel channel, String nick, boolean adding, ModeChanges applied) {
        Client target = ctx.state().byNick(nick);
        if (target == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
        } else if (!channel.contains(target)) {
            ctx.reply(Numeric.ERR_USERNOTINCHANNEL, target.nick(), channel.name(), "They aren't on that channel");
        } else if (channel.isOp(target) != adding) {
            channel.setOp(target, adding);
            applied.add(adding, 'o', target.nick());
        }
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
