package dev.parley.ui.fx.connect;

import dev.parley.client.RelayFinder;
import java.util.List;
import java.util.function.Consumer;

/** A LAN that reports what the test tells it to, and remembers whether it is watched. */
final class FakeRelayFinder implements RelayFinder {

    private volatile Consumer<List<FoundRelay>> listener;
    private volatile boolean closed;

    @Override
    public Watch watch(Consumer<List<FoundRelay>> onChange) {
        if (listener != null) {
            throw new IllegalStateException("watched twice");
        }
        listener = onChange;
        return () -> closed = true;
    }

    /** Reports the whole list, on the caller's thread, as the real finder does on its own. */
    void report(FoundRelay... relays) {
        if (listener == null) {
            throw new IllegalStateException("nobody watches");
        }
        listener.accept(List.of(relays));
    }

    boolean watching() {
        return listener != null && !closed;
    }

    boolean stopped() {
        return listener != null && closed;
    }
}
