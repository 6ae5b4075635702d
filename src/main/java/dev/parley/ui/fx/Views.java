package dev.parley.ui.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads the FXML views in {@code src/main/resources/fxml/} with a controller made in code. */
public final class Views {

    private Views() {
    }

    /**
     * Loads {@code fxml/<name>.fxml} with {@code controller} (the FXML names no fx:controller,
     * so controllers take their view models by constructor) and the app's texts.
     */
    public static Parent load(String name, Object controller, Texts texts) {
        URL url = Views.class.getResource("/fxml/" + name + ".fxml");
        if (url == null) {
            throw new IllegalStateException("no view fxml/" + name + ".fxml");
        }
        FXMLLoader loader = new FXMLLoader(url, texts.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + name, e);
        }
    }
}
