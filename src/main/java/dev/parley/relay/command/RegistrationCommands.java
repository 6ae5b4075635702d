package dev.parley.relay.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.relay.Client;
import dev.parley.protocol.Names;
import dev.parley.relay.OutboundMessage;
import dev.parley.relay.RelayLimits;
import java.util.Set;

/** PASS, NICK, USER, PING, PONG and QUIT. */
final class RegistrationCommands {

    private RegistrationCommands() {
    }

    static void register(CommandTable table) {
        table.add("PASS", 1, true, RegistrationCommands::pass);
        table.add("NICK", 0, true, RegistrationCommands::nick);
        table.add("USER", 4, true, RegistrationCommands::user);
        table.add("PING", 1, true, RegistrationCommands::ping);
        table.add("PONG", 0, true, ctx -> { }); // the connection already counted the line as activity
        table.add("QUIT", 0, true, RegistrationCommands::quit);
    }

    private static void pass(CommandContext ctx) {
        if (ctx.client().isRegistered()) {
            ctx.reply(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        ctx.client().setPasswordGiven(ctx.param(0));
    }

    private static void nick(CommandContext ctx) {
        String wanted = ctx.param(0);
        Client client = ctx.client();
        if (wanted == null || wanted.isEmpty()) {
            ctx.reply(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        if (!Names.isValidNick(wanted, RelayLimits.NICK_LENGTH)) {
            ctx.reply(Numeric.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
            return;
        }
        if (wanted.equals(client.nick())) {
            return;
        }
        String oldSource = client.source();
        Set<Client> neighbours;
        synchronized (ctx.state()) {
            if (!ctx.state().claimNick(client, wanted)) {
                ctx.reply(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
                return;
            }
            if (!client.isRegistered()) {
                Registration.tryComplete(ctx);
                return;
            }
            neighbours = ctx.state().neighbours(client, c -> true);
            OutboundMessage change = new OutboundMessage(
                    IrcMessage.from(oldSource, "NICK", wanted).withTag("time", ServerTimes.now(ctx)));
            neighbours.forEach(c -> c.send(change));
            ctx.send(change.message());
        }
    }

    private static void user(CommandContext ctx) {
        Client client = ctx.client();
        if (client.isRegistered() || client.user() != null) {
            ctx.reply(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        String user = sanitizeUser(ctx.param(0));
        client.setUser(user, ctx.param(3));
        Registration.tryComplete(ctx);
    }

    /** No ident lookup here, so the user name is marked with {@code ~} as other servers do. */
    static String sanitizeUser(String raw) {
        StringBuilder sb = new StringBuilder("~");
        for (char c : raw.toCharArray()) {
            if (sb.length() > 10) {
                break;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.".indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.length() == 1 ? "~user" : sb.toString();
    }

    private static void ping(CommandContext ctx) {
        ctx.send(IrcMessage.from(ctx.relay().serverName(), "PONG", ctx.relay().serverName(), ctx.param(0)));
    }

    private static void quit(CommandContext ctx) {
        String text = ctx.param(0);
        ctx.responses().flush();
        ctx.client().connection().quit(text == null || text.isEmpty() ? "Quit" : "Quit: " + text);
    }
}
