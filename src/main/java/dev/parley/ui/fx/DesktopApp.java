package dev.parley.ui.fx;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The desktop app: the window the user sees when they run {@code parley} with no arguments. */
public final class DesktopApp {

    private DesktopApp() {
    }

    /**
     * Starts JavaFX, shows the connect dialog (or connects as last time) and the main window,
     * and returns 0 when the user closes it.
     *
     * @throws IllegalStateException when JavaFX cannot start (no display), with the reason
     */
    public static int run(DesktopContext context) {
        CountDownLatch closed = new CountDownLatch(1);
        Runnable open = () -> new DesktopController(context, closed::countDown).start(new Stage());
        try {
            Platform.startup(open);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(open);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the desktop app: " + e.getMessage(), e);
        }
        // Windows come and go (dialogs, notifications): the app ends when the main window does.
        Platform.setImplicitExit(false);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return 0;
    }
}
