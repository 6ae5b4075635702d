package dev.parley.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input queue's runner and read-back pressure, with the runner run by hand. */
class InputQueueTest {

    private final Deque<Runnable> runners = new ArrayDeque<>();
    private final List<String> taken = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private int resumes;
    private final InputQueue queue = new InputQueue(runners::add, item -> {
        if (item instanceof InputQueue.Line line) {
            if (line.text().equals("boom")) {
                throw new IllegalStateException("boom");
            }
            taken.add(line.text());
        }
    }, () -> resumes++, failures::add);

    @Test
    void oneRunnerTakesTheItemsInOrderAndEndsWhenTheQueueIsEmpty() {
        assertTrue(queue.idle());
        queue.add(new InputQueue.Line("a"));
        queue.add(new InputQueue.Line("b"));
        assertEquals(1, runners.size(), "a second runner started while one was due");
        assertFalse(queue.idle());
        runners.poll().run();
        assertEquals(List.of("a", "b"), taken);
        assertTrue(queue.idle(), "the runner ended but the queue says busy");
        queue.add(new InputQueue.Line("c"));
        assertEquals(1, runners.size(), "no runner for input added after the last one ended");
    }

    @Test
    void aFullQueueIsReadAgainOnceTheRunnerIsBelowTheResumeMark() {
        String chunk = "x".repeat(1024);
        for (int i = 0; i <= InputQueue.PAUSE_READING / chunk.length(); i++) {
            queue.add(new InputQueue.Line(chunk));
        }
        assertTrue(queue.full());
        queue.pausing();
        assertFalse(queue.drainedMeanwhile(), "the loop would read on although nothing was taken");
        runners.poll().run();
        assertEquals(1, resumes, "the runner should ask the loop to read again, once");
        assertFalse(queue.full());
        assertFalse(queue.drainedMeanwhile(), "reading was resumed twice");
    }

    @Test
    void aFailingItemStopsTheRunnerAndIsReported() {
        queue.add(new InputQueue.Line("boom"));
        queue.add(new InputQueue.Line("after"));
        runners.poll().run();
        assertEquals(1, failures.size());
        assertEquals(List.of(), taken, "items after a failure still ran");
    }
}
