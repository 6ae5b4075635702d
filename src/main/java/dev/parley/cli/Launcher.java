package dev.parley.cli;

/**
 * The jar's entry point. It must not extend {@code javafx.application.Application}: when JavaFX
 * sits on the class path (not the module path) the JDK refuses to start such a main class
 * directly, so this plain class starts first and hands over.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(Main.run(args));
    }
}
