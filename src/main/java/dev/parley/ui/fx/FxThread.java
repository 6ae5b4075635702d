package dev.parley.ui.fx;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs work on the JavaFX thread from another thread and waits for its result. */
public final class FxThread {

    private FxThread() {
    }

    /**
     * Runs {@code task} on the FX thread and returns its result, or throws what it threw (wrapped in
     * an {@link java.util.concurrent.ExecutionException}); a {@link java.util.concurrent.TimeoutException}
     * after {@code limit}. Call from any thread but the FX thread.
     */
    public static <T> T call(Callable<T> task, Duration limit) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
