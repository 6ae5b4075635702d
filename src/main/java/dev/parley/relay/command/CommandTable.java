package dev.parley.relay.command;

import dev.parley.protocol.Numeric;
import java.util.HashMap;
import java.util.Map;

/**
 * The one table of commands: name to handler, minimum parameters, and whether it may be used
 * before registration. {@link #dispatch} checks both so handlers don't, then flushes the
 * replies unless the handler deferred them.
 */
public final class CommandTable {

    record Entry(CommandHandler handler, int minParams, boolean beforeRegistration) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** Every command this relay knows. */
    public static CommandTable standard() {
        CommandTable table = new CommandTable();
        RegistrationCommands.register(table);
        CapCommand.register(table);
        ChannelCommands.register(table);
        ModeCommand.register(table);
        MessageCommands.register(table);
        QueryCommands.register(table);
        HistoryCommand.register(table);
        return table;
    }

    void add(String name, int minParams, boolean beforeRegistration, CommandHandler handler) {
        entries.put(name, new Entry(handler, minParams, beforeRegistration));
    }

    public boolean knows(String name) {
        return entries.containsKey(name);
    }

    public void dispatch(CommandContext ctx) {
        Entry entry = entries.get(ctx.command());
        if (entry == null) {
            if (ctx.client().isRegistered()) {
                ctx.reply(Numeric.ERR_UNKNOWNCOMMAND, ctx.command(), "Unknown command");
            } else {
                ctx.reply(Numeric.ERR_NOTREGISTERED, "You have not registered");
            }
        } else if (!entry.beforeRegistration() && !ctx.client().isRegistered()) {
            ctx.reply(Numeric.ERR_NOTREGISTERED, "You have not registered");
        } else if (ctx.paramCount() < entry.minParams()) {
            ctx.reply(Numeric.ERR_NEEDMOREPARAMS, ctx.command(), "Not enough parameters");
        } else {
            entry.handler().handle(ctx);
        }
        if (!ctx.responses().deferred()) {
            ctx.responses().flush();
        }
    }
}
