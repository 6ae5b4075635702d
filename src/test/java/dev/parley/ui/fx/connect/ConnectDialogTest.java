package dev.parley.ui.fx.connect;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder.FoundRelay;
import dev.parley.config.Settings;
import dev.parley.ui.fx.DesktopContext;
import dev.parley.ui.fx.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The connect dialog as the user drives it, on the headless glass platform. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    private final FakeRelayFinder finder = new FakeRelayFinder();
    private final List<ConnectRequest> delivered = new CopyOnWriteArrayList<>();
    private final Texts texts = Texts.forLanguage("en");
    private Stage dialog;

    private void open(Settings settings, FxRobot robot) {
        robot.interact(() -> dialog = ConnectDialog.open(null, context(settings), texts, delivered::add));
    }

    /** The app's context with the fake LAN; the dialog uses only the settings and the finder. */
    private DesktopContext context(Settings settings) {
        return new DesktopContext(settings, saved -> { }, (endpoint, nick) -> {
            throw new UnsupportedOperationException("the dialog makes no transports");
        }, (name, port, dataDir) -> {
            throw new UnsupportedOperationException("the dialog starts no relay");
        }, finder, false);
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aRelayFoundOnTheLanIsPickedAndConnectedTo(FxRobot robot) {
        // Mesh was chosen last time: the LAN list still works, and picking there chooses Relay.
        open(ConnectViewModelTest.settings("mesh").withNick(""), robot);
        assertTrue(finder.watching());

        // The real finder calls back on its own thread; the dialog must hop to the FX thread.
        CompletableFuture.runAsync(() -> finder.report(new FoundRelay("lab", "10.0.0.5", 7000))).join();
        ListView<FoundRelay> relays = robot.lookup("#relays").queryListView();
        await().atMost(Duration.ofSeconds(10)).until(() -> relays.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(robot.lookup("#relays .list-cell").<ListCell<?>>match(cell -> !cell.isEmpty()).queryAs(ListCell.class));
        assertEquals("10.0.0.5:7000", robot.lookup("#address").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#relayChoice").queryAs(RadioButton.class).isSelected(), "picking a relay chooses Relay");
        assertTrue(connectButton(robot).isDisabled(), "no nick yet");

        robot.clickOn("#nick").write("bo");
        robot.clickOn("#connect");

        assertEquals(List.of(new ConnectRequest.Relay("bo", new Endpoint.Relay("10.0.0.5", 7000))), delivered);
        assertFalse(dialog.isShowing());
        assertTrue(finder.stopped(), "closing stops watching the LAN");
    }

    @Test
    void doubleClickingARelayConnectsAtOnce(FxRobot robot) {
        open(ConnectViewModelTest.settings("relay"), robot);
        CompletableFuture.runAsync(() -> finder.report(new FoundRelay("attic", "10.0.0.7", 6667))).join();
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> cell = robot.lookup("#relays .list-cell").<ListCell<?>>match(c -> !c.isEmpty()).queryAs(ListCell.class);
        assertEquals("attic  (10.0.0.7:6667)", cell.getText());

        robot.doubleClickOn(cell);

        assertEquals(List.of(new ConnectRequest.Relay("anna", new Endpoint.Relay("10.0.0.7", 6667))), delivered);
        assertFalse(dialog.isShowing());
    }

    @Test
    void aBadPortWhileHostingShowsTheErrorAndKeepsConnectDisabled(FxRobot robot) {
        open(ConnectViewModelTest.settings("relay"), robot);
        Label error = robot.lookup("#error").queryAs(Label.class);
        assertFalse(error.isVisible(), "settings from the file are valid");

        robot.clickOn("#hostChoice");
        TextField port = robot.lookup("#hostPort").queryAs(TextField.class);
        robot.interact(port::clear);
        robot.clickOn(port).write("70000");

        assertTrue(error.isVisible());
        assertEquals("The port must be a number from 0 to 65535.", error.getText());
        assertTrue(port.getPseudoClassStates().stream().anyMatch(state -> state.getPseudoClassName().equals("danger")),
                "the field at fault is marked");
        assertTrue(connectButton(robot).isDisabled());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertEquals(List.of(), delivered, "Enter does not get past a disabled Connect");
        assertTrue(dialog.isShowing());

        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        assertFalse(error.isVisible());
        robot.clickOn("#connect");
        assertEquals(List.of(new ConnectRequest.Host("anna", "classroom", 7000, ConnectViewModelTest.DATA)), delivered);
    }

    @Test
    void aPasswordTypedForTheRelayGoesWithIt(FxRobot robot) {
        open(ConnectViewModelTest.settings("relay"), robot);
        robot.clickOn("#password").write("s3cret");
        assertTrue(robot.lookup("#password").query() instanceof PasswordField, "the password is not shown");
        robot.clickOn("#connect");
        assertEquals(List.of(new ConnectRequest.Relay("anna", new Endpoint.Relay("lab.local", 7000, "s3cret"))), delivered);
    }

    @Test
    void meshNeedsOnlyANick(FxRobot robot) {
        open(ConnectViewModelTest.settings("relay"), robot);
        robot.interact(() -> robot.lookup("#address").queryAs(TextField.class).clear());
        assertTrue(connectButton(robot).isDisabled(), "an empty relay address is a problem while Relay is chosen");

        robot.clickOn("#meshChoice");
        assertTrue(robot.lookup("#address").query().isDisabled(), "the relay address is greyed");
        robot.clickOn("#connect");

        assertEquals(List.of(new ConnectRequest.Mesh("anna")), delivered);
    }

    @Test
    void cancelClosesWithoutConnecting(FxRobot robot) {
        open(ConnectViewModelTest.settings("relay"), robot);
        robot.clickOn("#cancel");
        assertFalse(dialog.isShowing());
        assertEquals(List.of(), delivered);
        assertTrue(finder.stopped());
    }

    @Test
    void escapeClosesWithoutConnecting(FxRobot robot) {
        open(ConnectViewModelTest.settings("relay"), robot);
        robot.clickOn("#nick").press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertFalse(dialog.isShowing());
        assertEquals(List.of(), delivered);
    }

    @Test
    void theDialogSpeaksTheUsersLanguage(FxRobot robot) {
        DesktopContext context = context(ConnectViewModelTest.settings("host").withNick("1x"));
        robot.interact(() -> ConnectDialog.open(null, context, Texts.forLanguage("sv"), delivered::add));
        assertEquals("Anslut", connectButton(robot).getText());
        assertEquals("Ett smeknamn börjar med a–z, A–Z eller något av []\\`_^{|}, inte med ”1”.",
                robot.lookup("#error").queryAs(Label.class).getText());
    }

    private static Button connectButton(FxRobot robot) {
        return robot.lookup("#connect").queryButton();
    }
}
