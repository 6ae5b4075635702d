package dev.parley.ui.fx.chat;

import dev.parley.client.ChatLine;
import dev.parley.client.LineKind;
import dev.parley.model.ChannelTopic;
import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.ui.fx.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;

/**
 * Runs a room view's code before the user opens a room: right after the main window appears,
 * made-up channels' views (topic, member list, message list, input box, each in a tab) sit in the
 * window's own scene, fully transparent, and take made-up lines of every kind, one small step a
 * pulse, as a room takes them when it opens and pages back; every {@value #VIEW_STEPS} steps a new
 * view is made and put in the tabs, as a room's is when it opens (over three pulses: FXML, joining
 * the scene, first lines; in one they made a 60-100 ms frame). A fresh JVM runs FXML loading,
 * skins, CSS and text layout in the interpreter until they have run a few hundred times, and the
 * scene's style cache starts empty; without this the first room to open pays for both in one
 * long pulse (56-105 ms against 32-49 ms with it, {@code docs/BENCHMARKS.md}).
 *
 * <p>The views are in the main window's scene, not a scene of its own, because the style cache is
 * kept per scene: a warm-up in a scene of its own left the window's first room to match its nodes
 * against the whole stylesheet again. The scene's own pulses do the CSS and layout, so the code
 * that runs is the code a room runs. The steps start with a view a few lines high, so the coldest
 * pass is a short one, and grow to a room's size only as fast as each pulse stays within its
 * budget (a pulse that took longer halves the next step). After 3,000 lines laid out (or 150
 * steps in all; about 4 s on a 2-core VM, whose pulses take longer than a frame while it runs)
 * the views are dropped. The made-up rooms are not the client's: their controls are out of the
 * window's Tab order and have no handlers, and they never ask for older lines
 * ({@link RoomTab#offscreen}).
 *
 * <p>It ends early when the user's first room opens: that room's own opening warms the same code,
 * and a warm-up step (up to {@value #BUDGET_MS} ms) in the pulses where the room opens made them
 * the longest of all (a first open that overlapped the warm-up's last second: 54 ms).
 */
final class RoomWarmUp extends AnimationTimer {

    /** Work per pulse: a pulse that took longer halves the next step, one that took under half grows it. */
    private static final double BUDGET_MS = 20;
    /** Lines put through the view, after which the code is warm (60 rooms of 50 lines opened or paged). */
    private static final int LINES = 3_000;
    /** At most this many steps (a few seconds), however slow the machine. */
    private static final int MAX_STEPS = 150;
    /** Steps per made-up view: every so many, a new one is made (FXML, skins, a tab joining the scene) as for a room. */
    private static final int VIEW_STEPS = 10;
    private static final double WIDTH = 780;
    private static final double HEIGHT = 560;
    /** Lower, the first cold passes were shorter but VirtualFlow logged "index exceeds maxCellCount" on the console. */
    private static final double MIN_HEIGHT = 200;
    private static final String[] NICKS = {"ada", "grace", "linus", "margaret", "ken", "barbara", "dennis", "frances"};
    private static final String[] WORDS = {"the", "build", "is", "green", "again", "after", "lunch", "we", "ship",
        "on", "friday", "räksmörgås", "你好", "世界", "patch", "review", "looks", "good", "to", "me", "merge", "it"};

    /** Whether this JVM has warmed up already (FX thread only). */
    private static boolean started;

    private final Pane window;
    private final MainViewModel main;
    private final Texts texts;
    private final BooleanSupplier dark;
    /** Tabs as the window's, never drawn: a room's view joins the scene in one, as a room's does. */
    private final TabPane tabs = new TabPane();
    private final Runnable measure = this::measure;
    private final List<ChatLine> samples = samples(120);
    private RoomViewModel room;
    /** The view made this pulse, put in the tabs the next. */
    private RoomTab next;
    private Scene scene;
    private long stepStart;
    private int step;
    private int linesDone;
    /** The view's height now: from a few lines up to a room's, as the budget allows. */
    private double height = MIN_HEIGHT;
    private boolean finished;

    RoomWarmUp(Pane window, MainViewModel main, Texts texts, BooleanSupplier dark) {
        this.window = window;
        this.main = main;
        this.texts = texts;
        this.dark = dark;
        tabs.setManaged(false);
        tabs.setMouseTransparent(true);
        tabs.setFocusTraversable(false);
        // Laid out and styled like the window's tabs, never drawn. Not a clip of nothing: JavaFX drew
        // the made-up room over the window through it, for seconds at every start.
        tabs.setOpacity(0);
    }

    /** A new made-up channel's view, made as a room's is when it opens (FXML), not yet in the tabs. */
    private RoomTab newView() {
        RoomViewModel made = new RoomViewModel("#parley-warm-up", true);
        made.setTopic(new ChannelTopic(made.name(), "Welcome to the warm-up: https://example.org/topic", "ada", Instant.now()));
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < NICKS.length; i++) {
            members.add(new Member(NICKS[i], i % 4 == 0, i % 3 == 2 ? Presence.AWAY : Presence.HERE));
        }
        made.setMembers(members);
        return RoomTab.offscreen(made, main, texts, url -> { }, dark);
    }

    /**
     * Starts the warm-up in the window whose root is {@code window}, in the look it has now; call
     * on the FX thread once it shows. Only the first window of a JVM needs it.
     */
    static void start(Pane window, MainViewModel main, Texts texts, BooleanSupplier dark) {
        if (!started) {
            started = true;
            new RoomWarmUp(window, main, texts, dark).start();
        }
    }

    /** Whether it has stopped and let go of its view (FX thread; for tests). */
    boolean finished() {
        return finished;
    }

    /** Steps run so far (FX thread; for tests). */
    int steps() {
        return step;
    }

    /** Lines put through the view so far (FX thread; for tests). */
    int linesDone() {
        return linesDone;
    }

    /** The made-up rooms' tabs while it runs (FX thread; for tests). */
    TabPane view() {
        return tabs;
    }

    @Override
    public void handle(long now) {
        if (linesDone >= LINES || step >= MAX_STEPS || hasRealRoom() || window.getScene() == null
                || window.getScene().getWindow() == null || !window.getScene().getWindow().isShowing()) {
            finish();
            return;
        }
        if (scene == null) {
            scene = window.getScene();
            scene.addPostLayoutPulseListener(measure);
            window.getChildren().add(tabs);
        }
        stepStart = System.nanoTime();
        tabs.resize(WIDTH, height);
        // A new view takes three pulses, as its costs would not fit one: made from FXML; joining the
        // scene (skins, CSS, an empty layout); then its first lines.
        if (step % VIEW_STEPS == 0) {
            next = newView();
            step++;
            return;
        }
        if (step % VIEW_STEPS == 1) {
            tabs.getTabs().setAll(next.tab());
            room = next.room();
            next = null;
            step++;
            return;
        }
        int lines = (int) Math.max(6, 50 * height / HEIGHT);
        int from = (step * 13) % (samples.size() - lines);
        switch ((step % VIEW_STEPS - 2) % 3) { // each view starts as a room opens, then pages and takes new lines
            case 0 -> { // a room opens with its latest lines, following the end
                room.followingProperty().set(true);
                room.lines().setAll(samples.subList(from, from + lines));
            }
            case 1 -> { // a page of older lines in front, the top line kept in place
                room.followingProperty().set(false);
                int older = Math.min(from, lines / 2);
                room.lines().addAll(0, samples.subList(from - older, from));
            }
            default -> room.lines().add(samples.get(from)); // a new line at the end
        }
        step++;
        linesDone += lines; // the lines the step laid out, whether new or already shown
    }

    /** After the scene's layout: how long this step's pulse took so far decides the next step's size. */
    private void measure() {
        if (stepStart == 0) {
            return;
        }
        double ms = (System.nanoTime() - stepStart) / 1e6;
        stepStart = 0;
        if (ms > BUDGET_MS) {
            height = Math.max(MIN_HEIGHT, height / 2);
        } else if (ms < BUDGET_MS / 2) {
            height = Math.min(HEIGHT, height + 80);
        }
    }

    /** A room of the user's is open: from the next pulse on, the pulses are its own. */
    private boolean hasRealRoom() {
        return main.rooms().stream().anyMatch(room -> !room.isServerRoom());
    }

    private void finish() {
        stop();
        if (scene != null) {
            scene.removePostLayoutPulseListener(measure);
        }
        window.getChildren().remove(tabs);
        tabs.getTabs().clear();
        finished = true;
    }

    /** Lines of every kind a room shows: short and wrapping, links, actions, notices, events, the client's remarks, own lines and mentions. */
    private static List<ChatLine> samples(int count) {
        List<ChatLine> lines = new ArrayList<>(count);
        Instant time = Instant.now();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int words = 3 + (i * 7) % 40;
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[(i + w * 5) % WORDS.length]);
            }
            if (i % 9 == 0) {
                text.append(" https://example.org/notes/").append(i);
            }
            LineKind kind = switch (i % 15) {
                case 5 -> LineKind.ACTION;
                case 7 -> LineKind.INFO;
                case 10 -> LineKind.NOTICE;
                case 12 -> LineKind.JOIN;
                default -> LineKind.MESSAGE;
            };
            String sender = kind == LineKind.JOIN || kind == LineKind.INFO ? "" : NICKS[i % NICKS.length];
            lines.add(new ChatLine("warm-up-" + i, time.plusSeconds(i), sender, text.toString(), kind,
                    i % 11 == 0, i % 17 == 0, false));
        }
        return lines;
    }
}
