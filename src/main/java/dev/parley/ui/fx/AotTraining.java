package dev.parley.ui.fx;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.client.ChatService;
import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder;
import dev.parley.client.RelayHosting;
import dev.parley.client.TransportFactory;
import dev.parley.config.Settings;
import dev.parley.ui.fx.chat.RoomTab;
import dev.parley.ui.fx.chat.RoomViewModel;
import dev.parley.ui.fx.connect.ConnectRequest;
import dev.parley.ui.fx.connect.ConnectViewModel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;

/**
 * A scripted session of the desktop app, run once when the installers are built: the JDK records
 * which classes it loads and how its methods behave ({@code -XX:AOTMode=record}), and the
 * installers ship that as an ahead-of-time cache (JEP 483 and 515) that the launcher maps at every
 * start. So a user's first window and first room start with their classes loaded and linked and
 * with profiles for the JIT, instead of running cold (measured in {@code docs/BENCHMARKS.md}).
 *
 * <p>It drives the real app through its controller, as a user would: connects to a relay as last
 * time, opens a channel that has history, pages back to its top, goes back to the end, takes a
 * burst of live messages from a second client, sends its own lines (and an action), opens a second
 * channel, switches tabs and closes it, then quits the way closing the window does. Every wait is
 * bounded; a step that does not happen fails the run, so a broken build does not ship a cache of a
 * session that never got going.
 */
public final class AotTraining {

    /** The nick the app uses; the second client is {@value #PEER}. */
    public static final String NICK = "aot-trainer";
    private static final String PEER = "aot-peer";
    private static final Duration STEP_LIMIT = Duration.ofSeconds(30);
    private static final int PAGES = 15;
    private static final String LAST_LIVE = "the last live line";

    /** What the session did, for the log line of the build and for tests. */
    public record Result(int linesOnOpen, int pagesLoaded, int liveLines, Duration took) { }

    private final TransportFactory transports;
    private final Endpoint.Relay relay;
    private final String channel;
    private final int liveLines;
    private final AtomicReference<DesktopController> controller = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private AotTraining(TransportFactory transports, Endpoint.Relay relay, String channel, int liveLines) {
        this.transports = transports;
        this.relay = relay;
        this.channel = channel;
        this.liveLines = liveLines;
    }

    /**
     * Runs the session against {@code relay}, whose {@code channel} holds some history, with
     * {@code base} as the settings (the connection is made the last choice; nothing is saved).
     * Starts JavaFX if it is not running and leaves it running: the caller's process ends after.
     *
     * @throws TimeoutException when a step did not happen within 30 s (its name is in the message)
     */
    public static Result run(Settings base, TransportFactory transports, Endpoint.Relay relay, String channel,
                             int liveLines) throws Exception {
        return new AotTraining(transports, relay, channel, liveLines).run(base);
    }

    private Result run(Settings base) throws Exception {
        long start = System.nanoTime();
        Settings settings = ConnectViewModel.remember(base, new ConnectRequest.Relay(NICK, relay));
        startFx(new DesktopContext(settings, unused -> { }, transports, NO_HOSTING, RelayFinder.none(), false));
        Result result = session(start);
        onFx(() -> {
            controller.get().quit();
            return null;
        });
        if (!closed.await(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new TimeoutException("AOT training: the app did not quit");
        }
        controller.get().awaitBackgroundWork(STEP_LIMIT);
        return result;
    }

    /** Opens the app as {@link DesktopApp} does; JavaFX stays up (the command's process exits after). */
    private void startFx(DesktopContext context) throws Exception {
        DesktopApp.open(context, closed::countDown, controller::set);
        await("the main window", () -> controller.get() != null && controller.get().model() != null);
    }

    private Result session(long start) throws Exception {
        onFx(() -> {
            controller.get().model().join(channel);
            return null;
        });
        await("history in " + channel, () -> room(channel) != null && room(channel).lines().size() >= 20);
        int linesOnOpen = onFx(() -> room(channel).lines().size());
        int pages = pageBack();
        onFx(() -> {
            ScrollBar bar = verticalBar(channel);
            bar.setValue(bar.getMax()); // back to the end: the list follows new lines again
            return null;
        });
        await("following the end again", () -> room(channel).followingProperty().get());
        live();
        for (int i = 0; i < 20; i++) {
            String line = i % 5 == 4 ? "/me looks at line " + i : "own line " + i + ", see https://example.org/" + i;
            onFx(() -> {
                controller.get().model().submit(room(channel), line);
                return null;
            });
        }
        // The other client's QUIT may land after our lines, so not only the last line is looked at.
        await("our own lines, confirmed", () -> recentLines(channel).stream()
                .anyMatch(l -> l.own() && !l.pending() && l.text().contains("line 19")));
        secondChannel();
        return new Result(linesOnOpen, pages, liveLines, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Drags the scroll bar to the top, as a user would, until {@value #PAGES} older pages have come in. */
    private int pageBack() throws Exception {
        int pages = 0;
        for (int i = 0; i < PAGES; i++) {
            // The view asks for a page when the bar moves up to the top, so it must be below it first
            // (after the first layout, and after the last page was put in front of the top line).
            await("the list laid out below its top", () -> {
                ScrollBar bar = shownBar(channel); // none until the list's first layout
                return bar != null && bar.isVisible() && bar.getValue() > bar.getMin() + 1e-3;
            });
            int before = onFx(() -> room(channel).lines().size());
            onFx(() -> {
                ScrollBar bar = verticalBar(channel);
                bar.setValue(bar.getMin());
                return null;
            });
            await("older page " + (i + 1), () -> room(channel).lines().size() > before);
            pages++;
        }
        return pages;
    }

    /** A second client says {@code liveLines} lines in the channel, in bursts, while the app follows. */
    private void live() throws Exception {
        ChatService peer = new ChatService(transports, PEER);
        try {
            CompletableFuture<Void> joined = new CompletableFuture<>();
            peer.addListener(event -> {
                if (event instanceof ChatEvent.RoomOpened opened && opened.room().equalsIgnoreCase(channel)) {
                    joined.complete(null);
                }
            }, Runnable::run);
            peer.connect(relay);
            peer.input("/join " + channel);
            joined.get(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            for (int i = 0; i < liveLines; i++) {
                String text = switch (i % 10) {
                    case 3 -> NICK + ": line " + i + " is for you";
                    case 7 -> "a link https://example.org/live/" + i;
                    default -> "live line " + i + " from the other client";
                };
                peer.send(channel, i == liveLines - 1 ? LAST_LIVE : text);
                if (i % 200 == 199) {
                    peer.whenIdle().get(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
                }
            }
            await("the live lines", () -> recentLines(channel).stream().anyMatch(l -> l.text().equals(LAST_LIVE)));
        } finally {
            peer.close();
        }
    }

    /** Joins a second channel, goes back and forth between the tabs, and closes the second one. */
    private void secondChannel() throws Exception {
        String second = channel + "-2";
        onFx(() -> {
            controller.get().model().join(second);
            return null;
        });
        await(second + " open", () -> tab(second) != null);
        for (String name : List.of(channel, second, channel)) {
            onFx(() -> {
                tab(name).tab().getTabPane().getSelectionModel().select(tab(name).tab());
                return null;
            });
            await(name + " selected", () -> tab(name).tab().isSelected());
        }
        onFx(() -> {
            controller.get().model().close(room(second));
            return null;
        });
        await(second + " closed", () -> tab(second) == null);
    }

    private RoomViewModel room(String name) {
        return controller.get().model().room(name);
    }

    private RoomTab tab(String name) {
        return controller.get().window().tabOf(name).orElse(null);
    }

    /** The room's newest 50 lines. */
    private List<ChatLine> recentLines(String name) {
        List<ChatLine> lines = room(name).lines();
        return List.copyOf(lines.subList(Math.max(0, lines.size() - 50), lines.size()));
    }

    private ScrollBar verticalBar(String name) {
        ScrollBar bar = shownBar(name);
        if (bar == null) {
            throw new IllegalStateException("no scroll bar in " + name + "'s message list");
        }
        return bar;
    }

    /** The vertical scroll bar of the room's message list, or null before the list is laid out. */
    private ScrollBar shownBar(String name) {
        RoomTab tab = tab(name);
        Node list = tab == null || tab.tab().getContent() == null ? null : tab.tab().getContent().lookup(".messages");
        if (list != null) {
            for (Node node : list.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                    return bar;
                }
            }
        }
        return null;
    }

    /** Checks {@code condition} on the FX thread every 20 ms until it holds, or fails after 30 s. */
    private static void await(String step, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("AOT training: no " + step + " after " + STEP_LIMIT.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        return FxThread.call(task, STEP_LIMIT);
    }

    /** The training connects to a relay it was given; hosting one is not part of it. */
    private static final RelayHosting NO_HOSTING = (name, port, dataDir) -> {
        throw new IOException("the AOT training does not host a relay");
    };
}
