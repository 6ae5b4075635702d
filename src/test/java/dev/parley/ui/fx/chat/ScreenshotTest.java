package dev.parley.ui.fx.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.FakeTransport;
import dev.parley.config.UiSettings;
import dev.parley.model.ChannelTopic;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.MessageKind;
import dev.parley.model.Presence;
import dev.parley.transport.TransportListener;
import dev.parley.transport.TransportState;
import dev.parley.ui.fx.FxEventBridge;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's screenshots: the main window with a made-up conversation, in the light and the
 * dark theme. Written to target/screenshots, or where {@code -Dparley.screenshots=DIR} says:
 * {@code ./mvnw -q test -Dtest=ScreenshotTest -Dparley.screenshots=docs/screenshots}.
 */
class ScreenshotTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:41:00Z");

    @Test
    void theMainWindowInLightAndDark() throws Exception {
        Path dir = Path.of(System.getProperty("parley.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        FxToolkit.registerPrimaryStage();
        double light = shoot("light", dir.resolve("main-light.png"));
        double dark = shoot("dark", dir.resolve("main-dark.png"));
        assertTrue(light > dark + 0.3, "the dark theme is darker: light " + light + ", dark " + dark);
    }

    /** Shows the window, takes the picture, returns its mean brightness (0..1). */
    private double shoot(String theme, Path file) throws Exception {
        List<FakeTransport> made = new CopyOnWriteArrayList<>();
        ChatService service = new ChatService(FakeTransport.into(made), "ada");
        UiSettings ui = UiSettings.defaults().withTheme(theme);
        Texts texts = Texts.forLanguage("en");
        MainViewModel model = new MainViewModel(service, texts);
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            Theme.applyTheme(ui);
            MainWindow window = new MainWindow(model, texts, ui, new InertHost());
            stage[0] = new Stage();
            stage[0].setScene(new Scene(window.root(), 980, 600));
            Theme.style(stage[0].getScene(), ui);
            stage[0].show();
        }).get();
        service.addListener(model, new FxEventBridge());
        service.connect(new Endpoint.Relay("lab-relay", 6667));
        await().atMost(Duration.ofSeconds(5)).until(() -> !made.isEmpty() && made.getFirst().listener != null);
        converse(made.getFirst().listener);
        await().atMost(Duration.ofSeconds(5)).until(() -> WaitForAsyncUtils.asyncFx(() -> {
            RoomViewModel lab = model.room("#lab");
            return lab != null && lab.lines().size() >= 8 && model.room("#random") != null
                    && model.room("#random").unreadProperty().get() == 2;
        }).get());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            model.selectedProperty().set(model.room("#lab"));
            stage[0].getScene().getRoot().applyCss();
            stage[0].getScene().getRoot().layout();
            return stage[0].getScene().snapshot(null);
        }).get();
        double brightness = write(image, file);
        WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get();
        service.close();
        return brightness;
    }

    private static void converse(TransportListener net) {
        net.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "lab-relay:6667"));
        net.registered("ada");
        net.joined("#lab", "ada"); // the first room becomes the current one; #random gets unread lines
        net.joined("#random", "ada");
        net.topic("#lab", new ChannelTopic("#lab", "Physics lab 3B · project notes: https://wiki.school.lan/3b", "bob", NOW), false);
        net.members("#lab", List.of(new Member("bob", true, Presence.HERE), new Member("ada", false, Presence.HERE),
                new Member("cy", false, Presence.HERE), new Member("dana", false, Presence.AWAY),
                new Member("erik", false, Presence.HERE), new Member("li_wei", false, Presence.HERE)));
        int minute = 0;
        net.history("#lab", List.of(
                msg("h1", "#lab", "bob", "Morning! The pendulum data is on the wiki", minute++, MessageKind.MESSAGE),
                msg("h2", "#lab", "cy", "thanks, I'll plot it after lunch", minute++, MessageKind.MESSAGE),
                msg("h3", "#lab", "li_wei", "我们下午三点在实验室见", minute++, MessageKind.MESSAGE)), false);
        net.joined("#lab", "erik");
        net.message(msg("m1", "#lab", "erik", "Hej! Har någon räknat ut perioden för 1,2 m?", minute++, MessageKind.MESSAGE));
        net.message(msg("m2", "#lab", "bob", "ada: can you share the spreadsheet?", minute++, MessageKind.MESSAGE));
        net.message(msg("m3", "#lab", "ada", "sure, it's at https://files.school.lan/lab/pendulum.ods", minute++, MessageKind.MESSAGE));
        net.message(msg("m4", "#lab", "cy", "\u0001ACTION is back from lunch\u0001", minute++, MessageKind.MESSAGE));
        net.message(msg("m5", "#lab", "dana", "T ≈ 2.2 s, matches 2π√(L/g)", minute++, MessageKind.MESSAGE));
        net.message(msg("r1", "#random", "erik", "fika at 15?", minute++, MessageKind.MESSAGE));
        net.message(msg("r2", "#random", "cy", "yes!", minute, MessageKind.MESSAGE));
    }

    private static ChatMessage msg(String id, String target, String sender, String text, int minute, MessageKind kind) {
        return new ChatMessage(id, NOW.plusSeconds(60L * minute), target, sender, sender + "!u@h", text, kind);
    }

    private static double write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = pixels.getArgb(x, y);
                out.setRGB(x, y, argb);
                sum += (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / (3 * 255.0);
            }
        }
        ImageIO.write(out, "png", file.toFile());
        return sum / ((double) w * h);
    }
}
