package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.LineFramer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client's input waiting for its command runner. Only the {@link IoLoop} thread adds; a
 * runner, a virtual thread started when input is added and ended when the queue is empty, takes
 * the items in order, so at most one runner exists per connection and an idle connection has
 * none. Past {@link #PAUSE_READING} characters the connection stops reading, and the runner has it
 * read again once below {@link #RESUME_READING}: TCP then pushes back on a client that sends
 * faster than its commands run.
 */
final class InputQueue {

    /** Input waiting for the runner past which the connection stops reading. */
    static final int PAUSE_READING = 16 * 1024;
    /** ... and below which it reads again. */
    static final int RESUME_READING = 4 * 1024;

    /** What the runner takes. */
    sealed interface Input {
        int size();
    }

    record Line(String text) implements Input {
        @Override
        public int size() {
            return text.length();
        }
    }

    /**
     * A line the loop thread has parsed already, and asked the flood limit about, while the
     * runner was idle (a command, or a message over the limit): the runner waits
     * {@code delayNanos}, then runs it. {@code size} is the line's length.
     */
    record Parsed(IrcMessage message, int size, long delayNanos) implements Input {
    }

    record TooLong(LineFramer.Limit limit) implements Input {
        @Override
        public int size() {
            return 0;
        }
    }

    record End(String reason) implements Input {
        @Override
        public int size() {
            return 0;
        }
    }

    private final ConcurrentLinkedQueue<Input> items = new ConcurrentLinkedQueue<>();
    private final AtomicLong chars = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean readingPaused = new AtomicBoolean();
    private final Consumer<Runnable> spawn;
    private final Consumer<Input> take;
    private final Runnable resumeReading;
    private final Consumer<RuntimeException> failed;

    /**
     * @param spawn starts the runner on a thread of its own
     * @param take runs one item, on the runner
     * @param resumeReading asks the loop to read the connection again
     * @param failed an item threw: the runner has stopped
     */
    InputQueue(Consumer<Runnable> spawn, Consumer<Input> take, Runnable resumeReading, Consumer<RuntimeException> failed) {
        this.spawn = spawn;
        this.take = take;
        this.resumeReading = resumeReading;
        this.failed = failed;
    }

    /**
     * On the loop thread: nothing is queued and no runner is busy. Since only this thread adds,
     * a message may then run here without passing anything of this client's.
     */
    boolean idle() {
        return !running.get();
    }

    /** On the loop thread: queues an item and starts the runner unless one is running. */
    void add(Input item) {
        chars.addAndGet(item.size());
        items.add(item);
        if (running.compareAndSet(false, true)) {
            spawn.accept(this::run);
        }
    }

    /** On the loop thread: more is waiting than the connection should read ahead of. */
    boolean full() {
        return chars.get() > PAUSE_READING;
    }

    /** On the loop thread, before it stops reading: from now on the runner resumes it. */
    void pausing() {
        readingPaused.set(true);
    }

    /**
     * On the loop thread, after it stopped reading: true when the runner got below
     * {@link #RESUME_READING} meanwhile without resuming, so the loop reads on itself.
     */
    boolean drainedMeanwhile() {
        return chars.get() < RESUME_READING && readingPaused.compareAndSet(true, false);
    }

    private void run() {
        try {
            while (true) {
                Input item;
                while ((item = items.poll()) != null) {
                    long left = chars.addAndGet(-item.size());
                    if (left < RESUME_READING && readingPaused.compareAndSet(true, false)) {
                        resumeReading.run();
                    }
                    take.accept(item);
                }
                running.set(false);
                // Input added after the last poll by a loop that saw this runner still running.
                if (items.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failed.accept(e);
        }
    }
}
