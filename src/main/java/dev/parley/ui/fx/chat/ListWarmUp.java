package dev.parley.ui.fx.chat;

import dev.parley.client.ChatLine;
import dev.parley.client.LineKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/**
 * Runs the message list's code before the user opens a room: right after the main window
 * appears, a list off screen (in a scene of its own with the window's stylesheets, never shown)
 * takes made-up lines of every kind, one small step a pulse, as a room's list takes them when it
 * opens and pages back. A fresh JVM runs cell layout, CSS and text layout in the interpreter
 * until they have run a few hundred times; without this the first room to open pays for that in
 * one long pulse.
 *
 * <p>The steps start with a list a few lines high, so the coldest pass is a short one, and grow to
 * a room's size only as fast as each step stays within its budget (a step that took longer halves
 * the next one). After 3,000 lines (or 150 steps in all) the list and its scene are dropped.
 */
final class ListWarmUp extends AnimationTimer {

    /** Work per pulse: a step that took longer halves the next one, one that took under half grows it. */
    private static final double BUDGET_MS = 20;
    /** Lines put through the list, after which the code is warm (60 rooms of 50 lines opened or paged). */
    private static final int LINES = 3_000;
    /** At most this many steps (a few seconds), however slow the machine. */
    private static final int MAX_STEPS = 150;
    private static final double WIDTH = 780;
    private static final double HEIGHT = 560;
    /** Lower, the first cold passes were shorter but VirtualFlow logged "index exceeds maxCellCount" on the console. */
    private static final double MIN_HEIGHT = 160;
    private static final String[] NICKS = {"ada", "grace", "linus", "margaret", "ken", "barbara", "dennis", "frances"};
    private static final String[] WORDS = {"the", "build", "is", "green", "again", "after", "lunch", "we", "ship",
        "on", "friday", "räksmörgås", "你好", "世界", "patch", "review", "looks", "good", "to", "me", "merge", "it"};

    /** Whether this JVM has warmed up already (FX thread only). */
    private static boolean started;

    private final Parent window;
    private final ListView<ChatLine> list = new ListView<>();
    private final ObservableList<ChatLine> items = FXCollections.observableArrayList();
    private final BorderPane root = new BorderPane(list);
    private final Scene scene = new Scene(root, WIDTH, HEIGHT);
    private final List<ChatLine> samples = samples(120);
    private int step;
    private int linesDone;
    /** The list's height now: from a few lines up to a room's, as the budget allows. */
    private double height = MIN_HEIGHT;
    private boolean finished;

    ListWarmUp(Parent window, Consumer<String> linkOpener, BooleanSupplier dark) {
        this.window = window;
        scene.getStylesheets().setAll(window.getScene().getStylesheets());
        root.setStyle(window.getStyle());
        root.getStyleClass().add("room");
        root.getStyleClass().addAll(window.getStyleClass().filtered(c -> c.equals("light") || c.equals("dark")));
        list.getStyleClass().add("messages");
        list.setFocusTraversable(false);
        list.setItems(items);
        list.setCellFactory(view -> new MessageCell(linkOpener, dark));
    }

    /**
     * Starts the warm-up for the window whose root is {@code window}, in the look it has now; call
     * on the FX thread once it shows. Only the first window of a JVM needs it.
     */
    static void start(Parent window, Consumer<String> linkOpener, BooleanSupplier dark) {
        if (!started) {
            started = true;
            new ListWarmUp(window, linkOpener, dark).start();
        }
    }

    /** Whether it has stopped and let go of its lines (FX thread; for tests). */
    boolean finished() {
        return finished;
    }

    /** Steps run so far (FX thread; for tests). */
    int steps() {
        return step;
    }

    /** Lines put through the list so far (FX thread; for tests). */
    int linesDone() {
        return linesDone;
    }

    @Override
    public void handle(long now) {
        if (linesDone >= LINES || step >= MAX_STEPS || window.getScene() == null
                || window.getScene().getWindow() == null || !window.getScene().getWindow().isShowing()) {
            stop();
            items.clear();
            finished = true;
            return;
        }
        long start = System.nanoTime();
        list.setPrefHeight(height);
        list.setMaxHeight(height);
        int lines = (int) Math.max(6, 50 * height / HEIGHT);
        int from = (step * 13) % (samples.size() - lines);
        switch (step % 3) {
            case 0 -> {
                items.setAll(samples.subList(from, from + lines)); // a room opens with its latest lines
                list.scrollTo(items.size() - 1);
            }
            case 1 -> {
                int older = Math.min(from, lines / 2); // a page of older lines in front, the top line kept in place
                items.addAll(0, samples.subList(from - older, from));
                list.scrollTo(older);
            }
            default -> list.refresh(); // new cells, as a room's list makes when it first shows
        }
        root.applyCss();
        root.layout();
        step++;
        linesDone += lines;
        double ms = (System.nanoTime() - start) / 1e6;
        if (ms > BUDGET_MS) {
            height = Math.max(MIN_HEIGHT, height / 2);
        } else if (ms < BUDGET_MS / 2) {
            height = Math.min(HEIGHT, height + 80);
        }
    }

    /** Lines of every kind a room shows: short and wrapping, links, actions, notices, events, own and mentions. */
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
                case 10 -> LineKind.NOTICE;
                case 12 -> LineKind.JOIN;
                default -> LineKind.MESSAGE;
            };
            String sender = kind == LineKind.JOIN ? "" : NICKS[i % NICKS.length];
            lines.add(new ChatLine("warm-up-" + i, time.plusSeconds(i), sender, text.toString(), kind,
                    i % 11 == 0, i % 17 == 0, false));
        }
        return lines;
    }
}
