package dev.parley.ui.fx.chat.bench;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.LineKind;
import dev.parley.config.UiSettings;
import dev.parley.model.ChatMessage;
import dev.parley.model.MessageIds;
import dev.parley.model.MessageKind;
import dev.parley.relay.FloodPolicy;
import dev.parley.relay.RelayConfig;
import dev.parley.relay.RelayServer;
import dev.parley.storage.Conversation;
import dev.parley.storage.MessageStore;
import dev.parley.storage.sqlite.SqliteMessageStore;
import dev.parley.testsupport.IrcTestClient;
import dev.parley.transport.irc.IrcTransport;
import dev.parley.transport.irc.IrcTransportConfig;
import dev.parley.ui.fx.FxEventBridge;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Theme;
import dev.parley.ui.fx.chat.MainViewModel;
import dev.parley.ui.fx.chat.InertHost;
import dev.parley.ui.fx.chat.MainWindow;
import dev.parley.ui.fx.chat.RoomViewModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;

/**
 * The desktop client under load, headless, in one JVM with an embedded relay on 127.0.0.1. Not a
 * unit test: {@code bench/desktop.sh} runs it (see {@code docs/BENCHMARKS.md}, "Desktop client").
 *
 * <ol>
 *   <li>History: a SQLite store gets {@code history} messages in {@link #CHANNEL} (through its
 *       append API), a relay serves it, and the real client stack (ChatService over an
 *       IrcTransport, MainViewModel, MainWindow on a Stage) connects and joins. Measured: join to
 *       the first pulse that lays out a stored message in the list; then {@code pages} times
 *       "scroll to the top": the list's vertical scroll bar is set to its minimum, as when the
 *       user drags the thumb up, and the view's own scroll-bar listener asks for the older page;
 *       measured to the pulse that lays the page out. If the view does not ask within 5 s, the
 *       bench calls {@code MainViewModel.loadOlder} itself and counts that page apart. This runs
 *       twice: first in a fresh JVM, then again after closing the tab (PART), warm.</li>
 *   <li>Live load: the scroll bar is set to its maximum (the list follows the end again), then a
 *       raw IRC client sends {@code rate} messages a second for {@code seconds} into the channel;
 *       they are counted as they reach the view ({@link LiveCounter}).</li>
 * </ol>
 * Throughout, {@link FxMonitor} records frame gaps, runLater delays, layout times and GC pauses.
 *
 * <p>Arguments, all optional, as key=value: {@code history=100000 pages=40 rate=10000 seconds=10
 * out=<report.md>}.
 */
public final class DesktopBench {

    static final String CHANNEL = "#big";
    static final String VIEWER = "viewer";
    static final String FLOODER = "flood";
    /** A frame gap or runLater delay above this is a stall: the pulse target. */
    static final double STALL_MS = 50;
    /** A word only the last stored message has: search finds it once the index has caught up. */
    private static final String FILL_END = "benchfillend";

    private static final String[] WORDS = {"the", "a", "build", "is", "green", "again", "who", "broke", "main", "lunch",
        "at", "noon", "?", "ok", "thanks", "merged", "review", "please", "tests", "flaky", "on", "ci", "deploy", "friday",
        "no", "yes", "maybe", "later", "coffee", "meeting", "moved", "to", "three", "hej", "smörgåsbord", "你好", "relay",
        "mesh", "client", "window", "scroll", "history", "release", "notes", "draft", "ready", "ship", "it", ":)", "lol"};
    private static final String[] NICKS = {"ada", "bob", "cleo", "dmitri", "eve", "farah", "gus", "hana", "ivan", "june",
        "kofi", "lena", "mo", "nils", "olga", "pia", "quinn", "rosa", "sven", "tao"};

    private DesktopBench() {
    }

    /** The client as the app builds it, on one Stage. */
    record Client(ChatService service, MainViewModel model, MainWindow window, Scene scene, FxEventBridge bridge) {
        RoomViewModel room() {
            return model.room(CHANNEL);
        }

        /** The channel's message list, or null while its tab is not there or not shown yet. */
        ListView<?> messages() {
            return window.tabOf(CHANNEL)
                    .filter(tab -> tab.tab().isSelected() && tab.tab().getContent() != null)
                    .map(tab -> (ListView<?>) tab.tab().getContent().lookup(".messages"))
                    .orElse(null);
        }
    }

    public static void main(String[] args) {
        Thread.ofPlatform().daemon().name("bench-watchdog").start(() -> {
            pause(TimeUnit.MINUTES.toNanos(4));
            progress("still running after 4 minutes: giving up");
            Runtime.getRuntime().halt(2);
        });
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1); // the FX thread and the client's threads would keep the JVM alive
        }
        Platform.exit();
        System.exit(0); // the closed service's and relay's pools wind down on their own; no need to wait
    }

    private static void run(String[] args) throws Exception {
        BenchResults r = new BenchResults();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "history" -> r.history = Integer.parseInt(kv[1]);
                case "pages" -> r.pages = Integer.parseInt(kv[1]);
                case "rate" -> r.rate = Integer.parseInt(kv[1]);
                case "seconds" -> r.seconds = Integer.parseInt(kv[1]);
                case "out" -> r.out = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument " + arg
                        + " (history=, pages=, rate=, seconds=, out=)");
            }
        }
        r.started = Instant.now();
        r.loadBefore = loadAverage();
        Path dir = Files.createTempDirectory("parley-desktop-bench");
        MessageStore store = SqliteMessageStore.open(dir);
        RelayServer relay = null;
        Client client = null;
        FxMonitor monitor = null;
        try {
            progress("filling the store with %,d messages in %s", r.history, CHANNEL);
            long fillStart = System.nanoTime();
            fill(store, r.history);
            r.fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            awaitIndexed(store);
            r.indexedSeconds = (System.nanoTime() - fillStart) / 1e9;

            relay = RelayServer.start(RelayConfig.loopback().withFlood(FloodPolicy.off()), store);
            CountDownLatch fxUp = new CountDownLatch(1);
            Platform.startup(fxUp::countDown);
            Platform.setImplicitExit(false);
            fxUp.await();
            int port = relay.address().getPort();
            client = FxMonitor.onFx(() -> openWindow(port));
            Client c = client;
            monitor = FxMonitor.onFx(() -> FxMonitor.install(c.scene()));
            connect(client, port);

            pause(TimeUnit.SECONDS.toNanos(2)); // the window's first frames and the server's greeting settle
            progress("idle baseline, 2 s");
            r.idle = monitor.begin("idle");
            pause(TimeUnit.SECONDS.toNanos(2));
            monitor.end(r.idle);
            r.heapConnected = heapAfterGc();

            r.cold = history("first", r.pages, client, monitor);
            part(client);
            r.warm = history("again", r.pages, client, monitor);
            r.heapAfterScroll = heapAfterGc();
            backToTheEnd(client, monitor);
            live(r, client, monitor, relay);
        } finally {
            if (monitor != null) {
                monitor.close();
            }
            if (client != null) {
                disconnect(client);
                client.service().close();
            }
            if (relay != null) {
                relay.close();
            }
            store.close();
            deleteTree(dir);
        }
        r.loadAfter = loadAverage();
        String report = new DesktopReport(r).markdown();
        System.out.println(report);
        if (r.out != null) {
            Files.createDirectories(r.out.toAbsolutePath().getParent());
            Files.writeString(r.out, report);
            progress("report written to %s", r.out);
        }
    }

    // --- phases --------------------------------------------------------------------------------

    /** Appends {@code count} messages, one a second ending an hour ago, at most 5,000 in flight. */
    static void fill(MessageStore store, int count) throws InterruptedException {
        Random random = new Random(42);
        MessageIds ids = new MessageIds();
        Conversation conversation = Conversation.channel(CHANNEL);
        Instant base = Instant.now().minusSeconds(count + 3600L).truncatedTo(ChronoUnit.MILLIS);
        Semaphore inFlight = new Semaphore(5_000);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            Instant time = base.plusSeconds(i);
            String nick = NICKS[random.nextInt(NICKS.length)];
            String text = i == count - 1 ? FILL_END + " " + chatter(random, 40)
                    : i % 25 == 0 ? "see https://example.org/notes/" + i + " " + chatter(random, 40)
                    : chatter(random, 20 + random.nextInt(100));
            inFlight.acquire();
            store.append(conversation, new ChatMessage(ids.next(time), time, CHANNEL, nick, nick + "!u@127.0.0.1", text,
                    MessageKind.MESSAGE)).whenComplete((stored, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(5_000);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " appends failed");
        }
    }

    /**
     * Waits until the store's search index has caught up with the fill (it indexes in the
     * background), so that work does not run during the measurements.
     */
    private static void awaitIndexed(MessageStore store) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.search(List.of(CHANNEL), FILL_END, 1).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the search index did not catch up within 60 s");
            }
            pause(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private static Client openWindow(int port) {
        ChatService service = new ChatService((endpoint, nick) -> switch (endpoint) {
            case Endpoint.Relay relay -> new IrcTransport(IrcTransportConfig.of(relay.host(), relay.port(), nick));
            case Endpoint.Mesh mesh -> throw new IllegalArgumentException("the bench uses a relay");
        }, VIEWER);
        Texts texts = Texts.forLanguage("en");
        MainViewModel model = new MainViewModel(service, texts);
        MainWindow window = new MainWindow(model, texts, UiSettings.defaults(), new InertHost());
        FxEventBridge bridge = new FxEventBridge();
        service.addListener(model, bridge);
        Theme.applyTheme(UiSettings.defaults());
        Scene scene = new Scene(window.root(), 1000, 700);
        Theme.style(scene, UiSettings.defaults());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return new Client(service, model, window, scene, bridge);
    }

    private static void connect(Client client, int port) throws Exception {
        CompletableFuture<Void> registered = new CompletableFuture<>();
        client.service().addListener(event -> {
            if (event instanceof ChatEvent.StatusChanged changed && changed.status().connected()) {
                registered.complete(null);
            }
        }, Runnable::run);
        client.service().connect(new Endpoint.Relay("127.0.0.1", port));
        registered.get(10, TimeUnit.SECONDS);
    }

    /** QUIT first, so the transport does not see the relay go away under it. */
    private static void disconnect(Client client) {
        CompletableFuture<Void> offline = new CompletableFuture<>();
        client.service().addListener(event -> {
            if (event instanceof ChatEvent.StatusChanged changed && !changed.status().connected()) {
                offline.complete(null);
            }
        }, Runnable::run);
        client.service().disconnect();
        try {
            offline.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            progress("no clean disconnect: %s", e);
        }
    }

    /** Joins the channel, waits for the first page, then pages back {@code pages} times. */
    private static BenchResults.Round history(String name, int pages, Client c, FxMonitor monitor) throws Exception {
        BenchResults.Round round = new BenchResults.Round(name);
        progress("%s: joining %s", name, CHANNEL);
        round.open = monitor.begin("open, " + name);
        long joined = System.nanoTime();
        CompletableFuture<Long> shown = FxMonitor.onFx(() -> {
            CompletableFuture<Long> f = monitor.whenLaidOut(() -> showsStoredMessage(c.messages()));
            c.model().join(CHANNEL);
            return f;
        });
        round.openMs = (shown.get(30, TimeUnit.SECONDS) - joined) / 1e6;
        round.firstPageLines = FxMonitor.onFx(() -> countMessages(c.room().lines()));
        pause(TimeUnit.MILLISECONDS.toNanos(500)); // the pulses after the first page belong to opening too
        monitor.end(round.open);

        progress("%s: scrolling to the top %d times", name, pages);
        round.scroll = monitor.begin("scroll, " + name);
        for (int i = 0; i < pages; i++) {
            long asked = System.nanoTime();
            CompletableFuture<Long> page = FxMonitor.onFx(() -> {
                RoomViewModel room = c.room();
                int before = room.lines().size();
                CompletableFuture<Long> f = monitor.whenLaidOut(() -> room.lines().size() > before);
                ScrollBar bar = verticalBar(c.messages());
                bar.setValue(bar.getMin()); // as when the user drags the thumb to the top
                return f;
            });
            try {
                round.pageTimes.add(page.get(5, TimeUnit.SECONDS) - asked);
                round.pagesByView++;
            } catch (TimeoutException e) {
                // The view did not ask (the scroll bar did not move up): ask as it would, and say so.
                long again = System.nanoTime();
                FxMonitor.onFx(() -> {
                    c.room().followingProperty().set(false);
                    c.model().loadOlder(c.room());
                    return null;
                });
                round.pageTimes.add(page.get(10, TimeUnit.SECONDS) - again);
                round.pagesByModel++;
            }
        }
        monitor.end(round.scroll);
        round.linesAfterScroll = FxMonitor.onFx(() -> c.room().lines().size());
        return round;
    }

    /** Closes the channel's tab (PART) and waits until it is gone, so that a second round starts afresh. */
    private static void part(Client c) throws Exception {
        FxMonitor.onFx(() -> {
            c.model().close(c.room());
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (FxMonitor.onFx(() -> c.room() != null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tab of " + CHANNEL + " did not close");
            }
            pause(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /**
     * What a user does before the live load: drags the scroll bar to the bottom, so the list
     * follows the newest line again.
     */
    private static void backToTheEnd(Client c, FxMonitor monitor) throws Exception {
        CompletableFuture<Long> done = FxMonitor.onFx(() -> {
            RoomViewModel room = c.room();
            ScrollBar bar = verticalBar(c.messages());
            bar.setValue(bar.getMax());
            return monitor.whenLaidOut(() -> room.followingProperty().get()
                    && room.lines().size() <= RoomViewModel.FOLLOW_WINDOW);
        });
        done.get(10, TimeUnit.SECONDS);
    }

    static ScrollBar verticalBar(ListView<?> list) {
        for (Node node : list.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return bar;
            }
        }
        throw new IllegalStateException("no vertical scroll bar");
    }

    private static void live(BenchResults r, Client c, FxMonitor monitor, RelayServer relay) throws Exception {
        int total = r.rate * r.seconds;
        try (IrcTestClient flood = IrcTestClient.registered(relay.address(), FLOODER)) {
            flood.send("JOIN " + CHANNEL);
            flood.await(" 366 ");
            LiveCounter counter = new LiveCounter(CHANNEL, FLOODER, total);
            c.service().addListener(counter, c.bridge());
            r.heapBeforeLive = heapAfterGc();
            progress("live load: %,d messages/s for %d s", r.rate, r.seconds);
            r.live = monitor.begin("live");
            r.sent = FloodSender.run(flood, CHANNEL, r.rate, r.seconds);
            r.allArrived = counter.awaitAll(30, TimeUnit.SECONDS);
            monitor.end(r.live);
            r.delivered = counter.distinct();
            r.duplicates = counter.duplicates();
            r.drainMs = Math.max(0, counter.lastNanos() - r.sent.endNanos()) / 1e6;
            r.latency = counter.latency;
            r.linesAtEnd = FxMonitor.onFx(() -> c.room().lines().size());
            r.followingAtEnd = FxMonitor.onFx(() -> c.room().followingProperty().get());
            r.heapAfterLive = heapAfterGc();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Chat-like words up to about {@code length} characters. */
    static String chatter(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** True once the list has a cell on screen that shows a stored message. */
    private static boolean showsStoredMessage(ListView<?> list) {
        if (list == null) {
            return false;
        }
        for (Node node : list.lookupAll(".message-cell")) {
            if (node instanceof ListCell<?> cell && cell.getItem() instanceof ChatLine line
                    && line.kind() == LineKind.MESSAGE && onScreen(cell, list)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onScreen(Node node, Node top) {
        for (Node n = node; n != null && n != top; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static int countMessages(List<ChatLine> lines) {
        return (int) lines.stream().filter(l -> l.kind() == LineKind.MESSAGE).count();
    }

    /** Heap in use after two full collections, in bytes. */
    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "desktop-bench %tT.%<tL: " + format + "%n", prepend(LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
