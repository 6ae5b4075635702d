package dev.parley.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's socket thread: one selector over every client socket (all non-blocking). When a
 * socket has input it calls the connection to read it, which frames lines and queues them for
 * the connection's command runner; when a socket that was full has room again it calls the
 * connection's outbox to go on writing. It runs no commands and never blocks on anything but the
 * selector, so an idle client costs no thread at all.
 *
 * <p>Only this thread touches selection keys. Other threads ask for a change (a new connection,
 * reading again, waiting for room) with {@link #register}, {@link #resumeReading} and
 * {@link #awaitRoom}: the request is queued and the selector woken, and the change is made before
 * the next select, in the order asked.
 */
final class IoLoop implements AutoCloseable {

    static final String THREAD_NAME = "parley-io";

    /** How much one read takes; larger input is read over several turns of the loop. */
    private static final int READ_BUFFER = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IoLoop.class);

    /** A socket served by the loop. Its methods run on the loop thread and must not block. */
    interface Endpoint {

        SocketChannel channel();

        /** Called on the loop thread when the channel is registered; {@link #key()} returns it from then on. */
        void registered(SelectionKey key);

        /** The key given to {@link #registered}; read on the loop thread only. */
        SelectionKey key();

        /** Input is waiting: read it into {@code buffer} (shared, valid only during the call). */
        void readable(ByteBuffer buffer);

        /** The socket has room again after {@link #awaitRoom}. */
        void writable();

        /** A read or write handler threw: the connection cannot go on. */
        void failed(RuntimeException e);
    }

    private final Selector selector;
    private final Queue<Runnable> requests = new ConcurrentLinkedQueue<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private final Thread thread;
    private volatile boolean closed;

    private IoLoop(Selector selector) {
        this.selector = selector;
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon().unstarted(this::run);
    }

    static IoLoop start() throws IOException {
        IoLoop loop = new IoLoop(Selector.open());
        loop.thread.start();
        return loop;
    }

    /** Starts reading from the endpoint's channel (non-blocking). */
    void register(Endpoint endpoint) {
        request(() -> {
            try {
                endpoint.registered(endpoint.channel().register(selector, SelectionKey.OP_READ, endpoint));
            } catch (ClosedChannelException e) {
                log.debug("a connection closed before it was registered");
            }
        });
    }

    /** Reads from the endpoint's channel again after the endpoint stopped reading (its input queue was full). */
    void resumeReading(Endpoint endpoint) {
        request(() -> setInterest(endpoint, endpoint.key(), SelectionKey.OP_READ, true));
    }

    /** Calls {@link Endpoint#writable} once the endpoint's socket has room. */
    void awaitRoom(Endpoint endpoint) {
        request(() -> setInterest(endpoint, endpoint.key(), SelectionKey.OP_WRITE, true));
    }

    /** Wakes the selector, so that the keys of closed channels are let go (and their sockets closed) now. */
    void wakeup() {
        selector.wakeup();
    }

    /** On the loop thread only: adds or removes interest in {@code op}. */
    static void setInterest(Endpoint endpoint, SelectionKey key, int op, boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        try {
            key.interestOps(on ? key.interestOps() | op : key.interestOps() & ~op);
        } catch (CancelledKeyException e) {
            log.trace("key of {} cancelled", endpoint);
        }
    }

    private void request(Runnable change) {
        requests.add(change);
        selector.wakeup();
    }

    private void run() {
        while (!closed) {
            Runnable change;
            while ((change = requests.poll()) != null) {
                change.run();
            }
            try {
                selector.select(this::ready);
            } catch (IOException e) {
                log.error("the relay's selector failed; clients will not be served", e);
                return;
            } catch (java.nio.channels.ClosedSelectorException e) {
                return;
            }
        }
    }

    private void ready(SelectionKey key) {
        Endpoint endpoint = (Endpoint) key.attachment();
        try {
            int ready = key.readyOps();
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                setInterest(endpoint, key, SelectionKey.OP_WRITE, false);
                endpoint.writable();
            }
            if ((ready & SelectionKey.OP_READ) != 0 && key.isValid()) {
                endpoint.readable(readBuffer);
            }
        } catch (CancelledKeyException e) {
            log.trace("key of {} cancelled while it was served", endpoint);
        } catch (RuntimeException e) {
            endpoint.failed(e);
        }
    }

    /** Stops the thread and closes the selector. Call after the connections are closed. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing the selector: {}", e.getMessage());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
