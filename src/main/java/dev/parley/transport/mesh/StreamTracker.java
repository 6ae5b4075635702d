package dev.parley.transport.mesh;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What this peer has received of every sender's streams, to drop duplicates and to find holes.
 *
 * <p>Per (sender, stream): {@code mark}, every sequence number up to which was delivered or
 * given up; the numbers delivered above it; and {@code head}, the highest number known to
 * exist, from a message or from the sender's heartbeat. A message at or under the mark, or one
 * delivered already, is a duplicate. A head above what was delivered is a hole: a message lost
 * to a high-water mark, a reconnect or the late-joiner window, even when it was the sender's
 * last one (the heartbeat tells).
 *
 * <p>Where a stream starts: when this peer joins a channel it {@link #begin}s every known
 * sender's stream at that sender's advertised head (what came before is history, fetched by
 * catch-up); a sender first heard afterwards, or a new incarnation of one, is followed from
 * sequence number 1, so nothing it said since it started is missed. Loop thread only.
 */
final class StreamTracker {

    /** Numbers asked for in one repair request. */
    static final long MAX_REPAIR_RANGE = 512;
    /** Streams kept; past it the oldest is forgotten (a flood of made-up peer ids stays bounded). */
    private static final int MAX_STREAMS = 20_000;
    /** Numbers held above a hole; past it the hole is given up. */
    private static final int MAX_ABOVE = 20_000;

    record Key(String peerId, String stream) {
    }

    /** Missing numbers {@code from..to} of a stream; ask its sender. */
    record Gap(Key key, long incarnation, long from, long to) {
    }

    enum Verdict { NEW, DUPLICATE, UNTRACKED }

    private static final class State {
        long incarnation;
        long mark;
        long head;
        final TreeSet<Long> above = new TreeSet<>();
        long requestedAtNanos;
        boolean requested;

        State(long incarnation, long mark) {
            this.incarnation = incarnation;
            this.mark = mark;
            this.head = mark;
        }

        boolean missing() {
            return head > mark + above.size();
        }

        void advance() {
            while (!above.isEmpty() && above.first() == mark + 1) {
                mark = above.pollFirst();
            }
        }

        void reset(long newIncarnation) {
            incarnation = newIncarnation;
            mark = 0;
            head = 0;
            above.clear();
            requested = false;
        }
    }

    private final Predicate<String> tracked;
    private final Counters counters;
    private final Map<Key, State> states = new LinkedHashMap<>();

    /**
     * @param tracked  whether this peer follows a stream now (a joined channel, its own direct stream)
     * @param counters where holes found and numbers given up are counted
     */
    StreamTracker(Predicate<String> tracked, Counters counters) {
        this.tracked = tracked;
        this.counters = counters;
    }

    /** Starts following a stream at {@code baseline}: numbers up to it are not expected. */
    void begin(String peerId, long incarnation, String stream, long baseline) {
        states.put(new Key(peerId, stream), new State(incarnation, baseline));
        bound();
    }

    /** Whether a message is new; a new one is recorded as delivered. */
    Verdict accept(String peerId, long incarnation, String stream, long seq) {
        if (!tracked.test(stream)) {
            return Verdict.UNTRACKED;
        }
        State state = state(peerId, incarnation, stream);
        if (seq == state.mark + 1 && state.above.isEmpty()) {
            // In order, no hole: the common case needs no set.
            state.mark = seq;
            state.head = Math.max(state.head, seq);
            return Verdict.NEW;
        }
        if (seq <= state.mark || !state.above.add(seq)) {
            return Verdict.DUPLICATE;
        }
        boolean hadHole = state.missing();
        state.head = Math.max(state.head, seq);
        state.advance();
        if (!hadHole && state.missing()) {
            counters.holes.incrementAndGet();
        }
        if (state.above.size() > MAX_ABOVE) {
            giveUpBelow(state, state.above.first());
        }
        return Verdict.NEW;
    }

    /** The sender says its stream has reached {@code head}. */
    void advertised(String peerId, long incarnation, String stream, long head) {
        if (!tracked.test(stream)) {
            return;
        }
        State state = state(peerId, incarnation, stream);
        if (head > state.head) {
            boolean hadHole = state.missing();
            state.head = head;
            if (!hadHole && state.missing()) {
                counters.holes.incrementAndGet();
            }
        }
    }

    /** A sender restarted: its streams start again at 1. */
    void reincarnated(String peerId, long incarnation) {
        for (Map.Entry<Key, State> entry : states.entrySet()) {
            if (entry.getKey().peerId().equals(peerId) && entry.getValue().incarnation != incarnation) {
                entry.getValue().reset(incarnation);
            }
        }
    }

    /** Stops following a stream (the channel was left). */
    void forgetStream(String stream) {
        states.keySet().removeIf(key -> key.stream().equals(stream));
    }

    /** The holes to ask for now: those not asked for within {@code retryNanos}, or answered since. */
    List<Gap> gapsDue(long nowNanos, long retryNanos) {
        List<Gap> due = new ArrayList<>();
        for (Map.Entry<Key, State> entry : states.entrySet()) {
            State state = entry.getValue();
            if (state.missing() && (!state.requested || nowNanos - state.requestedAtNanos >= retryNanos)) {
                long to = Math.min(state.head, state.mark + MAX_REPAIR_RANGE);
                due.add(new Gap(entry.getKey(), state.incarnation, state.mark + 1, to));
            }
        }
        return due;
    }

    void requested(Key key, long nowNanos) {
        State state = states.get(key);
        if (state != null) {
            state.requested = true;
            state.requestedAtNanos = nowNanos;
        }
    }

    /** An answer came: the next request for this stream may go at once. */
    void answered(Key key) {
        State state = states.get(key);
        if (state != null) {
            state.requested = false;
        }
    }

    /**
     * The sender keeps nothing below {@code oldestAvailable} of that incarnation any more: give
     * up those numbers. Returns how many were lost.
     */
    long unavailableBelow(Key key, long incarnation, long oldestAvailable) {
        State state = states.get(key);
        if (state == null || state.incarnation != incarnation || oldestAvailable <= state.mark + 1) {
            return 0;
        }
        return giveUpBelow(state, Math.min(oldestAvailable, state.head + 1));
    }

    /** The incarnation followed for a stream, or -1 when it is not followed. */
    long incarnation(Key key) {
        State state = states.get(key);
        return state == null ? -1 : state.incarnation;
    }

    private long giveUpBelow(State state, long firstKept) {
        // Arithmetic, not a loop: a head is whatever a peer says, so the range may be huge.
        SortedSet<Long> delivered = state.above.headSet(firstKept);
        long lost = firstKept - 1 - state.mark - delivered.size();
        delivered.clear();
        state.mark = Math.max(state.mark, firstKept - 1);
        state.advance();
        counters.lost.addAndGet(lost);
        return lost;
    }

    private State state(String peerId, long incarnation, String stream) {
        Key key = new Key(peerId, stream);
        State state = states.get(key);
        if (state == null) {
            state = new State(incarnation, 0);
            states.put(key, state);
            bound();
        } else if (state.incarnation != incarnation) {
            state.reset(incarnation);
        }
        return state;
    }

    private void bound() {
        Iterator<Key> oldest = states.keySet().iterator();
        while (states.size() > MAX_STREAMS && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
