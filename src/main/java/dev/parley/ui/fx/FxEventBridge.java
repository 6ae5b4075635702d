package dev.parley.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor the desktop app gives the client service: tasks from any thread are queued and
 * run on the FX thread, all those queued by then in one {@code Platform.runLater}. However fast
 * events come, the FX thread gets at most one batch per pulse and never one runLater per event.
 * The way into the FX thread is a parameter so tests can run batches on their own thread.
 */
public final class FxEventBridge implements Executor {

    private static final Logger log = LoggerFactory.getLogger(FxEventBridge.class);

    private final Consumer<Runnable> fxThread;
    private final Object lock = new Object();
    private List<Runnable> pending = new ArrayList<>();
    private boolean scheduled;

    /** A bridge into the real FX thread. */
    public FxEventBridge() {
        this(Platform::runLater);
    }

    public FxEventBridge(Consumer<Runnable> fxThread) {
        this.fxThread = fxThread;
    }

    @Override
    public void execute(Runnable task) {
        boolean schedule;
        synchronized (lock) {
            pending.add(task);
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            fxThread.accept(this::runBatch);
        }
    }

    private void runBatch() {
        List<Runnable> batch;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            scheduled = false;
        }
        for (Runnable task : batch) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One failing listener must not cost the window the events behind it in the batch.
                log.error("a UI event failed; the ones after it still run", e);
            }
        }
    }
}
