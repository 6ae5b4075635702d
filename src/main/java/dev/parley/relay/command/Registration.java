package dev.parley.relay.command;

import dev.parley.config.ParleyVersion;
import dev.parley.protocol.Numeric;
import dev.parley.protocol.CaseMapping;
import dev.parley.relay.Client;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayLimits;
import dev.parley.relay.ServerTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Finishing registration: once NICK and USER are in and CAP negotiation (if any) has ended,
 * checks the server password and sends the welcome burst (001-005, LUSERS, MOTD).
 */
final class Registration {

    /** ISUPPORT tokens; 005 carries at most 13 per line. */
    private static final int TOKENS_PER_LINE = 13;

    private Registration() {
    }

    static void tryComplete(CommandContext ctx) {
        Client client = ctx.client();
        if (client.isRegistered() || client.nick() == null || client.user() == null || client.capNegotiating()) {
            return;
        }
        String password = ctx.relay().config().password();
        if (password != null && !password.equals(client.passwordGiven())) {
            ctx.reply(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            ctx.responses().flush();
            client.disconnect("Bad password");
            return;
        }
        client.markRegistered();
        welcome(ctx);
    }

    private static void welcome(CommandContext ctx) {
        RelayConfig config = ctx.relay().config();
        String version = "parley-" + ParleyVersion.get();
        ctx.reply(Numeric.RPL_WELCOME, "Welcome to the " + config.networkName() + " network, " + ctx.client().source());
        ctx.reply(Numeric.RPL_YOURHOST, "Your host is " + config.serverName() + ", running version " + version);
        ctx.reply(Numeric.RPL_CREATED, "This server was created " + ServerTime.format(ctx.relay().startedAt()));
        ctx.reply(Numeric.RPL_MYINFO, config.serverName(), version, "i", "biklnot", "bklo");
        sendIsupport(ctx);
        QueryCommands.lusers(ctx);
        QueryCommands.motd(ctx);
    }

    static void sendIsupport(CommandContext ctx) {
        List<String> tokens = isupport(ctx.relay().config());
        for (int i = 0; i < tokens.size(); i += TOKENS_PER_LINE) {
            List<String> params = new ArrayList<>(tokens.subList(i, Math.min(tokens.size(), i + TOKENS_PER_LINE)));
            params.add("are supported by this server");
            ctx.reply(Numeric.RPL_ISUPPORT, params.toArray(String[]::new));
        }
    }

    static List<String> isupport(RelayConfig config) {
        RelayLimits limits = config.limits();
        return List.of(
                "AWAYLEN=" + RelayLimits.AWAY_LENGTH,
                "CASEMAPPING=" + CaseMapping.ISUPPORT_NAME,
                "CHANLIMIT=#:" + limits.maxChannelsPerClient(),
                "CHANMODES=b,k,l,int",
                "CHANNELLEN=" + RelayLimits.CHANNEL_LENGTH,
                "CHANTYPES=#",
                "CHATHISTORY=" + limits.historyLimit(),
                "KICKLEN=" + RelayLimits.KICK_LENGTH,
                "MODES=4",
                "MSGREFTYPES=msgid,timestamp",
                "NETWORK=" + config.networkName(),
                "NICKLEN=" + RelayLimits.NICK_LENGTH,
                "PREFIX=(o)@",
                "TARGMAX=PRIVMSG:4,NOTICE:4,TAGMSG:4,JOIN:,PART:,NAMES:,LIST:,WHOIS:1,KICK:4",
                "TOPICLEN=" + RelayLimits.TOPIC_LENGTH,
                "UTF8ONLY");
    }
}
