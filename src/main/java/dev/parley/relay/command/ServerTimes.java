package dev.parley.relay.command;

import dev.parley.relay.ServerTime;

/** The {@code time} tag value for an event happening now. */
final class ServerTimes {

    private ServerTimes() {
    }

    static String now(CommandContext ctx) {
        return ServerTime.format(ctx.relay().now());
    }
}
