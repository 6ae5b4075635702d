package dev.parley.transport.irc;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcParseException;
import dev.parley.protocol.IrcParser;
import dev.parley.protocol.IrcWriter;
import dev.parley.protocol.LineFramer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to an IRC server: a reader on its own virtual thread and a writer that any
 * thread may call (writes are serialized by a lock, so lines never interleave).
 *
 * <p>The reader cuts bytes into lines ({@link LineFramer}), parses them, answers {@code PING}
 * at once (so a busy event thread never costs us the link) and hands every message, the PING
 * included, to the {@link Handler}. It reports the end of the connection exactly once.
 * Not a protocol session: it knows nothing of registration or channels.
 */
final class IrcConnection {

    /** Receives what the reader sees, on the reader thread. */
    interface Handler {
        void received(IrcMessage message);

        /** The connection is gone (EOF, I/O error, or {@link #close()}); called once. */
        void closed(String reason);
    }

    private static final Logger log = LoggerFactory.getLogger(IrcConnection.class);

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final Handler handler;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closing;
    private volatile long lastReadNanos = System.nanoTime();

    IrcConnection(Socket socket, Handler handler) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.handler = handler;
    }

    void startReading(String threadName) {
        Thread.ofVirtual().name(threadName).start(this::readLoop);
    }

    /** Writes one line (CRLF added). Throws when the connection is broken; the reader then reports the end. */
    void write(IrcMessage message) throws IOException {
        byte[] bytes = IrcWriter.encode(message);
        writeLock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            writeLock.unlock();
        }
        if (log.isTraceEnabled()) {
            log.trace(">> {}", message);
        }
    }

    /** {@link System#nanoTime()} when the last line (any line) arrived. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    /** Sends what is queued, then FIN; the reader keeps reading until the server closes. */
    void finishWriting() {
        writeLock.lock();
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            log.debug("shutdown output: {}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }

    /** Closes the socket at once; the reader ends and reports {@code reason}. Idempotent. */
    void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close: {}", e.getMessage());
        }
    }

    private void readLoop() {
        LineFramer framer = new LineFramer();
        LineFramer.Sink sink = new LineFramer.Sink() {
            @Override
            public void line(String line) {
                lastReadNanos = System.nanoTime();
                onLine(line);
            }

            @Override
            public void tooLong(LineFramer.Limit limit) {
                lastReadNanos = System.nanoTime();
                log.debug("dropped a line over the {} limit", limit);
            }
        };
        byte[] buffer = new byte[8192];
        String reason;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                framer.feed(buffer, 0, n, sink);
            }
            reason = "server closed the connection";
        } catch (IOException e) {
            reason = closing ? "closed" : "connection lost: " + e.getMessage();
        }
        end(reason);
    }

    private void onLine(String line) {
        IrcMessage message;
        try {
            message = IrcParser.parse(line);
        } catch (IrcParseException e) {
            log.debug("ignored a malformed line ({}): {}", e.getMessage(), line);
            return;
        }
        if (log.isTraceEnabled()) {
            log.trace("<< {}", line);
        }
        if (message.command().equals("PING")) {
            try {
                write(IrcMessage.of("PONG", message.params().isEmpty() ? "" : message.lastParam()));
            } catch (IOException e) {
                close(); // the read fails next and reports the end
            }
        }
        handler.received(message);
    }

    private void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("close: {}", e.getMessage());
            }
            handler.closed(reason);
        }
    }
}
