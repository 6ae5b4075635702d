package dev.parley.ui.fx.chat.bench;

import dev.parley.testsupport.IrcTestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@code rate} PRIVMSGs a second to one channel for a fixed time from a raw IRC client,
 * on a fixed schedule: message {@code i} is due at start + i / rate. Every millisecond the
 * messages due by then go out in one write. A text starts with its sequence number and its due
 * time ({@code System.nanoTime()}), then chat-like words up to about 100 bytes. Gives up when
 * it falls 10 s behind the schedule, so a stuck relay cannot hang the run.
 */
final class FloodSender {

    /** What was sent: {@code sent} messages between {@code startNanos} and {@code endNanos}. */
    record Result(int sent, long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private FloodSender() {
    }

    static Result run(IrcTestClient client, String channel, int rate, int seconds) throws IOException {
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        Random random = new Random(7);
        ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
        long start = System.nanoTime();
        int sent = 0;
        while (sent < total) {
            long now = System.nanoTime();
            int due = (int) Math.min(total, (now - start) / interval + 1);
            if (due - sent > (int) (GIVE_UP_NANOS / interval)) {
                break; // 10 s behind: the writes block, the relay is not reading
            }
            batch.reset();
            for (; sent < due; sent++) {
                String head = sent + " " + (start + sent * interval) + " ";
                String line = "PRIVMSG " + channel + " :" + head + DesktopBench.chatter(random, 100 - head.length()) + "\r\n";
                batch.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
            if (batch.size() > 0) {
                client.sendRaw(batch.toByteArray());
            }
            long nextTick = start + ((System.nanoTime() - start) / TICK_NANOS + 1) * TICK_NANOS;
            while ((now = System.nanoTime()) < nextTick) {
                LockSupport.parkNanos(nextTick - now);
            }
        }
        return new Result(sent, start, System.nanoTime());
    }
}
