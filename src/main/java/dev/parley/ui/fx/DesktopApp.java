package dev.parley.ui.fx;

/** The desktop app: the window the user sees when they run {@code parley} with no arguments. */
public final class DesktopApp {

    private DesktopApp() {
    }

    /**
     * Starts JavaFX, shows the connect dialog (or reconnects as last time) and the main window,
     * and returns when the user closes it: 0, or 1 when JavaFX cannot start (no display).
     */
    public static int run(DesktopContext context) {
        throw new UnsupportedOperationException("desktop app: work in progress");
    }
}
