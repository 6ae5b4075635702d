package dev.parley.cli;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the desktop app can open a window here, asked before JavaFX is touched: on a machine
 * without a display JavaFX fails deep inside its start with a stack trace, while {@code parley}
 * over SSH should say in one line what to run instead.
 *
 * <p>Windows and macOS always have a display. Linux and the other Unixes have one when {@code
 * DISPLAY} (X11) or {@code WAYLAND_DISPLAY} is set. JavaFX's own headless platform ({@code
 * -Dglass.platform=Headless}, used by the UI tests) needs none.
 *
 * @param env           the environment variables
 * @param osName        the {@code os.name} system property
 * @param glassPlatform the {@code glass.platform} system property, or null
 */
record DisplayCheck(Map<String, String> env, String osName, String glassPlatform) {

    static DisplayCheck current() {
        return new DisplayCheck(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
    }

    boolean found() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Headless".equals(glassPlatform)) {
            return true;
        }
        return isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private boolean isSet(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
