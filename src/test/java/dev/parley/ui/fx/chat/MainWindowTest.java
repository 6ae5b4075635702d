package dev.parley.ui.fx.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatLine;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.FakeTransport;
import dev.parley.config.UiSettings;
import dev.parley.model.ChatMessage;
import dev.parley.model.Member;
import dev.parley.model.MessageKind;
import dev.parley.model.Presence;
import dev.parley.transport.TransportState;
import dev.parley.ui.fx.FxEventBridge;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.MoveTo;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, headless, over a client service on its own thread with a fake network. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final List<FakeTransport> made = new CopyOnWriteArrayList<>();
    private ChatService service;
    private MainViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        service = new ChatService(FakeTransport.into(made), "ada");
        Texts texts = Texts.forLanguage("en");
        model = new MainViewModel(service, texts);
        window = new MainWindow(model, texts, UiSettings.defaults(), new InertHost());
        service.addListener(model, new FxEventBridge());
        Theme.applyTheme(UiSettings.defaults());
        stage.setScene(new Scene(window.root(), 900, 600));
        Theme.style(stage.getScene(), UiSettings.defaults());
        stage.show();
        service.connect(new Endpoint.Relay("fake", 6667));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private FakeTransport net() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !made.isEmpty() && made.getFirst().listener != null);
        return made.getFirst();
    }

    private void connectedIn(String... channels) {
        FakeTransport net = net();
        net.listener.stateChanged(TransportState.of(TransportState.Phase.CONNECTED, "fake:6667"));
        net.listener.registered("ada");
        for (String channel : channels) {
            net.listener.joined(channel, "ada");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabs().getTabs().size() == channels.length + 1));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private static ChatMessage msg(String id, String target, String sender, String text) {
        return new ChatMessage(id, Instant.now(), target, sender, sender + "!u@h", text, MessageKind.MESSAGE);
    }

    private Node tabHeader(String room) throws Exception {
        return fx(() -> window.tabOf(room).orElseThrow().tab().getGraphic());
    }

    private TextField input(String room) throws Exception {
        return fx(() -> (TextField) window.tabOf(room).orElseThrow().tab().getContent().lookup(".chat-input"));
    }

    private ListView<?> messages(String room) throws Exception {
        return fx(() -> (ListView<?>) window.tabOf(room).orElseThrow().tab().getContent().lookup(".messages"));
    }

    /** The text of the lowest line the message list shows. */
    private String lastShown(String room) throws Exception {
        ListView<?> list = messages(room);
        return fx(() -> list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getLastVisibleCell() != null
                && flow.getLastVisibleCell().getItem() instanceof ChatLine line ? line.text() : "");
    }

    private ScrollBar verticalBar(String room) throws Exception {
        ListView<?> list = messages(room);
        return fx(() -> list.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow());
    }

    @Test
    void theListFollowsNewLinesUntilTheUserScrollsUp(FxRobot robot) throws Exception {
        connectedIn("#a");
        robot.clickOn(tabHeader("#a"));
        for (int i = 0; i < 60; i++) {
            net().listener.message(msg("m" + i, "#a", "bob", "line " + i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> lastShown("#a").equals("line 59"));
        net().listener.message(msg("m60", "#a", "bob", "line 60"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lastShown("#a").equals("line 60"));
        assertTrue(fx(() -> model.room("#a").followingProperty().get()), "lines coming in do not stop the following");

        ScrollBar bar = verticalBar("#a");
        fx(() -> {
            bar.setValue(bar.getMax() / 2); // the user drags the thumb up
            return null;
        });
        assertFalse(fx(() -> model.room("#a").followingProperty().get()));
        await().atMost(Duration.ofSeconds(5)).until(() -> !lastShown("#a").equals("line 60"));
        String shown = lastShown("#a");
        net().listener.message(msg("m61", "#a", "bob", "line 61"));
        ListView<?> list = messages("#a");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> list.getItems().getLast() instanceof ChatLine line
                && line.text().equals("line 61")));
        assertEquals(shown, lastShown("#a"), "scrolled up, the view stays where the user left it");

        fx(() -> {
            bar.setValue(bar.getMax()); // and back to the bottom
            return null;
        });
        assertTrue(fx(() -> model.room("#a").followingProperty().get()));
        net().listener.message(msg("m62", "#a", "bob", "line 62"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lastShown("#a").equals("line 62"));
    }

    @Test
    void aMessageToABackgroundTabShowsABadgeThatSelectingClears(FxRobot robot) throws Exception {
        connectedIn("#a", "#b");
        robot.clickOn(tabHeader("#b"));
        assertEquals("#b", fx(() -> ((RoomViewModel) window.tabs().getSelectionModel().getSelectedItem().getUserData()).name()));
        net().listener.message(msg("m1", "#a", "bob", "hello a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabOf("#a").orElseThrow().badgeText()).equals("1"));
        robot.clickOn(tabHeader("#a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabOf("#a").orElseThrow().badgeText()).isEmpty());
        assertEquals("hello a", fx(() -> model.room("#a").lines().getLast().text()));
    }

    @Test
    void aConversationTabIsRetitledWhenItsPartnerChangesNick() throws Exception {
        connectedIn("#a");
        net().listener.message(msg("d1", "ada", "bob", "hi"));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabOf("bob").isPresent()));
        net().listener.nickChanged("bob", "bobby");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabOf("bobby").isPresent()));
        Node header = tabHeader("bobby");
        assertEquals("bobby", fx(() -> ((Label) header.lookup(".tab-name")).getText()));
        assertEquals(3, fx(() -> window.tabs().getTabs().size()), "the same tab, not a new one");
    }

    @Test
    void helpsColumnsLineUpInTheWindow(FxRobot robot) throws Exception {
        connectedIn("#a");
        robot.clickOn(input("#a")).write("/help").press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> lastShown("#a").startsWith("  /help"));
        ListView<?> list = messages("#a");
        // Where each shown command's description starts: the same x only when the font gives every letter one width.
        List<Double> columns = fx(() -> list.lookupAll(".message-cell").stream()
                .map(cell -> (ListCell<?>) cell)
                .filter(cell -> cell.getItem() instanceof ChatLine line && line.text().startsWith("  /"))
                .map(cell -> {
                    TextFlow flow = (TextFlow) cell.getGraphic();
                    String time = ((Text) flow.getChildren().getFirst()).getText();
                    int description = time.length() + "  ".length() + 30 + 1;
                    return ((MoveTo) flow.caretShape(description, true)[0]).getX();
                }).toList());
        assertTrue(columns.size() >= 3, "help lines shown: " + columns.size());
        assertEquals(1, columns.stream().distinct().count(), "description columns at " + columns);
    }

    @Test
    void typingAndEnterSendsToTheTabsRoomAndShowsTheLine(FxRobot robot) throws Exception {
        connectedIn("#a");
        robot.clickOn(input("#a")).write("hej på er 你好").press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> !net().sent.isEmpty());
        assertEquals("#a", net().sent.getLast().target());
        assertEquals("hej på er 你好", net().sent.getLast().text());
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> model.room("#a").lines().stream().anyMatch(l -> l.text().equals("hej på er 你好"))));
        assertEquals("", fx(() -> input("#a").getText()));
        robot.press(KeyCode.UP).release(KeyCode.UP);
        assertEquals("hej på er 你好", fx(() -> input("#a").getText()), "Up brings the last line back");
    }

    @Test
    void afterJoiningTheNewTabsInputHasTheCaret(FxRobot robot) throws Exception {
        connectedIn();
        robot.clickOn(input("*")).write("/join #new").press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> net().calls.contains("join #new"));
        net().listener.joined("#new", "ada");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabOf("#new").isPresent()
                && window.tabs().getSelectionModel().getSelectedItem() == window.tabOf("#new").orElseThrow().tab()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("typed straight away").press(KeyCode.ENTER).release(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> net().sent.stream().anyMatch(m -> m.text().equals("typed straight away")));
        assertEquals("#new", net().sent.getLast().target());
    }

    @Test
    void scrollingToTheTopLoadsTheOlderPage(FxRobot robot) throws Exception {
        connectedIn("#a");
        List<ChatMessage> page = new ArrayList<>();
        for (int i = 100; i < 160; i++) {
            page.add(msg("h" + i, "#a", "bob", "line " + i));
        }
        net().listener.history("#a", page, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> model.room("#a").lines().size()) == 60);
        int requestsBefore = net().historyRequests.size();
        ScrollBar bar = fx(() -> window.tabOf("#a").orElseThrow().tab().getContent()
                .lookupAll(".messages .scroll-bar").stream()
                .map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow());
        WaitForAsyncUtils.asyncFx(() -> bar.setValue(bar.getMin())).get();
        await().atMost(Duration.ofSeconds(5)).until(() -> net().historyRequests.size() > requestsBefore);
        assertEquals("h100", net().historyRequests.getLast().beforeId());
        assertFalse(fx(() -> model.room("#a").followingProperty().get()), "reading back: new lines do not pull the view down");
    }

    @Test
    void tabCompletesANickInTheInput(FxRobot robot) throws Exception {
        connectedIn("#a");
        net().listener.members("#a", List.of(new Member("ada", false, Presence.HERE), new Member("bob", false, Presence.HERE)));
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> model.room("#a").members().size()) == 2);
        robot.clickOn(input("#a")).write("bo").press(KeyCode.TAB).release(KeyCode.TAB);
        assertEquals("bob: ", fx(() -> input("#a").getText()));
        assertTrue(fx(() -> input("#a").isFocused()), "Tab stays in the input");
    }

    @Test
    void ctrlNumberAndCtrlTabMoveBetweenTabs(FxRobot robot) throws Exception {
        connectedIn("#a", "#b");
        robot.clickOn(input("#b"));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertEquals(0, (int) fx(() -> window.tabs().getSelectionModel().getSelectedIndex()));
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        assertEquals(1, (int) fx(() -> window.tabs().getSelectionModel().getSelectedIndex()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(0, (int) fx(() -> window.tabs().getSelectionModel().getSelectedIndex()));
    }

    @Test
    void ctrlPlusMinusAndZeroSetTheTextSize(FxRobot robot) throws Exception {
        connectedIn("#a");
        robot.clickOn(input("#a"));
        int normal = fx(() -> window.ui().fontSize());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertEquals(normal + 1, (int) fx(() -> window.ui().fontSize()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(UiSettings.DEFAULT_FONT_SIZE, (int) fx(() -> window.ui().fontSize()), "Ctrl+0 is the default size");
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertEquals(UiSettings.DEFAULT_FONT_SIZE - 1, (int) fx(() -> window.ui().fontSize()));
        List<String> shortcuts = fx(() -> ((javafx.scene.control.MenuBar) window.root().lookup(".menu-bar")).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> item.getAccelerator() != null)
                .map(item -> item.getAccelerator().getDisplayText()).toList());
        assertTrue(shortcuts.contains("Ctrl+0"), "the menu shows " + shortcuts);
    }

    @Test
    void closingATabPartsTheChannel(FxRobot robot) throws Exception {
        connectedIn("#a");
        robot.clickOn(input("#a"));
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(5)).until(() -> net().calls.contains("part #a"));
        net().listener.parted("#a", "ada", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> window.tabs().getTabs().size()) == 1);
        Tab left = fx(() -> window.tabs().getTabs().getFirst());
        assertEquals("*", ((RoomViewModel) left.getUserData()).name());
    }
}
