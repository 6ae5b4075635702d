package dev.parley.ui.fx;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: the window the user sees when they run {@code parley} with no arguments. */
public final class DesktopApp {

    private static final Logger log = LoggerFactory.getLogger(DesktopApp.class);
    /** How long the app waits, once its window has closed, for the last save and a hosted relay to close. */
    private static final Duration BACKGROUND_WORK_LIMIT = Duration.ofSeconds(10);

    /**
     * JavaFX's controls log through java.util.logging at INFO, to the terminal the app was started
     * from. The one such line this app causes, "index exceeds maxCellCount. Check size calculations
     * for class ...MessageCell", comes from the message list's VirtualFlow each time a list of
     * wrapped, variable-height lines is scrolled to its end, and is harmless (the flow stops
     * filling the space below the last line). Held in a field: a logger nothing references can be
     * collected and lose its level.
     */
    private static final java.util.logging.Logger CONTROLS_LOG = java.util.logging.Logger.getLogger("javafx.scene.control");

    private DesktopApp() {
    }

    /**
     * Starts JavaFX, or uses it when it runs already, and opens the app on a new stage. Windows
     * come and go (dialogs, notifications), so from then on JavaFX ends only when told to: the app
     * ends when its main window does.
     *
     * @param onExit runs once the app has ended (see {@link DesktopController})
     * @param opened is given the app's controller, on the FX thread, before it starts
     * @throws RuntimeException from JavaFX when it cannot start (no display)
     */
    static void open(DesktopContext context, Runnable onExit, Consumer<DesktopController> opened) {
        quietControlsLog();
        Runnable open = () -> {
            DesktopController app = new DesktopController(context, onExit);
            opened.accept(app);
            app.start(new Stage());
        };
        try {
            Platform.startup(open);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(open);
        }
        Platform.setImplicitExit(false);
    }

    /** JavaFX's controls log warnings and errors only; see {@link #CONTROLS_LOG}. */
    static void quietControlsLog() {
        CONTROLS_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * Starts JavaFX, shows the connect dialog (or connects as last time) and the main window,
     * and returns 0 when the user closes it and its background work (the last save, closing a
     * hosted relay) has finished, or 10 s later.
     *
     * @param stopRequests given, once JavaFX runs, the action that ends the app the way closing
     *                     its window does; callable from any thread, any number of times. The
     *                     command line runs it on SIGTERM and Ctrl-C, so the app does not stop
     *                     half-way through JavaFX's own shutdown.
     * @throws IllegalStateException when JavaFX cannot start (no display), with the reason
     */
    public static int run(DesktopContext context, Consumer<Runnable> stopRequests) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<DesktopController> controller = new AtomicReference<>();
        try {
            open(context, closed::countDown, controller::set);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the desktop app: " + e.getMessage(), e);
        }
        stopRequests.accept(() -> {
            if (closed.getCount() > 0) {
                Platform.runLater(() -> {
                    DesktopController app = controller.get();
                    if (app != null) {
                        app.quit();
                    } else {
                        closed.countDown();
                    }
                });
            }
        });
        try {
            closed.await();
            DesktopController app = controller.get();
            if (app != null && !app.awaitBackgroundWork(BACKGROUND_WORK_LIMIT)) {
                log.warn("still saving or closing the hosted relay after {} s: exiting anyway", BACKGROUND_WORK_LIMIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return 0;
    }
}
