package dev.parley.relay.command;

/** Handles one command. The table has already checked registration and the parameter count. */
@FunctionalInterface
public interface CommandHandler {
    void handle(CommandContext ctx);
}
