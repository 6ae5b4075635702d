package dev.parley.ui.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the desktop app sets up before JavaFX starts. */
class DesktopAppTest {

    @Test
    void javaFxControlsLogWarningsButNotTheirInfoLines() {
        DesktopApp.quietControlsLog();

        System.Logger controls = System.getLogger("javafx.scene.control"); // the logger JavaFX's controls use
        assertFalse(controls.isLoggable(System.Logger.Level.INFO), "INFO, e.g. VirtualFlow's 'index exceeds maxCellCount'");
        assertTrue(controls.isLoggable(System.Logger.Level.WARNING));
    }
}
