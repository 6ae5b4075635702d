package dev.parley.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's bounded queue of encoded lines, written to its non-blocking socket.
 *
 * <p>Lines are queued as they are (shared between recipients, never copied per recipient). One
 * thread at a time writes: it copies everything waiting into one pooled direct buffer and sends
 * it with one write, so a busy client costs one system call per batch rather than per line. Who
 * writes:
 * <ul>
 * <li>{@link #queue} then {@link #write}: the caller (fan-out: the thread that delivers queues a
 *     batch of messages for every member, then writes each member's share in one go, one member
 *     after the other, with no thread wake-up per member);
 * <li>{@link #offer}: a new virtual thread (for callers that hold locks or must not do I/O);
 * <li>when a write finds the socket full, the rest waits, the {@link IoLoop} is asked to say when
 *     there is room, and it goes on writing then. Meanwhile other lines only queue.
 * </ul>
 * No thread ever waits for a client: a write never blocks. Past {@code limitBytes} waiting, the
 * client reads too slowly: the outbox calls {@code onOverflow} once and accepts nothing more.
 * An idle outbox holds no thread and no buffer.
 */
final class Outbox {

    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    /** Held by the one thread that writes, or by a write waiting for room; only its holder touches {@link #pending}. */
    private final AtomicBoolean writing = new AtomicBoolean();
    private final WritableByteChannel channel;
    private final long limitBytes;
    private final Runnable onOverflow;
    private final Listener onWriteFailure;
    private final Runnable awaitRoom;
    private final Executor writers;
    private ByteBuffer pending;
    private long pendingBytes;
    private volatile boolean closed;
    private volatile boolean finishing;
    private volatile Runnable closer;

    interface Listener {
        void failed(IOException e);
    }

    /**
     * @param channel        a non-blocking socket
     * @param awaitRoom      asks for {@link #writable()} to be called once the socket has room
     * @param writers        runs the writes that {@link #offer} starts
     */
    Outbox(WritableByteChannel channel, long limitBytes, Runnable onOverflow, Listener onWriteFailure,
           Runnable awaitRoom, Executor writers) {
        this.channel = channel;
        this.limitBytes = limitBytes;
        this.onOverflow = onOverflow;
        this.onWriteFailure = onWriteFailure;
        this.awaitRoom = awaitRoom;
        this.writers = writers;
    }

    /** Queues a line to be written by another thread; false when the client is gone or over its limit. */
    boolean offer(byte[] line) {
        if (!enqueue(line)) {
            return false;
        }
        startWriting(false);
        return true;
    }

    /** Queues a line without writing it; {@link #write} (or the next {@link #offer}) sends it. */
    boolean queue(byte[] line) {
        return enqueue(line);
    }

    /** Writes what is queued, now, on this thread, unless another thread is writing already (it takes it then). */
    void write() {
        if (!queue.isEmpty()) {
            startWriting(true);
        }
    }

    private boolean enqueue(byte[] line) {
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
        startWriting(false);
    }

    /**
     * Writes what is queued, then runs {@code afterDrained} (which closes the socket). A client
     * that reads nothing never drains: the caller keeps a deadline and closes it anyway.
     */
    void finish(Runnable afterDrained) {
        this.closer = afterDrained;
        this.finishing = true;
        startWriting(false);
    }

    /** Stops writing; what is still queued is dropped. */
    void close() {
        closed = true;
        queue.clear();
    }

    /** From the {@link IoLoop}: the socket that was full has room. The waiting write goes on, on this thread. */
    void writable() {
        writeOut();
    }

    private void startWriting(boolean here) {
        if (!writing.compareAndSet(false, true)) {
            return; // the holder sees the new line before it lets go
        }
        if (here) {
            writeOut();
            return;
        }
        try {
            writers.execute(this::writeOut);
        } catch (RejectedExecutionException e) {
            writing.set(false); // the relay is shutting down: its sockets are about to close
        }
    }

    /** Runs while holding {@link #writing}; lets go of it once nothing is left, or keeps it while waiting for room. */
    private void writeOut() {
        try {
            while (!closed) {
                if (pending == null && !takeQueued()) {
                    if (finishing) {
                        closer.run(); // keeps writing: nothing is written after this
                        return;
                    }
                    writing.set(false);
                    // A line queued (or finish called) after the look above, by a thread that saw us
                    // writing and left it to us: take it back unless another thread has started.
                    if ((queue.isEmpty() && !finishing) || !writing.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                channel.write(pending);
                if (pending.hasRemaining()) {
                    awaitRoom.run(); // keeps writing: IoLoop calls writable() when there is room
                    return;
                }
                DirectBuffers.give(pending);
                pending = null;
                queuedBytes.addAndGet(-pendingBytes);
            }
            dropPending();
        } catch (IOException e) {
            dropPending();
            if (!closed) {
                closed = true;
                queue.clear();
                onWriteFailure.failed(e);
            }
        }
    }

    /** Moves queued lines into a pooled buffer while they fit; false when nothing was queued. */
    private boolean takeQueued() {
        if (queue.isEmpty()) {
            return false;
        }
        ByteBuffer buffer = DirectBuffers.take();
        long bytes = 0;
        byte[] line;
        while ((line = queue.peek()) != null && line.length <= buffer.remaining()) {
            queue.poll();
            buffer.put(line);
            bytes += line.length;
        }
        if (bytes == 0) {
            DirectBuffers.give(buffer); // emptied by close() meanwhile
            return false;
        }
        buffer.flip();
        pending = buffer;
        pendingBytes = bytes;
        return true;
    }

    private void dropPending() {
        if (pending != null) {
            DirectBuffers.give(pending);
            pending = null;
        }
    }
}
