package dev.parley.client;

import java.util.List;
import java.util.function.Consumer;

/**
 * Lists the relays that announce themselves on the LAN, for the connect dialog. The command
 * line wires an implementation over the LAN directory.
 */
public interface RelayFinder {

    /**
     * Starts watching; {@code onChange} gets the whole list, on some background thread, each
     * time a relay appears, changes or goes. Closing the returned handle stops watching.
     */
    Watch watch(Consumer<List<FoundRelay>> onChange);

    /** A relay seen on the LAN. */
    record FoundRelay(String name, String host, int port) {

        public Endpoint.Relay endpoint() {
            return new Endpoint.Relay(host, port);
        }
    }

    /** Watching for relays; close to stop. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Finds nothing: for tests and for when discovery cannot start. */
    static RelayFinder none() {
        return onChange -> () -> { };
    }
}
