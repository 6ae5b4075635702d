package dev.parley.relay;

import dev.parley.model.MessageIds;
import dev.parley.storage.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What command handlers need from the running relay: its config and state, the store, ids and
 * time. Time comes from a {@link Clock} so tests can fix it.
 */
public final class RelayContext {

    private final RelayConfig config;
    private final ServerState state;
    private final MessageStore store;
    private final Clock clock;
    private final Instant startedAt;
    private final MessageIds messageIds = new MessageIds();
    private final AtomicLong batchIds = new AtomicLong();
    private final Set<ClientConnection> lingering = ConcurrentHashMap.newKeySet();
    private final FanOut fanOut = new FanOut();

    public RelayContext(RelayConfig config, ServerState state, MessageStore store, Clock clock) {
        this.config = config;
        this.state = state;
        this.store = store;
        this.clock = clock;
        this.startedAt = clock.instant();
        fanOut.drainAfterBatchesOf(store);
    }

    public RelayConfig config() {
        return config;
    }

    public String serverName() {
        return config.serverName();
    }

    public ServerState state() {
        return state;
    }

    public MessageStore store() {
        return store;
    }

    /** Now, at the millisecond precision that server-time shows. */
    public Instant now() {
        return ServerTime.truncate(clock.instant());
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String nextMessageId(Instant time) {
        return messageIds.next(time);
    }

    /** Where channel messages go once stored: coalesced per channel and member. */
    public FanOut fanOut() {
        return fanOut;
    }

    /** Connections that quit and are waiting for their last lines to be written. */
    Set<ClientConnection> lingering() {
        return lingering;
    }

    /** A batch reference tag, unique on this server. */
    public String nextBatchId() {
        return Long.toString(batchIds.incrementAndGet(), 36);
    }
}
