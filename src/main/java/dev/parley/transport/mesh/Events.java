package dev.parley.transport.mesh;

import dev.parley.transport.TransportListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the transport's listener, on the loop thread, one at a time and in order. A
 * listener that throws is logged; the mesh goes on.
 */
final class Events {

    private static final Logger log = LoggerFactory.getLogger(Events.class);
    private TransportListener listener;

    void listener(TransportListener newListener) {
        listener = newListener;
    }

    void emit(Consumer<TransportListener> event) {
        if (listener == null) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            log.warn("transport listener failed", e);
        }
    }
}
