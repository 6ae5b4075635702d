package dev.parley.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder;
import dev.parley.config.AppDirs;
import dev.parley.config.MeshSettings;
import dev.parley.config.Settings;
import dev.parley.discovery.BeaconSettings;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.InMemoryMessageStore;
import dev.parley.transport.TransportState;
import dev.parley.ui.fx.DesktopContext;
import dev.parley.ui.fx.DesktopController;
import dev.parley.ui.fx.chat.RoomViewModel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app as a user meets it, headless, with real sockets on this computer: the connect
 * dialog, hosting a relay in the app, joining, chatting with a second client, badges,
 * notifications and quitting; and the mesh choice with two peers that have no window.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String LOOPBACK_BROADCAST = "127.255.255.255";

    @TempDir
    Path tmp;

    private final List<Settings> saved = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closers = new CopyOnWriteArrayList<>();
    private final AtomicInteger exits = new AtomicInteger();
    private DesktopController app;
    private Stage stage;
    private int beaconPort;
    private MeshSettings mesh;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(w -> ((Stage) w).close())).get();
        for (AutoCloseable c : closers.reversed()) {
            c.close();
        }
    }

    private void openApp() throws Exception {
        openApp(UnaryOperator.identity(), true);
    }

    /** @param lastTime the settings as an earlier run left them; firstStart: no parley.toml yet */
    private void openApp(UnaryOperator<Settings> lastTime, boolean firstStart) throws Exception {
        beaconPort = freeUdpPort();
        AppDirs dirs = new AppDirs(tmp.resolve("conf"), tmp.resolve("data"));
        mesh = MeshSettings.defaults().withBroadcast(LOOPBACK_BROADCAST).withBeaconPort(beaconPort);
        // English whatever the machine's language: the window and the service's lines are read below.
        Settings settings = Settings.defaults(dirs).withNick("ada").withMesh(mesh);
        settings = settings.withUi(settings.ui().withLanguage("en"));
        settings = lastTime.apply(settings.withServer(settings.server().withAnnounce(true, LOOPBACK_BROADCAST)));
        Transports transports = new Transports(dirs.dataDir(), mesh);
        closers.add(transports);
        BeaconSettings beacons = BeaconSettings.defaults().withBroadcastAddress(LOOPBACK_BROADCAST).withPort(beaconPort);
        DesktopContext context = new DesktopContext(settings, saved::add, transports.factory(),
                new LocalRelayHosting(settings.server(), beacons), RelayFinder.none(), firstStart);
        WaitForAsyncUtils.asyncFx(() -> {
            app = new DesktopController(context, exits::incrementAndGet);
            app.start(stage);
        }).get();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private TextField inputOf(String room) throws Exception {
        return fx(() -> (TextField) app.window().tabOf(room).orElseThrow().tab().getContent().lookup(".chat-input"));
    }

    private void typeIn(FxRobot robot, String room, String text) throws Exception {
        robot.clickOn(inputOf(room)).write(text).press(KeyCode.ENTER).release(KeyCode.ENTER);
    }

    private boolean shows(String room, String text) throws Exception {
        return fx(() -> {
            RoomViewModel vm = app.model().room(room);
            return vm != null && vm.lines().stream().anyMatch(l -> l.text().equals(text) && !l.pending());
        });
    }

    private ChatService peer(String nick, Endpoint endpoint, Transports transports, List<ChatEvent> events) {
        ChatService service = new ChatService(transports.factory(), nick);
        service.addListener(events::add, Runnable::run);
        service.connect(endpoint);
        closers.add(service);
        return service;
    }

    @Test
    void hostARelayJoinChatBadgesAMentionNotificationAndQuit(FxRobot robot) throws Exception {
        openApp();
        robot.clickOn("#hostChoice");
        robot.doubleClickOn("#hostPort").eraseText(8).write("0");
        robot.doubleClickOn("#dataDir").eraseText(200).write(tmp.resolve("hosted").toString());
        robot.clickOn("#connect");
        await().atMost(WAIT).until(() -> fx(() -> app.model() != null && app.model().statusProperty().get().connected()));
        assertEquals("host", saved.getLast().client().mode(), "the choice is remembered in parley.toml");
        String where = fx(() -> app.model().statusProperty().get().endpoint());
        assertEquals("Hosting “parley” on port " + Endpoint.parseRelay(where).port(), fx(() -> app.model().hostingProperty().get()));
        Endpoint.Relay relay = Endpoint.parseRelay(where);

        typeIn(robot, ChatEvent.SERVER_ROOM, "/join #test");
        await().atMost(WAIT).until(() -> fx(() -> app.window().tabOf("#test").isPresent()));
        typeIn(robot, "#test", "hello from the window");
        await().atMost(WAIT).until(() -> shows("#test", "hello from the window"));

        // bob, a second client, hears it and answers into a tab that is not selected.
        List<ChatEvent> bobSees = new CopyOnWriteArrayList<>();
        Transports bobs = new Transports(tmp.resolve("bob"), mesh);
        closers.add(bobs);
        ChatService bob = peer("bob", relay, bobs, bobSees);
        bob.input("/join #test");
        await().atMost(WAIT).until(() -> bobSees.stream().anyMatch(e -> e instanceof ChatEvent.HistoryLoaded h
                && h.lines().stream().map(ChatLine::text).anyMatch("hello from the window"::equals)));
        typeIn(robot, "#test", "/join #other");
        await().atMost(WAIT).until(() -> fx(() -> app.model().selectedProperty().get().name().equals("#other")));
        bob.send("#test", "hi ada, from bob");
        await().atMost(WAIT).until(() -> fx(() -> app.window().tabOf("#test").orElseThrow().badgeText()).equals("1"));
        assertTrue(shows("#test", "hi ada, from bob"));
        robot.clickOn(fx(() -> app.window().tabOf("#test").orElseThrow().tab().getGraphic()));
        await().atMost(WAIT).until(() -> fx(() -> app.window().tabOf("#test").orElseThrow().badgeText()).isEmpty());

        // A mention while the window is in the background raises a notification; clicking it opens the tab.
        robot.clickOn(fx(() -> app.window().tabOf("#other").orElseThrow().tab().getGraphic()));
        await().atMost(WAIT).until(() -> fx(() -> app.model().selectedProperty().get().name().equals("#other")));
        WaitForAsyncUtils.asyncFx(() -> app.model().windowFocusedProperty().set(false)).get();
        bob.send("#test", "ada: are you there?");
        await().atMost(WAIT).until(() -> toast() != null);
        assertTrue(fx(() -> app.model().titleProperty().get()).startsWith("(1) "), "the title counts it too");
        robot.clickOn(fx(() -> toast().getScene().getRoot()));
        await().atMost(WAIT).until(() -> fx(() -> app.model().selectedProperty().get().name().equals("#test")));
        assertFalse(fx(() -> toast() != null && toast().isShowing()), "clicking closes it");

        // Quitting (the close button; SIGTERM through DesktopApp), twice: the app ends once, and its
        // hosted relay is closed when the background work is done.
        fx(() -> {
            app.quit();
            app.quit();
            return null;
        });
        assertTrue(app.awaitBackgroundWork(WAIT), "the hosted relay closed in time");
        assertEquals(1, exits.get());
        assertEquals(List.of("#test", "#other"), saved.getLast().client().channels(), "the tabs to open next time, in order");
        assertFalse(fx(stage::isShowing));
        assertThrows(ConnectException.class, () -> new Socket(relay.host(), relay.port()).close());
    }

    @Test
    void cancellingTheFirstDialogLeavesAWayOn(FxRobot robot) throws Exception {
        openApp();
        robot.clickOn("#cancel");
        await().atMost(WAIT).until(() -> fx(() -> Window.getWindows().size()) == 1);
        assertEquals(null, fx(() -> app.model()), "no session was started");
        robot.clickOn("#startConnect"); // the empty window offers the dialog again
        await().atMost(WAIT).until(() -> fx(() -> Window.getWindows().size()) == 2);
        robot.clickOn("#meshChoice");
        robot.clickOn("#connect");
        await().atMost(WAIT).until(() -> fx(() -> app.model() != null && app.model().statusProperty().get().connected()));
        assertEquals(0, exits.get());
    }

    @Test
    void theMeshChoiceShowsWhatPeersWithoutAWindowSay(FxRobot robot) throws Exception {
        openApp();
        robot.clickOn("#meshChoice");
        robot.clickOn("#connect");
        await().atMost(WAIT).until(() -> fx(() -> app.model() != null && app.model().statusProperty().get().connected()));
        assertEquals("mesh", saved.getLast().client().mode());
        typeIn(robot, ChatEvent.SERVER_ROOM, "/join #mesh");
        await().atMost(WAIT).until(() -> fx(() -> app.window().tabOf("#mesh").isPresent()));

        List<ChatEvent> bobSees = new CopyOnWriteArrayList<>();
        List<ChatEvent> cySees = new CopyOnWriteArrayList<>();
        Transports peers = new Transports(tmp.resolve("peers"), mesh);
        closers.add(peers);
        ChatService bob = peer("bob", new Endpoint.Mesh(), peers, bobSees);
        ChatService cy = peer("cy", new Endpoint.Mesh(), peers, cySees);
        bob.input("/join #mesh");
        cy.input("/join #mesh");
        bob.send("#mesh", "bob over the mesh");
        cy.send("#mesh", "cy over the mesh");
        await().atMost(WAIT).until(() -> shows("#mesh", "bob over the mesh") && shows("#mesh", "cy over the mesh"));
        typeIn(robot, "#mesh", "the window answers");
        await().atMost(WAIT).until(() -> bobSees.stream().anyMatch(e -> e instanceof ChatEvent.LineAdded l
                && l.line().text().equals("the window answers")));
    }

    @Test
    void theChannelsOpenWhenTheAppClosedAreJoinedAgainAtTheNextStart() throws Exception {
        openApp(last -> last.withClient(last.client().withMode("mesh").withChannels(List.of("#lab", "#tea"))), false);
        await().atMost(WAIT).until(() -> fx(() -> app.window() != null
                && app.window().tabOf("#lab").isPresent() && app.window().tabOf("#tea").isPresent()));
        assertEquals(List.of("#lab", "#tea"), saved.getLast().client().channels());
    }

    @Test
    void theSavedPasswordReachesARelayThatAsksForOne() throws Exception {
        RelayServer relay = RelayServer.start(RelayConfig.loopback().withPassword("s3cret"), new InMemoryMessageStore());
        closers.add(relay);
        int port = relay.address().getPort();
        openApp(last -> last.withClient(last.client().withMode("relay").withServer("127.0.0.1:" + port)
                .withPassword("s3cret").withChannels(List.of("#lab"))), false);
        await().atMost(WAIT).until(() -> fx(() -> app.window() != null && app.window().tabOf("#lab").isPresent()));
        assertEquals("s3cret", saved.getLast().client().password(), "kept for the next start");
    }

    @Test
    void channelsToJoinAgainAreKeptWhenTheRelayIsDownAndTheAppCloses() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        openApp(last -> last.withClient(last.client().withMode("relay").withServer("127.0.0.1:" + port)
                .withChannels(List.of("#lab"))), false);
        await().atMost(WAIT).until(() -> fx(() -> app.model() != null
                && app.model().statusProperty().get().phase() == TransportState.Phase.RECONNECTING));
        fx(() -> {
            app.quit();
            return null;
        });
        assertTrue(app.awaitBackgroundWork(WAIT));
        assertEquals(List.of("#lab"), saved.getLast().client().channels(), "not forgotten for want of a tab");
    }

    private static Stage toast() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && Boolean.TRUE.equals(s.getProperties().get("parley.toast")) && s.isShowing()) {
                return s;
            }
        }
        return null;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
