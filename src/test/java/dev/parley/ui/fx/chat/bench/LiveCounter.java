package dev.parley.ui.fx.chat.bench;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatListener;
import dev.parley.client.LineKind;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts the flood's lines as they reach the view: registered with the service on the same FX
 * bridge as the view model, right after it, so it sees each {@code LineAdded} in the same batch
 * just after the model has taken it. Texts start with the sequence number and the time the
 * message was due to be sent ({@link FloodSender}); latency is due time to this listener.
 */
final class LiveCounter implements ChatListener {

    private final String room;
    private final String sender;
    private final int expected;
    private final BitSet seen;
    private final CountDownLatch all;
    final Samples latency = new Samples();
    private int distinct; // FX thread only
    private int duplicates; // FX thread only
    private volatile long lastNanos;

    LiveCounter(String room, String sender, int expected) {
        this.room = room;
        this.sender = sender;
        this.expected = expected;
        this.seen = new BitSet(expected);
        this.all = new CountDownLatch(expected);
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (!(event instanceof ChatEvent.LineAdded added) || !added.room().equalsIgnoreCase(room)
                || added.line().kind() != LineKind.MESSAGE || !added.line().sender().equals(sender)) {
            return;
        }
        long now = System.nanoTime();
        String text = added.line().text();
        int space = text.indexOf(' ');
        int seq = Integer.parseInt(text, 0, space, 10);
        long due = Long.parseLong(text, space + 1, text.indexOf(' ', space + 1), 10);
        if (seq >= expected || seen.get(seq)) {
            duplicates++;
            return;
        }
        seen.set(seq);
        distinct++;
        latency.add(now - due);
        lastNanos = now;
        all.countDown();
    }

    /** Waits until every expected line has arrived; false on timeout. */
    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        return all.await(timeout, unit);
    }

    /** When the last new line arrived ({@code System.nanoTime()}). */
    long lastNanos() {
        return lastNanos;
    }

    int distinct() throws Exception {
        return FxMonitor.onFx(() -> distinct);
    }

    int duplicates() throws Exception {
        return FxMonitor.onFx(() -> duplicates);
    }
}
