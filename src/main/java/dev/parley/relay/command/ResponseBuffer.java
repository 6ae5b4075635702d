package dev.parley.relay.command;

import dev.parley.protocol.IrcMessage;
import dev.parley.relay.Client;
import dev.parley.relay.RelayContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one command sends back to the client that issued it, held until the command is
 * done so labeled-response is handled in one place: no reply gives {@code ACK}, one reply gets
 * the {@code label} tag, several are wrapped in a {@code labeled-response} batch. Lines that
 * already belong to a batch (chathistory) stay in theirs, and that batch nests in the outer one.
 * Synchronized: a deferred command adds its replies from the store's thread.
 */
public final class ResponseBuffer {

    private final RelayContext relay;
    private final Client client;
    private final String label;
    private final List<IrcMessage> lines = new ArrayList<>();
    private boolean deferred;

    ResponseBuffer(RelayContext relay, Client client, String label) {
        this.relay = relay;
        this.client = client;
        this.label = label;
    }

    public synchronized void add(IrcMessage line) {
        lines.add(line);
    }

    /** The command finishes later (after a store write) and will call {@link #flush()} itself. */
    public void defer() {
        deferred = true;
    }

    boolean deferred() {
        return deferred;
    }

    public synchronized void flush() {
        if (label == null) {
            lines.forEach(client::send);
        } else if (lines.isEmpty()) {
            client.send(IrcMessage.from(relay.serverName(), "ACK").withTag("label", label));
        } else if (lines.size() == 1) {
            client.send(lines.getFirst().withTag("label", label));
        } else {
            String batch = relay.nextBatchId();
            client.send(IrcMessage.from(relay.serverName(), "BATCH", "+" + batch, "labeled-response").withTag("label", label));
            for (IrcMessage line : lines) {
                client.send(line.tags().containsKey("batch") ? line : line.withTag("batch", batch));
            }
            client.send(IrcMessage.from(relay.serverName(), "BATCH", "-" + batch));
        }
        lines.clear();
    }
}
