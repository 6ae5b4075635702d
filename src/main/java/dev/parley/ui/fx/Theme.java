package dev.parley.ui.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.config.UiSettings;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The look: AtlantaFX's Primer light or dark theme for every control, Parley's own stylesheet
 * for the chat (message lines, badges, status bar), and the font size on the scene's root so
 * everything scales with it.
 */
public final class Theme {

    public static final String STYLESHEET = Theme.class.getResource("parley.css").toExternalForm();

    private Theme() {
    }

    /** Sets the theme of the whole app; call on the FX thread. */
    public static void applyTheme(UiSettings ui) {
        Application.setUserAgentStylesheet(ui.theme().equals("dark")
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds Parley's stylesheet to a scene and sets its font size and dark/light class. */
    public static void style(Scene scene, UiSettings ui) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        if (scene.getRoot() != null) {
            scene.getRoot().setStyle("-fx-font-size: " + ui.fontSize() + "pt;");
            scene.getRoot().getStyleClass().removeAll("light", "dark");
            scene.getRoot().getStyleClass().add(ui.theme());
        }
    }
}
