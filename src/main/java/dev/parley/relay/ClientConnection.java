package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParseException;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.IrcWriter;
import dev.parley.protocol.LineFramer;
import dev.parley.protocol.Numeric;
import dev.parley.relay.command.CommandContext;
import dev.parley.relay.command.CommandTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's socket. {@link #run()} is the reader loop, on the connection's own virtual thread:
 * bytes to lines (the framer enforces the length limits), lines to commands, commands to the
 * table. Output goes through the {@link Outbox}, written by another thread, so a slow reader
 * never holds up anyone else. Every way out (QUIT, EOF, reset, timeout, overflow, shutdown)
 * ends in {@link #quit}, which runs once.
 */
public final class ClientConnection implements LineFramer.Sink {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    private static final int INITIAL_READ_BUFFER = 1024;
    private static final int MAX_READ_BUFFER = 16 * 1024;

    private final RelayContext relay;
    private final CommandTable commands;
    private final SocketChannel channel;
    private final Client client;
    private final Outbox outbox;
    private final LineFramer framer = new LineFramer();
    private final FloodGate flood;
    private final AtomicBoolean quit = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final long createdNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private volatile long closingSinceNanos;

    ClientConnection(RelayContext relay, CommandTable commands, SocketChannel channel, String host, Executor writers) {
        this.relay = relay;
        this.commands = commands;
        this.channel = channel;
        long now = System.nanoTime();
        this.client = new Client(this, host, relay.now(), now);
        this.outbox = new Outbox(channel, relay.config().limits().sendQueueBytes(),
                // Overflow is noticed while queueing, perhaps mid-broadcast under the state lock:
                // leaving changes channel membership, so it happens on another thread.
                () -> writers.execute(() -> quit("SendQ exceeded")),
                e -> quit("Write error: " + e.getMessage()));
        this.flood = new FloodGate(relay.config().flood(), System::nanoTime);
        this.outbox.start("parley-writer-" + host);
    }

    public Client client() {
        return client;
    }

    /** The reader loop; returns when the connection is gone. */
    void run() {
        ByteBuffer buffer = ByteBuffer.allocate(INITIAL_READ_BUFFER);
        try {
            while (!quit.get()) {
                int read = channel.read(buffer);
                if (read < 0) {
                    quit("Connection closed");
                    return;
                }
                framer.feed(buffer.array(), 0, buffer.position(), this);
                boolean filled = !buffer.hasRemaining();
                buffer.clear();
                if (filled && buffer.capacity() < MAX_READ_BUFFER) {
                    buffer = ByteBuffer.allocate(buffer.capacity() * 2); // a busy sender: read more per call
                }
            }
        } catch (ClosedChannelException e) {
            quit("Connection closed");
        } catch (IOException e) {
            quit("Connection reset: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("connection of {} failed", client, e);
            quit("Server error");
        }
    }

    @Override
    public void line(String line) {
        client.touch(System.nanoTime());
        pingSentNanos = 0;
        IrcMessage message;
        try {
            message = IrcParser.parse(line);
        } catch (IrcParseException e) {
            rejectMalformed(line, e);
            return;
        }
        long delay = flood.delayNanos();
        if (delay > 0) {
            LockSupport.parkNanos(delay); // slow the flooder down; TCP pushes back on it meanwhile
        }
        if (!isMessage(message.command())) {
            awaitOwnMessagesStored();
        }
        if (quit.get()) {
            return;
        }
        commands.dispatch(new CommandContext(relay, client, message));
    }

    @Override
    public void tooLong(LineFramer.Limit limit) {
        log.debug("{}: line over the {} limit dropped", client, limit);
        send(IrcWriter.encode(new IrcMessage(null, relay.serverName(), Numeric.ERR_INPUTTOOLONG.code(),
                List.of(client.nickOrStar(), "Input line was too long"))));
    }

    private void rejectMalformed(String line, IrcParseException e) {
        log.debug("{}: malformed line dropped ({}): {}", client, e.getMessage(), line);
        String word = firstWord(line);
        // Only a bad command word is an unknown command; a line broken otherwise (a NUL, a lone
        // CR, a bad tag) is dropped with the log line above, since no reply would be true.
        if (e.getMessage().startsWith("bad command") && !word.isEmpty() && word.length() <= 32) {
            send(IrcWriter.encode(new IrcMessage(null, relay.serverName(), Numeric.ERR_UNKNOWNCOMMAND.code(),
                    List.of(client.nickOrStar(), word.replaceAll("[^\\x21-\\x7e]", "?"), "Unknown command"))));
        }
    }

    private static String firstWord(String line) {
        String rest = line.strip();
        if (rest.startsWith("@") || rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private static boolean isMessage(String command) {
        return command.equals("PRIVMSG") || command.equals("NOTICE") || command.equals("TAGMSG");
    }

    /** Keeps this client's order: a PART after a PRIVMSG is seen after it, even though messages wait for the store. */
    private void awaitOwnMessagesStored() {
        try {
            client.lastStore().join();
        } catch (CompletionException e) {
            // the failure was already reported to the client by the message command
        }
    }

    /** Queues bytes for the client; dropped silently once the client is leaving. */
    void send(byte[] line) {
        outbox.offer(line);
    }

    /**
     * The one way out: takes the client out of every channel and the nick table, tells the
     * channels' members, sends ERROR, then closes after the output is written.
     */
    public void quit(String reason) {
        if (!quit.compareAndSet(false, true)) {
            return;
        }
        closingSinceNanos = System.nanoTime();
        relay.lingering().add(this);
        ServerState state = relay.state();
        state.removeConnection(client);
        if (client.isRegistered()) {
            OutboundMessage line = new OutboundMessage(IrcMessage.from(client.source(), "QUIT", reason)
                    .withTag("time", ServerTime.format(relay.now())));
            synchronized (state) {
                Set<Client> neighbours = state.forget(client);
                neighbours.forEach(c -> c.send(line));
            }
        } else {
            synchronized (state) {
                state.forget(client);
            }
        }
        outbox.offerFinal(IrcWriter.encode(IrcMessage.of("ERROR", "Closing link: " + client.host() + " (" + reason + ")")));
        outbox.finish(this::closeSocket);
        log.debug("{} quit: {}", client, reason);
    }

    /** Called by the housekeeper: true when a quit client has had long enough to read its ERROR. */
    boolean lingeringLongerThan(long nanos, long now) {
        return quit.get() && now - closingSinceNanos > nanos;
    }

    long createdNanos() {
        return createdNanos;
    }

    long pingSentNanos() {
        return pingSentNanos;
    }

    void markPingSent(long now) {
        pingSentNanos = now;
        send(IrcWriter.encode(IrcMessage.of("PING", relay.serverName())));
    }

    void closeSocket() {
        outbox.close();
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing socket of {}: {}", client, e.getMessage());
        }
        closed.complete(null);
    }

    /** Completes when the socket is closed. */
    CompletableFuture<Void> closed() {
        return closed;
    }
}
