package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParseException;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.IrcWriter;
import dev.parley.protocol.LineFramer;
import dev.parley.relay.command.CommandContext;
import dev.parley.relay.command.CommandTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection. Input arrives through the {@link IoLoop}, which calls
 * {@link #readable} on its thread: bytes to lines (the framer enforces the length limits). A
 * message (PRIVMSG, NOTICE, TAGMSG) within the flood limit, with nothing of this client's waiting
 * before it, runs at once on the loop thread: chat is the relay's hot path, and a hand-off to
 * another thread on a busy CPU was most of its latency. A message only queues its write to the
 * store (which delivers it once stored) and never waits, except when the store's queue is full:
 * then the loop waits too, which pushes back on every client, as it should when storage is what
 * is behind. Every other line goes into this connection's {@link InputQueue}, whose runner (one
 * virtual thread at a time) takes the lines in order and runs them as commands (they may wait: on
 * the store, for history, for the flood limit); a full queue stops the reading until the runner
 * has caught up, so TCP pushes back on a client that sends faster than its commands run. Output
 * goes through the
 * {@link Outbox}, which never blocks. Every way out (QUIT, EOF, reset, timeout, overflow,
 * shutdown) ends in {@link #quit}, which runs once.
 */
public final class ClientConnection {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    /** Reads in one turn of the loop before other sockets get theirs. */
    private static final int READS_PER_TURN = 4;

    private final RelayContext relay;
    private final CommandTable commands;
    private final SocketChannel channel;
    private final IoLoop loop;
    private final Executor runners;
    private final Client client;
    private final Outbox outbox;
    private final LineFramer framer = new LineFramer();
    private final LineFramer.Sink toQueue = new LineFramer.Sink() {
        @Override
        public void line(String line) {
            lineRead(line);
        }

        @Override
        public void tooLong(LineFramer.Limit limit) {
            input.add(new InputQueue.TooLong(limit));
        }
    };
    private final InputQueue input;
    private final FloodGate flood;
    private final AtomicBoolean quit = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final long createdNanos = System.nanoTime();
    private final Socket socket = new Socket();
    private volatile long pingSentNanos;
    private volatile long closingSinceNanos;

    /**
     * @param channel a connected socket in non-blocking mode; {@link #start()} registers it with {@code loop}
     * @param threads runs command runners and writes (a new virtual thread per task)
     */
    ClientConnection(RelayContext relay, CommandTable commands, SocketChannel channel, String host, IoLoop loop,
                     Executor threads) {
        this.relay = relay;
        this.commands = commands;
        this.channel = channel;
        this.loop = loop;
        this.runners = threads;
        long now = System.nanoTime();
        this.client = new Client(this, host, relay.now(), now);
        this.outbox = new Outbox(channel, relay.config().limits().sendQueueBytes(),
                // Overflow is noticed while queueing, perhaps mid-broadcast under the state lock:
                // leaving changes channel membership, so it happens on another thread.
                () -> spawn(() -> quit("SendQ exceeded")),
                // A write fails on whatever thread wrote (fan-out, the loop): the same applies.
                e -> spawn(() -> quit("Write error: " + e.getMessage())),
                () -> loop.awaitRoom(socket),
                threads);
        this.flood = new FloodGate(relay.config().flood(), System::nanoTime);
        this.input = new InputQueue(this::spawn, this::take, () -> loop.resumeReading(socket), e -> {
            log.error("connection of {} failed", client, e);
            quit("Server error");
        });
    }

    public Client client() {
        return client;
    }

    /** Starts serving the connection: its input is read from now on. */
    void start() {
        loop.register(socket);
    }

    // --- input: on the IoLoop thread ---------------------------------------------------------

    /** This connection as the {@link IoLoop} sees it; its methods run on the loop's thread. */
    private final class Socket implements IoLoop.Endpoint {

        private SelectionKey key;

        @Override
        public SocketChannel channel() {
            return channel;
        }

        @Override
        public void registered(SelectionKey registered) {
            this.key = registered;
        }

        @Override
        public SelectionKey key() {
            return key;
        }

        @Override
        public void readable(ByteBuffer buffer) {
            if (quit.get()) {
                IoLoop.setInterest(this, key, SelectionKey.OP_READ, false); // nothing more is read
                return;
            }
            for (int i = 0; i < READS_PER_TURN; i++) {
                buffer.clear();
                int read;
                try {
                    read = channel.read(buffer);
                } catch (IOException e) {
                    endOfInput("Connection reset: " + e.getMessage());
                    return;
                }
                if (read < 0) {
                    endOfInput("Connection closed");
                    return;
                }
                if (read == 0) {
                    return;
                }
                framer.feed(buffer.array(), 0, read, toQueue);
                if (input.full()) {
                    pauseReading();
                    return;
                }
                if (buffer.hasRemaining()) {
                    return; // the socket had less than a buffer: it is empty now
                }
            }
        }

        @Override
        public void writable() {
            outbox.writable();
        }

        @Override
        public void failed(RuntimeException e) {
            log.error("connection of {} failed", client, e);
            endOfInput("Server error");
        }

        @Override
        public String toString() {
            return client.toString();
        }

        private void endOfInput(String reason) {
            IoLoop.setInterest(this, key, SelectionKey.OP_READ, false);
            input.add(new InputQueue.End(reason));
        }

        /** Stops reading until the runner has caught up; it may have got there already. */
        private void pauseReading() {
            input.pausing();
            IoLoop.setInterest(this, key, SelectionKey.OP_READ, false);
            if (input.drainedMeanwhile()) {
                IoLoop.setInterest(this, key, SelectionKey.OP_READ, true);
            }
        }
    }

    /**
     * On the loop thread. The runner is idle exactly when nothing of this client's is queued,
     * because only this thread queues: then a message can run here without passing anything.
     */
    private void lineRead(String text) {
        if (!input.idle() || quit.get()) {
            input.add(new InputQueue.Line(text));
            return;
        }
        IrcMessage message = received(text);
        if (message == null) {
            return;
        }
        long delay = flood.delayNanos();
        if (delay > 0 || !isMessage(message.command())) {
            input.add(new InputQueue.Parsed(message, text.length(), delay));
            return;
        }
        commands.dispatch(new CommandContext(relay, client, message));
    }

    // --- commands: on the runner, one at a time ----------------------------------------------

    private void take(InputQueue.Input item) {
        switch (item) {
            case InputQueue.Line line -> line(line.text());
            case InputQueue.Parsed parsed -> run(parsed.message(), parsed.delayNanos());
            case InputQueue.TooLong tooLong -> tooLong(tooLong.limit());
            case InputQueue.End end -> {
                awaitOwnMessagesDelivered(); // its last lines before the socket closed go out before its QUIT
                quit(end.reason());
            }
        }
    }

    /** Runs a task on a new virtual thread; nothing when the relay is shutting down. */
    private void spawn(Runnable task) {
        try {
            runners.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("{}: the relay is shutting down", client);
        }
    }

    /** A line from the client, which shows it is alive; null when malformed (answered already). */
    private IrcMessage received(String text) {
        client.touch(System.nanoTime());
        pingSentNanos = 0;
        try {
            return IrcParser.parse(text);
        } catch (IrcParseException e) {
            rejectMalformed(text, e);
            return null;
        }
    }

    private void line(String line) {
        IrcMessage message = received(line);
        if (message != null) {
            run(message, flood.delayNanos());
        }
    }

    /** On the runner: waits out the flood limit's delay, then runs the command unless the client has quit. */
    private void run(IrcMessage message, long delayNanos) {
        if (delayNanos > 0) {
            LockSupport.parkNanos(delayNanos); // slow the flooder down; TCP pushes back on it meanwhile
        }
        if (!isMessage(message.command())) {
            awaitOwnMessagesDelivered();
        }
        if (quit.get()) {
            return;
        }
        commands.dispatch(new CommandContext(relay, client, message));
    }

    private void tooLong(LineFramer.Limit limit) {
        log.debug("{}: line over the {} limit dropped", client, limit);
        send(IrcWriter.encode(InputErrors.tooLong(relay.serverName(), client.nickOrStar())));
    }

    private void rejectMalformed(String line, IrcParseException e) {
        log.debug("{}: malformed line dropped ({}): {}", client, e.getMessage(), line);
        if (flood.delayNanos() > 0) {
            return; // a line of its own for the flood limit; a client over it gets no answers to garbage
        }
        IrcMessage reply = InputErrors.malformed(relay.serverName(), client.nickOrStar(), line, e);
        if (reply != null) {
            send(IrcWriter.encode(reply));
        }
    }

    private static boolean isMessage(String command) {
        return command.equals("PRIVMSG") || command.equals("NOTICE") || command.equals("TAGMSG");
    }

    /**
     * Keeps this client's order: a PART after a PRIVMSG is seen after it, even though messages
     * wait for the store and then for the fan-out; returns once they are in the recipients'
     * outboxes, which are first in, first out.
     */
    private void awaitOwnMessagesDelivered() {
        try {
            client.lastDelivery().join();
        } catch (CompletionException e) {
            // the failure was already reported to the client by the message command
        }
    }

    /** Queues bytes for the client, written by another thread; dropped silently once the client is leaving. */
    void send(byte[] line) {
        outbox.offer(line);
    }

    /** Queues bytes for the client without writing them yet (fan-out; see {@link #flush}). */
    void queue(byte[] lines) {
        outbox.queue(lines);
    }

    /** Writes what is queued on this thread, unless a write is under way. */
    void flush() {
        outbox.write();
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
        loop.wakeup(); // a registered socket is really closed when the selector lets go of its key
        closed.complete(null);
    }

    /** Completes when the socket is closed. */
    CompletableFuture<Void> closed() {
        return closed;
    }
}
