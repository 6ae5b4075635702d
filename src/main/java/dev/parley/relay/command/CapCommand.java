package dev.parley.relay.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.relay.Capability;
import dev.parley.relay.Client;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * IRCv3 capability negotiation: CAP LS [302], LIST, REQ, END. Any CAP before registration holds
 * registration back until CAP END. A REQ is all or nothing: one unknown name NAKs the lot.
 */
final class CapCommand {

    /** ERR_INVALIDCAPCMD, from the IRCv3 capability negotiation spec. */
    private static final String ERR_INVALIDCAPCMD = "410";

    private CapCommand() {
    }

    static void register(CommandTable table) {
        table.add("CAP", 1, true, CapCommand::cap);
    }

    private static void cap(CommandContext ctx) {
        Client client = ctx.client();
        String sub = ctx.param(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LS" -> {
                if (!client.isRegistered()) {
                    client.setCapNegotiating(true);
                }
                client.setCapVersion(parseVersion(ctx.param(1)));
                String all = Arrays.stream(Capability.values()).map(Capability::wireName).collect(Collectors.joining(" "));
                ctx.send(capLine(ctx, "LS", all));
            }
            case "LIST" -> {
                String enabled = Arrays.stream(Capability.values()).filter(client::has).map(Capability::wireName)
                        .collect(Collectors.joining(" "));
                ctx.send(capLine(ctx, "LIST", enabled));
            }
            case "REQ" -> request(ctx, ctx.param(1) == null ? "" : ctx.param(1));
            case "END" -> {
                client.setCapNegotiating(false);
                Registration.tryComplete(ctx);
            }
            default -> ctx.send(new IrcMessage(null, ctx.relay().serverName(), ERR_INVALIDCAPCMD,
                    List.of(client.nickOrStar(), ctx.param(0), "Invalid CAP command")));
        }
    }

    private static void request(CommandContext ctx, String requested) {
        Client client = ctx.client();
        if (!client.isRegistered()) {
            client.setCapNegotiating(true);
        }
        List<Runnable> changes = new ArrayList<>();
        for (String token : requested.trim().split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            boolean remove = token.startsWith("-");
            Optional<Capability> cap = Capability.byName(remove ? token.substring(1) : token);
            if (cap.isEmpty()) {
                ctx.send(capLine(ctx, "NAK", requested));
                return;
            }
            changes.add(remove ? () -> client.disable(cap.get()) : () -> client.enable(cap.get()));
        }
        changes.forEach(Runnable::run);
        ctx.send(capLine(ctx, "ACK", requested));
    }

    private static IrcMessage capLine(CommandContext ctx, String sub, String list) {
        // '*' until registered, even when NICK was already sent, as the CAP spec's examples show
        String who = ctx.client().isRegistered() ? ctx.client().nick() : "*";
        return IrcMessage.from(ctx.relay().serverName(), "CAP", who, sub, list);
    }

    private static int parseVersion(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
