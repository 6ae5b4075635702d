package dev.parley.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's bounded queue of encoded lines, and the writer that drains it.
 *
 * <p>{@link #offer} never blocks and never writes: it queues the bytes (shared between
 * recipients, never copied) and, when no writer is running, starts one on the executor. The
 * writer sends everything waiting in one gathering write, so a busy client costs one system
 * call per batch rather than per line, and no lock is held while it writes. Past
 * {@code limitBytes} waiting, the client reads too slowly: the outbox calls {@code onOverflow}
 * once and accepts nothing more.
 */
final class Outbox {

    /** Buffers per gathering write; Linux takes at most 1024 (IOV_MAX). */
    private static final int MAX_BUFFERS_PER_WRITE = 512;

    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final GatheringByteChannel channel;
    private final Executor executor;
    private final long limitBytes;
    private final Runnable onOverflow;
    private final Listener onWriteFailure;
    private volatile boolean closed;
    private volatile boolean finishing;
    private volatile Runnable closer;
    private final AtomicBoolean closerRan = new AtomicBoolean();

    interface Listener {
        void failed(IOException e);
    }

    Outbox(GatheringByteChannel channel, Executor executor, long limitBytes, Runnable onOverflow, Listener onWriteFailure) {
        this.channel = channel;
        this.executor = executor;
        this.limitBytes = limitBytes;
        this.onOverflow = onOverflow;
        this.onWriteFailure = onWriteFailure;
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
        if (writing.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
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
        if (writing.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    boolean isIdle() {
        return queue.isEmpty() && !writing.get();
    }

    /**
     * Writes what is queued, then runs {@code afterDrained} (which closes the socket). A client
     * that reads nothing never drains: the caller keeps a deadline and closes it anyway.
     */
    void finish(Runnable afterDrained) {
        this.closer = afterDrained;
        this.finishing = true;
        if (writing.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    /** Stops writing; what is still queued is dropped. */
    void close() {
        closed = true;
        queue.clear();
    }

    private void drain() {
        ByteBuffer[] buffers = new ByteBuffer[MAX_BUFFERS_PER_WRITE];
        while (true) {
            int count = 0;
            long bytes = 0;
            byte[] line;
            while (count < MAX_BUFFERS_PER_WRITE && (line = queue.poll()) != null) {
                buffers[count++] = ByteBuffer.wrap(line);
                bytes += line.length;
            }
            if (count > 0) {
                if (!writeFully(buffers, count)) {
                    return;
                }
                queuedBytes.addAndGet(-bytes);
                Arrays.fill(buffers, 0, count, null);
                continue;
            }
            if (finishing) {
                runCloser();
                return;
            }
            writing.set(false);
            // A line (or finish) that came after the last poll but before the flag dropped would wait forever: look again.
            if ((queue.isEmpty() && !finishing) || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void runCloser() {
        if (closerRan.compareAndSet(false, true)) {
            closer.run();
        }
    }

    private boolean writeFully(ByteBuffer[] buffers, int count) {
        int first = 0;
        try {
            while (first < count && !closed) {
                channel.write(buffers, first, count - first);
                while (first < count && !buffers[first].hasRemaining()) {
                    first++;
                }
            }
            return !closed;
        } catch (IOException e) {
            closed = true;
            queue.clear();
            onWriteFailure.failed(e);
            return false;
        }
    }
}
