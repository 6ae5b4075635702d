package dev.parley.ui.fx.chat;

import dev.parley.config.UiSettings;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Views;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The main window's view ({@code fxml/MainWindow.fxml}): menus, one tab per room, and the status
 * bar. Tabs follow the view model's rooms; keyboard: Ctrl+Tab / Ctrl+Shift+Tab, Ctrl+1..9,
 * Ctrl+T (join), Ctrl+W (part), Ctrl+L (channel list).
 */
public final class MainWindow {

    /** What the window asks of the app around it. */
    public interface Host {
        /** File > Connect: show the connect dialog. */
        void connectDialog();

        /** The user changed the look; apply and save it. */
        void uiChanged(UiSettings settings);

        void openLink(String url);

        void quit();
    }

    private final MainViewModel model;
    private final Texts texts;
    private final Host host;
    private final Map<RoomViewModel, RoomTab> views = new HashMap<>();
    private UiSettings ui;
    /** Whether the window shows; once it does, the message list's code is warmed up (once a JVM). */
    private final ObservableValue<Boolean> showing;

    @FXML
    private BorderPane root;
    @FXML
    private TabPane tabs;
    @FXML
    private Label status;
    @FXML
    private Hyperlink retry;
    @FXML
    private Label hosting;
    @FXML
    private RadioMenuItem lightItem;
    @FXML
    private RadioMenuItem darkItem;
    @FXML
    private RadioMenuItem languageSystem;
    @FXML
    private RadioMenuItem languageEn;
    @FXML
    private RadioMenuItem languageSv;
    @FXML
    private RadioMenuItem languageZh;

    public MainWindow(MainViewModel model, Texts texts, UiSettings ui, Host host) {
        this.model = model;
        this.texts = texts;
        this.ui = ui;
        this.host = host;
        Views.load("MainWindow", this, texts);
        showing = root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.subscribe(now -> {
            if (now) {
                RoomWarmUp.start(root, model, texts, this::dark);
            }
        });
    }

    public Parent root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Puts the caret in the selected tab's input box, so the user can type at once. */
    public void focusInput() {
        RoomViewModel room = model.selectedProperty().get();
        if (room != null && views.containsKey(room)) {
            views.get(room).focusInput();
        }
    }

    /** The tab of a room, if it is open. */
    public Optional<RoomTab> tabOf(String room) {
        RoomViewModel vm = model.room(room);
        return Optional.ofNullable(vm == null ? null : views.get(vm));
    }

    @FXML
    private void initialize() {
        model.rooms().forEach(this::addTab);
        model.rooms().addListener((ListChangeListener<RoomViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                change.getAddedSubList().forEach(this::addTab);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                RoomViewModel room = (RoomViewModel) now.getUserData();
                model.selectedProperty().set(room);
                // After the tab pane has shown the tab's content: a hidden node cannot take the focus.
                Platform.runLater(() -> {
                    RoomTab view = views.get(room);
                    if (view != null) {
                        view.focusInput();
                    }
                });
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> selectTab(now));
        selectTab(model.selectedProperty().get());
        status.textProperty().bind(model.statusTextProperty());
        retry.visibleProperty().bind(model.retryAvailableProperty());
        // While a reconnect waits, its "in N s" counts down.
        Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refreshStatus()));
        countdown.setCycleCount(Animation.INDEFINITE);
        model.retryAvailableProperty().subscribe(waiting -> {
            if (waiting) {
                countdown.playFromStart();
            } else {
                countdown.stop();
            }
        });
        retry.managedProperty().bind(retry.visibleProperty());
        hosting.textProperty().bind(model.hostingProperty());
        hosting.visibleProperty().bind(model.hostingProperty().isNotEmpty());
        hosting.managedProperty().bind(hosting.visibleProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);

        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        (ui.theme().equals("dark") ? darkItem : lightItem).setSelected(true);
        ToggleGroup languages = new ToggleGroup();
        Map<RadioMenuItem, String> codes = Map.of(languageSystem, "", languageEn, "en", languageSv, "sv", languageZh, "zh_CN");
        codes.forEach((item, code) -> {
            item.setToggleGroup(languages);
            item.setSelected(code.equals(ui.language()));
            item.setOnAction(e -> changeUi(ui.withLanguage(code)));
        });
    }

    private void addTab(RoomViewModel room) {
        RoomTab view = new RoomTab(room, model, texts, host::openLink, this::dark);
        views.put(room, view);
        tabs.getTabs().add(view.tab());
    }

    private void removeTab(RoomViewModel room) {
        RoomTab view = views.remove(room);
        if (view != null) {
            tabs.getTabs().remove(view.tab());
        }
    }

    private void selectTab(RoomViewModel room) {
        RoomTab view = room == null ? null : views.get(room);
        if (view != null && tabs.getSelectionModel().getSelectedItem() != view.tab()) {
            tabs.getSelectionModel().select(view.tab());
        }
    }

    private void shortcut(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        int count = tabs.getTabs().size();
        int at = tabs.getSelectionModel().getSelectedIndex();
        if (e.getCode() == KeyCode.TAB) {
            tabs.getSelectionModel().select(Math.floorMod(at + (e.isShiftDown() ? -1 : 1), count));
            e.consume();
        } else if (e.getCode().isDigitKey() && !e.getText().isEmpty() && Character.isDigit(e.getText().charAt(0))) {
            int n = e.getText().charAt(0) - '1';
            if (n >= 0 && n < count) {
                tabs.getSelectionModel().select(n);
                e.consume();
            }
        }
    }

    // --- menu actions --------------------------------------------------------------------------

    @FXML
    private void onConnect() {
        host.connectDialog();
    }

    @FXML
    private void onJoin() {
        TextInputDialog dialog = new TextInputDialog("#");
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(texts.get("join.title"));
        dialog.setHeaderText(texts.get("join.header"));
        dialog.getEditor().setId("joinChannel");
        dialog.showAndWait().ifPresent(model::join);
    }

    @FXML
    private void onPart() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) {
            model.close((RoomViewModel) tab.getUserData());
        }
    }

    @FXML
    private void onChannelList() {
        model.requestChannelList();
    }

    @FXML
    private void onRetry() {
        model.retryNow();
    }

    @FXML
    private void onQuit() {
        host.quit();
    }

    @FXML
    private void onLight() {
        changeUi(ui.withTheme("light"));
    }

    @FXML
    private void onDark() {
        changeUi(ui.withTheme("dark"));
    }

    @FXML
    private void onBigger() {
        changeUi(ui.withFontSize(Math.min(UiSettings.MAX_FONT_SIZE, ui.fontSize() + 1)));
    }

    @FXML
    private void onSmaller() {
        changeUi(ui.withFontSize(Math.max(UiSettings.MIN_FONT_SIZE, ui.fontSize() - 1)));
    }

    @FXML
    private void onDefaultSize() {
        changeUi(ui.withFontSize(UiSettings.DEFAULT_FONT_SIZE));
    }

    private void changeUi(UiSettings next) {
        ui = next;
        host.uiChanged(next);
        tabs.getTabs().forEach(tab -> {
            RoomTab view = views.get((RoomViewModel) tab.getUserData());
            if (view != null) {
                view.refresh();
            }
        });
    }

    private boolean dark() {
        return ui.theme().equals("dark");
    }

    /** For the app: the settings as the window last changed them. */
    public UiSettings ui() {
        return ui;
    }

    /** Used by the stage to apply focus-dependent state. */
    public Consumer<Boolean> focusSink() {
        return model.windowFocusedProperty()::set;
    }
}
