package dev.parley.relay.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.relay.Client;
import dev.parley.relay.RelayContext;
import dev.parley.relay.ServerState;
import java.util.ArrayList;
import java.util.List;

/** One command being handled: who sent what, and where the replies go. */
public final class CommandContext {

    private final RelayContext relay;
    private final Client client;
    private final IrcMessage message;
    private final ResponseBuffer responses;

    public CommandContext(RelayContext relay, Client client, IrcMessage message) {
        this.relay = relay;
        this.client = client;
        this.message = message;
        String label = client.has(dev.parley.relay.Capability.LABELED_RESPONSE) ? message.tags().get("label") : null;
        this.responses = new ResponseBuffer(relay, client, label);
    }

    public RelayContext relay() {
        return relay;
    }

    public ServerState state() {
        return relay.state();
    }

    public Client client() {
        return client;
    }

    public IrcMessage message() {
        return message;
    }

    public String command() {
        return message.command();
    }

    public String param(int index) {
        return message.param(index);
    }

    public int paramCount() {
        return message.params().size();
    }

    public ResponseBuffer responses() {
        return responses;
    }

    /** A numeric to this client: {@code :server NNN nick params...}. */
    public void reply(Numeric numeric, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(client.nickOrStar());
        all.addAll(List.of(params));
        responses.add(new IrcMessage(null, relay.serverName(), numeric.code(), all));
    }

    /** Any other line to this client, through the response buffer. */
    public void send(IrcMessage line) {
        responses.add(line);
    }

    /** An IRCv3 standard reply: {@code FAIL <command> <code> [context...] :<description>}. */
    public void fail(String code, String... contextAndDescription) {
        List<String> all = new ArrayList<>();
        all.add(message.command());
        all.add(code);
        all.addAll(List.of(contextAndDescription));
        responses.add(new IrcMessage(null, relay.serverName(), "FAIL", all));
    }
}
