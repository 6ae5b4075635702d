package dev.parley.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One client's bounded queue of encoded lines, and the virtual thread that writes them.
 *
 * <p>{@link #offer} never blocks and never writes: it queues the bytes (shared between
 * recipients, never copied per recipient) and wakes the writer if it sleeps. The writer copies
 * everything waiting into one pooled direct buffer and sends it with one write, so a busy
 * client costs one system call per batch rather than per line, and no lock is held while it
 * writes. Past {@code limitBytes} waiting, the client reads too slowly: the outbox calls
 * {@code onOverflow} once and accepts nothing more.
 */
final class Outbox {

    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final WritableByteChannel channel;
    private final long limitBytes;
    private final Runnable onOverflow;
    private final Listener onWriteFailure;
    private Thread writer;
    private volatile boolean sleeping;
    private volatile boolean closed;
    private volatile boolean finishing;
    private volatile Runnable closer;

    interface Listener {
        void failed(IOException e);
    }

    Outbox(WritableByteChannel channel, long limitBytes, Runnable onOverflow, Listener onWriteFailure) {
        this.channel = channel;
        this.limitBytes = limitBytes;
        this.onOverflow = onOverflow;
        this.onWriteFailure = onWriteFailure;
    }

    void start(String name) {
        writer = Thread.ofVirtual().name(name).start(this::writeLoop);
    }

    /** Queues a line; false when the client is gone or over its limit. */
    boolean offer(byte[] line) {
        if (closed || overflowed.get()) {
            return false;
        }
        if (queuedBytes.addAndGet(line.length) > limitBytes) {
            queuedBytes.addAndGet(-line.length);
            if (overflowed.compareAndSet(false, true)) {
                onOverflow.run();
            }
            return false;
        }
        queue.add(line);
        wake();
        return true;
    }

    /**
     * Queues a last line even past the limit (an ERROR before closing): it is small and the
     * client is about to go, so the bound still holds.
     */
    void offerFinal(byte[] line) {
        if (closed) {
            return;
        }
        queuedBytes.addAndGet(line.length);
        queue.add(line);
        wake();
    }

    /**
     * Writes what is queued, then runs {@code afterDrained} (which closes the socket). A client
     * that reads nothing never drains: the caller keeps a deadline and closes it anyway.
     */
    void finish(Runnable afterDrained) {
        this.closer = afterDrained;
        this.finishing = true;
        wake();
    }

    /** Stops writing; what is still queued is dropped. */
    void close() {
        closed = true;
        queue.clear();
        wake();
    }

    private void wake() {
        if (sleeping && writer != null) {
            LockSupport.unpark(writer);
        }
    }

    private void writeLoop() {
        while (!closed) {
            if (queue.isEmpty()) {
                if (finishing) {
                    closer.run();
                    return;
                }
                // Sleep until offer() wakes us; the second look closes the gap between the
                // first look and the flag (an unpark that comes early leaves a permit).
                sleeping = true;
                if (queue.isEmpty() && !finishing && !closed) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            ByteBuffer buffer = DirectBuffers.take();
            try {
                long bytes = fill(buffer);
                buffer.flip();
                while (buffer.hasRemaining() && !closed) {
                    channel.write(buffer);
                }
                queuedBytes.addAndGet(-bytes);
            } catch (IOException e) {
                closed = true;
                queue.clear();
                onWriteFailure.failed(e);
            } finally {
                DirectBuffers.give(buffer);
            }
        }
    }

    /** Moves queued lines into the buffer while they fit; returns how many bytes moved. */
    private long fill(ByteBuffer buffer) {
        long bytes = 0;
        byte[] line;
        while ((line = queue.peek()) != null && line.length <= buffer.remaining()) {
            queue.poll();
            buffer.put(line);
            bytes += line.length;
        }
        return bytes;
    }
}
