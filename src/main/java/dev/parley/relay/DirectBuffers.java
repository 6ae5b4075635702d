package dev.parley.relay;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * A small pool of direct buffers for socket writes. Writing a heap buffer makes the JDK copy it
 * into a temporary direct one first, per buffer and per call; writers here copy their queued
 * lines into one pooled direct buffer instead and hand it back after the write. The pool keeps
 * at most {@link #MAX_POOLED} idle buffers; a burst past that allocates, and the extras are
 * left to the garbage collector. An array-backed queue: taking and giving allocate nothing (a
 * linked queue made a node per write, on the hot path).
 */
final class DirectBuffers {

    /** Larger than the longest IRC line (8191 bytes of tags plus 512), so any line fits. */
    static final int SIZE = 32 * 1024;
    private static final int MAX_POOLED = 64;

    private static final ArrayBlockingQueue<ByteBuffer> POOL = new ArrayBlockingQueue<>(MAX_POOLED);

    private DirectBuffers() {
    }

    static ByteBuffer take() {
        ByteBuffer buffer = POOL.poll();
        return buffer != null ? buffer : ByteBuffer.allocateDirect(SIZE);
    }

    static void give(ByteBuffer buffer) {
        buffer.clear();
        POOL.offer(buffer); // false when full: the buffer is left to the collector
    }
}
