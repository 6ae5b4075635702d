package dev.parley.ui.fx.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.FakeTransport;
import dev.parley.config.UiSettings;
import dev.parley.transport.TransportState;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Theme;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The room view's warm-up, headless, in a window of its own over a connected client service with
 * a fake network: it runs a bounded number of pulses in the window's scene, then lets go, and the
 * made-up room never reaches the service.
 */
@ExtendWith(ApplicationExtension.class)
class RoomWarmUpTest {

    private final List<FakeTransport> made = new ArrayList<>();
    private Stage stage;
    private BorderPane window;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ChatService service = new ChatService(FakeTransport.into(made), "ada", Clock.systemUTC(), Runnable::run);
        model = new MainViewModel(service, Texts.forLanguage("en"));
        service.addListener(model, Runnable::run);
        service.connect(new Endpoint.Relay("fake", 6667));
        made.getFirst().listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        made.getFirst().listener.registered("ada");
        window = new BorderPane();
        Theme.applyTheme(UiSettings.defaults());
        stage.setScene(new Scene(window, 900, 600));
        Theme.style(stage.getScene(), UiSettings.defaults());
        stage.show();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private RoomWarmUp started() throws Exception {
        return fx(() -> {
            RoomWarmUp w = new RoomWarmUp(window, model, Texts.forLanguage("en"), () -> false);
            w.start();
            return w;
        });
    }

    @Test
    void itShowsLinesInTheWindowsSceneThenStopsAndLetsGo() throws Exception {
        RoomWarmUp warmUp = started();
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> {
            ListView<?> messages = (ListView<?>) warmUp.view().lookup(".messages");
            return messages != null && !messages.getItems().isEmpty();
        }));
        assertSame(window.getScene(), fx(() -> warmUp.view().getScene()), "the view is styled in the window's own scene");
        WritableImage shot = fx(() -> window.getScene().snapshot(null));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < (int) shot.getHeight(); y++) {
            for (int x = 0; x < (int) shot.getWidth(); x++) {
                colours.add(shot.getPixelReader().getArgb(x, y));
            }
        }
        assertEquals(1, colours.size(), "the made-up room is drawn over the (empty) window");
        List<String> traversable = fx(() -> warmUp.view().lookupAll("*").stream()
                .filter(Node::isFocusTraversable).map(Node::toString).toList());
        assertEquals(List.of(), traversable, "the window's Tab key can reach these nodes of the warm-up");
        fx(() -> {
            TextField input = (TextField) warmUp.view().lookup(".chat-input");
            input.setText("typed into a view nobody sees");
            input.fireEvent(new ActionEvent());
            return null;
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> fx(warmUp::finished));
        int steps = fx(warmUp::steps);
        int lines = fx(warmUp::linesDone);
        assertTrue(steps > 0 && steps <= 150, "steps: " + steps);
        assertTrue(lines >= 3_000 || steps == 150, "lines " + lines + " in " + steps + " steps");
        assertFalse(fx(() -> window.getChildren().contains(warmUp.view())), "the view is still in the window");
        FakeTransport net = made.getFirst();
        assertEquals(List.of(), net.historyRequests, "the made-up room asked the service for history");
        assertEquals(List.of(), net.sent, "the made-up room sent something");
        assertEquals(1, fx(() -> model.rooms().size()), "the made-up room became a room of the client");
    }

    @Test
    void itEndsWhenTheUsersFirstRoomOpens() throws Exception {
        RoomWarmUp warmUp = started();
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(warmUp::steps) > 2);
        fx(() -> {
            model.submit(model.rooms().getFirst(), "/join #a");
            made.getFirst().listener.joined("#a", "ada");
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(warmUp::finished));
        int lines = fx(warmUp::linesDone);
        int steps = fx(warmUp::steps);
        assertTrue(lines < 3_000 && steps < 150, "it ran on beside the user's room: " + lines + " lines, " + steps + " steps");
        assertFalse(fx(() -> window.getChildren().contains(warmUp.view())), "the view is still in the window");
    }

    @Test
    void itStopsWhenTheWindowCloses() throws Exception {
        RoomWarmUp warmUp = started();
        fx(() -> {
            stage.hide();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(warmUp::finished));
        assertFalse(fx(warmUp::linesDone) >= 3_000, "it ran on after the window closed");
        assertFalse(fx(() -> window.getChildren().contains(warmUp.view())), "the view is still in the window");
    }
}
