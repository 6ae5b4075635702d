package dev.parley.ui.fx;

import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Desktop notifications drawn by the app: a small window in the corner of the screen, on top of
 * the others, for a few seconds. JavaFX has no system notification API, and this works the same
 * on every OS. Clicking one runs its action (the app opens the tab) and closes it.
 */
public final class Toasts {

    private static final Duration SHOWN_FOR = Duration.seconds(6);
    private static final double MARGIN = 16;

    private final Window owner;
    private final String stylesheet;
    private Stage current;

    public Toasts(Window owner, String stylesheet) {
        this.owner = owner;
        this.stylesheet = stylesheet;
    }

    /** Shows a notification, replacing the one shown before (a burst does not pile up windows). */
    public void show(String title, String text, Runnable onClick) {
        if (current != null) {
            current.close();
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
        Label body = new Label(text);
        body.getStyleClass().add("toast-text");
        body.setWrapText(true);
        body.setMaxWidth(320);
        VBox box = new VBox(4, heading, body);
        box.getStyleClass().add("toast");
        Scene scene = new Scene(box);
        scene.getStylesheets().add(stylesheet);
        Stage stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.setAlwaysOnTop(true);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.getProperties().put("parley.toast", Boolean.TRUE);
        box.setOnMouseClicked(e -> {
            stage.close();
            onClick.run();
        });
        stage.show();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMaxX() - stage.getWidth() - MARGIN);
        stage.setY(screen.getMaxY() - stage.getHeight() - MARGIN);
        PauseTransition hide = new PauseTransition(SHOWN_FOR);
        hide.setOnFinished(e -> stage.close());
        hide.play();
        current = stage;
    }
}
