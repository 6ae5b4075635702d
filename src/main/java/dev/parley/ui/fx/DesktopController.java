package dev.parley.ui.fx;

import dev.parley.client.ChatLine;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder;
import dev.parley.client.RelayHosting;
import dev.parley.client.i18n.ClientTexts;
import dev.parley.config.ClientSettings;
import dev.parley.config.Settings;
import dev.parley.config.UiSettings;
import dev.parley.ui.fx.channels.ChannelListDialog;
import dev.parley.ui.fx.channels.ChannelListViewModel;
import dev.parley.ui.fx.chat.MainViewModel;
import dev.parley.ui.fx.chat.MainWindow;
import dev.parley.ui.fx.chat.RoomViewModel;
import dev.parley.ui.fx.connect.ConnectDialog;
import dev.parley.ui.fx.connect.ConnectRequest;
import dev.parley.ui.fx.connect.ConnectViewModel;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the desktop app on its stage: asks how to connect (or connects as last time), builds a
 * client session and its main window for each connection, hosts the embedded relay when asked,
 * and saves what the user chose. Disk and network work goes to a background thread; everything
 * here runs on the FX thread.
 */
public final class DesktopController {

    private static final Logger log = LoggerFactory.getLogger(DesktopController.class);

    private final DesktopContext context;
    private final Runnable onExit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("parley-desktop-io").daemon().factory());
    private final Texts texts;
    private Settings settings;
    private Stage stage;
    private Toasts toasts;
    private ChatService service;
    private MainViewModel model;
    private MainWindow window;
    private RelayHosting.HostedRelay hosted;
    private ChannelListViewModel channelList;
    private Stage channelListStage;
    private int session;
    private boolean quitting;
    /** Channels this session was to join again whose tabs have not opened yet (FX thread). */
    private List<String> awaitingJoin = new ArrayList<>();

    public DesktopController(DesktopContext context, Runnable onExit) {
        this.context = context;
        this.onExit = onExit;
        this.settings = context.settings();
        this.texts = Texts.forLanguage(settings.ui().language());
    }

    /** Shows the app on {@code stage}. */
    public void start(Stage primary) {
        stage = primary;
        Theme.applyTheme(settings.ui());
        stage.setScene(new Scene(notConnectedYet(), 960, 640));
        Theme.style(stage.getScene(), settings.ui());
        stage.titleProperty().unbind();
        stage.setTitle(texts.get("app.title"));
        try (InputStream icon = DesktopController.class.getResourceAsStream("parley-64.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException e) {
            log.debug("no window icon", e);
        }
        stage.focusedProperty().addListener((obs, was, now) -> {
            if (model != null) {
                model.windowFocusedProperty().set(now);
            }
        });
        stage.setOnCloseRequest(e -> shutdown());
        toasts = new Toasts(stage, Theme.STYLESHEET);
        stage.show();
        ConnectRequest last = context.firstStart() ? null : lastChoice(settings);
        if (last == null) {
            connectDialog();
        } else {
            connect(last);
        }
    }

    /**
     * The window before the first session: behind the connect dialog, and what stays when the user
     * cancels it, with the way on (choose how to talk) and out.
     */
    private StackPane notConnectedYet() {
        Button connect = new Button(texts.get("menu.connect"));
        connect.setId("startConnect");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connectDialog());
        Button quit = new Button(texts.get("menu.quit"));
        quit.setOnAction(e -> shutdown());
        HBox buttons = new HBox(8, connect, quit);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, new Label(texts.get("start.notConnected")), buttons);
        box.setAlignment(Pos.CENTER);
        return new StackPane(box);
    }

    /** The session's view model and window, for tests. */
    public MainViewModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }

    public Settings settings() {
        return settings;
    }

    public void connectDialog() {
        ConnectDialog.open(stage, context.withSettings(settings), texts, this::connect);
    }

    /** Starts a session for what the user chose; the one before (and its hosted relay) ends. */
    public void connect(ConnectRequest request) {
        Settings before = settings;
        // The channels open there last time: this session's when it is still on, else the saved ones.
        List<String> open = model != null ? openChannels() : before.client().channels();
        settings = ConnectViewModel.remember(settings, request);
        List<String> rejoin = ConnectViewModel.samePlace(before, settings) ? open : List.of();
        settings = settings.withClient(settings.client().withChannels(rejoin));
        save();
        awaitingJoin = new ArrayList<>(rejoin);
        endSession();
        int mine = ++session;
        // The service writes its lines in the window's language (a changed setting waits for a restart, as here).
        service = new ChatService(context.transports(), request.nick(), ClientTexts.forLocale(texts.locale()));
        model = new MainViewModel(service, texts);
        model.windowFocusedProperty().set(stage.isFocused());
        model.setNotifier(this::notify);
        model.setChannelListHandler(list -> channelList().show(list));
        model.setClosedHandler(this::shutdown);
        window = new MainWindow(model, texts, settings.ui(), new WindowHost());
        stage.getScene().setRoot(window.root());
        Theme.style(stage.getScene(), settings.ui());
        stage.titleProperty().bind(model.titleProperty());
        Platform.runLater(window::focusInput); // once the scene has laid the window out
        service.addListener(model, new FxEventBridge());
        // A channel to join again counts as open until its tab is there (a relay that is down
        // must not make the app forget it); from then on its tab says.
        model.rooms().addListener((ListChangeListener<RoomViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(room -> awaitingJoin.removeIf(c -> c.equalsIgnoreCase(room.name())));
            }
        });
        ChatService current = service;
        switch (request) {
            case ConnectRequest.Relay relay -> current.connect(relay.endpoint(), rejoin);
            case ConnectRequest.Mesh mesh -> current.connect(new Endpoint.Mesh(), rejoin);
            case ConnectRequest.Host host -> background.execute(() -> startHosting(host, current, mine, rejoin));
        }
    }

    private void startHosting(ConnectRequest.Host host, ChatService forService, int forSession, List<String> rejoin) {
        try {
            RelayHosting.HostedRelay relay = context.hosting().start(host.name(), host.port(), host.dataDir());
            Platform.runLater(() -> {
                if (forSession != session) {
                    relay.close(); // the user moved on while it started
                    return;
                }
                hosted = relay;
                log.info("hosting {}", relay.description());
                model.hostingProperty().set(texts.get("host.running", host.name(), String.valueOf(relay.endpoint().port())));
                forService.connect(relay.endpoint(), rejoin);
            });
        } catch (IOException | RuntimeException e) {
            log.warn("cannot host a relay: {}", e.getMessage());
            Platform.runLater(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
                alert.initOwner(stage);
                alert.setHeaderText(texts.get("host.failed"));
                alert.show();
                connectDialog();
            });
        }
    }

    private ChannelListViewModel channelList() {
        if (channelList == null) {
            channelList = new ChannelListViewModel(channel -> model.join(channel), () -> model.requestChannelList());
        }
        if (channelListStage == null || !channelListStage.isShowing()) {
            channelListStage = ChannelListDialog.open(stage, texts, channelList);
        }
        return channelList;
    }

    private void notify(MainViewModel.Notice notice) {
        ChatLine line = notice.line();
        RoomViewModel room = model.room(notice.room());
        boolean direct = room != null && !room.isChannel();
        String title = direct ? texts.get("notify.direct", line.sender()) : texts.get("notify.mention", line.sender(), notice.room());
        MainViewModel forModel = model;
        toasts.show(title, line.text(), () -> {
            stage.toFront();
            stage.requestFocus();
            // The tab itself, not its name: a conversation may have taken its partner's new nick meanwhile.
            if (room != null && forModel.rooms().contains(room)) {
                forModel.selectedProperty().set(room);
            }
        });
    }

    /**
     * The channels to join next time: those the window has tabs for, in tab order, then those it
     * was to join and has no tab for yet; only names parley.toml can hold (another IRC server may
     * have channel names of other kinds).
     */
    private List<String> openChannels() {
        List<String> channels = new ArrayList<>(model.rooms().stream().filter(RoomViewModel::isChannel)
                .map(RoomViewModel::name).toList());
        channels.addAll(awaitingJoin);
        return channels.stream().filter(ClientSettings::isChannelName).distinct().toList();
    }

    private void save() {
        Settings snapshot = settings;
        background.execute(() -> context.saver().accept(snapshot));
    }

    private void endSession() {
        if (service != null) {
            service.removeListener(model); // its end must not read as the user quitting the app
            service.disconnect();
            service.close();
            service = null;
        }
        if (hosted != null) {
            RelayHosting.HostedRelay relay = hosted;
            hosted = null;
            background.execute(relay::close);
        }
        channelList = null;
        if (channelListStage != null) {
            channelListStage.close();
            channelListStage = null;
        }
    }

    /** Ends the app as closing the main window does: the session and a hosted relay end, the window closes. */
    public void quit() {
        shutdown();
    }

    /**
     * After the app has ended: waits for its background work (the last save, closing a hosted
     * relay and its message store) to finish. Not on the FX thread.
     *
     * @return false when it was still running after {@code timeout}
     */
    public boolean awaitBackgroundWork(Duration timeout) throws InterruptedException {
        return background.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void shutdown() {
        if (quitting) {
            return; // the close button, /quit and a signal can all get here
        }
        quitting = true;
        if (model != null) { // joined again on the next start (saved before the app ends: see onExit below)
            settings = settings.withClient(settings.client().withChannels(openChannels()));
            save();
        }
        endSession();
        stage.close();
        // Last in the queue: the app ends once the hosted relay has stopped and the settings are saved.
        background.execute(onExit);
        background.shutdown();
    }

    /**
     * The way the user connected last time, from the settings, checked by the same rules as the
     * connect dialog; null when that is not usable (the dialog opens instead).
     */
    static ConnectRequest lastChoice(Settings settings) {
        try (ConnectViewModel form = new ConnectViewModel(settings, RelayFinder.none(), Runnable::run)) {
            Optional<ConnectRequest> request = form.request();
            if (request.isEmpty()) {
                log.info("not reconnecting as last time: {}", form.problem().get());
            }
            return request.orElse(null);
        }
    }

    /** What the main window asks of the app. */
    private final class WindowHost implements MainWindow.Host {
        @Override
        public void connectDialog() {
            DesktopController.this.connectDialog();
        }

        @Override
        public void uiChanged(UiSettings ui) {
            boolean newLanguage = !ui.language().equals(settings.ui().language());
            settings = settings.withUi(ui);
            Theme.applyTheme(ui);
            Theme.style(stage.getScene(), ui);
            save();
            if (newLanguage) {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.get("language.restart"));
                alert.initOwner(stage);
                alert.setHeaderText(null);
                alert.show();
            }
        }

        @Override
        public void openLink(String url) {
            LinkOpener.open(url);
        }

        @Override
        public void quit() {
            shutdown();
        }
    }
}
