package dev.parley.relay;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of direct buffers for socket writes. Writing a heap buffer makes the JDK copy it
 * into a temporary direct one first, per buffer and per call; writers here copy their queued
 * lines into one pooled direct buffer instead and hand it back after the write. The pool keeps
 * at most {@link #MAX_POOLED} idle buffers; a burst past that allocates, and the extras are
 * left to the garbage collector.
 */
final class DirectBuffers {

    /** Larger than the longest IRC line (8191 bytes of tags plus 512), so any line fits. */
    static final int SIZE = 32 * 1024;
    private static final int MAX_POOLED = 64;

    private static final ConcurrentLinkedQueue<ByteBuffer> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOLED = new AtomicInteger();

    private DirectBuffers() {
    }

    static ByteBuffer take() {
        ByteBuffer buffer = POOL.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(SIZE);
        }
        POOLED.decrementAndGet();
        return buffer;
    }

    static void give(ByteBuffer buffer) {
        buffer.clear();
        if (POOLED.incrementAndGet() <= MAX_POOLED) {
            POOL.add(buffer);
        } else {
            POOLED.decrementAndGet();
        }
    }
}
