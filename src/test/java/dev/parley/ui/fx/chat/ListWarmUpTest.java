package dev.parley.ui.fx.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.UiSettings;
import dev.parley.ui.fx.Theme;
import java.time.Duration;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The message list's warm-up, headless: it runs a bounded number of pulses, then lets go. */
@ExtendWith(ApplicationExtension.class)
class ListWarmUpTest {

    private Stage stage;
    private BorderPane window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new BorderPane();
        Theme.applyTheme(UiSettings.defaults());
        stage.setScene(new Scene(window, 900, 600));
        Theme.style(stage.getScene(), UiSettings.defaults());
        stage.show();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    @Test
    void itPutsItsLinesThroughTheListThenStopsAndLetsGo() throws Exception {
        ListWarmUp warmUp = fx(() -> {
            ListWarmUp w = new ListWarmUp(window, link -> { }, () -> false);
            w.start();
            return w;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(warmUp::finished));
        int steps = fx(warmUp::steps);
        int lines = fx(warmUp::linesDone);
        assertTrue(steps > 0 && steps <= 150, "steps: " + steps);
        assertTrue(lines >= 3_000 || steps == 150, "lines " + lines + " in " + steps + " steps");
    }

    @Test
    void itStopsWhenTheWindowCloses() throws Exception {
        ListWarmUp warmUp = fx(() -> {
            ListWarmUp w = new ListWarmUp(window, link -> { }, () -> false);
            w.start();
            stage.hide();
            return w;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(warmUp::finished));
        assertFalse(fx(warmUp::linesDone) >= 3_000, "it ran on after the window closed");
    }
}
