package dev.parley.ui.fx.chat;

import dev.parley.client.ChatLine;
import dev.parley.model.Member;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Views;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * The view of one room ({@code fxml/RoomTab.fxml}): topic bar, message list, member list and
 * input box, in a tab whose header shows the unread and mention counts.
 *
 * <p>The message list shows a copy of the room's lines, brought up to date at most once a pulse
 * (before layout, and only while the tab is selected): a burst of lines, each of which adds one
 * at the end and drops one at the front of the room's window, reaches the list as one change,
 * so its cells are redrawn once a pulse rather than once a line. While the room follows the end
 * the list is put back at the end after each layout; only the user's scrolling (wheel, keys,
 * the scroll bar) decides whether it follows, never the list moving itself because lines came
 * or went.
 */
public final class RoomTab {

    private final RoomViewModel room;
    private final MainViewModel main;
    private final Consumer<String> linkOpener;
    private final BooleanSupplier dark;
    /** A view nobody sees ({@link RoomWarmUp}): out of the Tab order, and nothing in it reaches the service. */
    private final boolean offscreen;
    private final Tab tab = new Tab();
    private final Label badge = new Label();
    private final ObservableList<ChatLine> shown = FXCollections.observableArrayList();
    private final Runnable beforeLayout = this::beforeLayout;
    private final Runnable afterLayout = this::afterLayout;
    /** The room's lines changed since {@link #shown} copied them. */
    private boolean stale;
    /** Lines put in front of the room's window since then. */
    private int prepended;
    /** Between the scene's pre- and post-layout pulse listeners: scroll bar changes are the list's own. */
    private boolean layingOut;
    private VirtualFlow<?> flow;
    private ScrollBar bar;

    @FXML
    private Label topic;
    @FXML
    private SplitPane split;
    @FXML
    private ListView<ChatLine> messages;
    @FXML
    private ListView<Member> members;
    @FXML
    private TextField input;

    public RoomTab(RoomViewModel room, MainViewModel main, Texts texts, Consumer<String> linkOpener, BooleanSupplier dark) {
        this(room, main, texts, linkOpener, dark, false);
    }

    /**
     * A room's view that nobody sees: its controls are out of the window's Tab order and have no
     * handlers, and it never asks for older lines, so nothing in it reaches the service.
     */
    static RoomTab offscreen(RoomViewModel room, MainViewModel main, Texts texts, Consumer<String> linkOpener, BooleanSupplier dark) {
        return new RoomTab(room, main, texts, linkOpener, dark, true);
    }

    private RoomTab(RoomViewModel room, MainViewModel main, Texts texts, Consumer<String> linkOpener, BooleanSupplier dark,
            boolean offscreen) {
        this.room = room;
        this.offscreen = offscreen;
        this.main = main;
        this.linkOpener = linkOpener;
        this.dark = dark;
        tab.setContent(Views.load("RoomTab", this, texts));
        tab.setUserData(room);
        Label name = new Label(texts.get("tab.server"));
        if (!room.isServerRoom()) {
            name.textProperty().bind(room.nameProperty());
        }
        name.getStyleClass().add("tab-name");
        badge.getStyleClass().add("badge");
        HBox header = new HBox(6, name, badge);
        header.getStyleClass().add("tab-header");
        tab.setGraphic(header);
        tab.setClosable(!room.isServerRoom());
        tab.setOnCloseRequest(e -> {
            e.consume(); // the tab goes when the service says the room closed (after PART)
            if (!offscreen) {
                main.close(room);
            }
        });
        room.unreadProperty().addListener((obs, was, now) -> updateBadge());
        room.mentionsProperty().addListener((obs, was, now) -> updateBadge());
        updateBadge();
    }

    public Tab tab() {
        return tab;
    }

    public RoomViewModel room() {
        return room;
    }

    /** Draws the lines again (after a theme change: nick colours depend on it). */
    void refresh() {
        messages.refresh();
    }

    public void focusInput() {
        input.requestFocus();
    }

    @FXML
    private void initialize() {
        topic.textProperty().bind(room.topicProperty());
        topic.visibleProperty().bind(room.topicProperty().isNotEmpty());
        topic.managedProperty().bind(topic.visibleProperty());
        if (!room.isChannel()) {
            split.getItems().remove(members);
        }
        shown.setAll(room.lines());
        messages.setItems(shown);
        messages.setCellFactory(list -> new MessageCell(linkOpener, dark, !offscreen));
        messages.setFocusTraversable(false);
        members.setItems(room.members());
        members.setCellFactory(list -> new MemberCell());
        room.lines().addListener((ListChangeListener<ChatLine>) this::linesChanged);
        room.followingProperty().addListener((obs, was, now) -> Platform.requestNextPulse());
        tab.selectedProperty().addListener((obs, was, now) -> Platform.requestNextPulse());
        messages.sceneProperty().addListener((obs, was, now) -> moveTo(was, now));
        moveTo(null, messages.getScene());
        messages.skinProperty().addListener((obs, was, skin) -> Platform.runLater(this::watchScrolling));
        if (offscreen) {
            // Out of the window's Tab order (being transparent hides nothing from it), and no handlers: nothing
            // typed or clicked can reach the service through a view nobody sees.
            input.setFocusTraversable(false);
            members.setFocusTraversable(false);
            return;
        }
        members.setOnMouseClicked(e -> {
            Member m = members.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && m != null) {
                main.submit(room, "/query " + m.nick());
            }
        });
        // A tab's content joins the scene when the tab is first shown: that is when to give the
        // input box the caret, so the user can type without clicking first.
        input.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null && tab.isSelected()) {
                Platform.runLater(input::requestFocus);
            }
        });
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::inputKey);
        input.setOnAction(e -> {
            String text = input.getText();
            input.clear();
            room.followingProperty().set(true);
            main.submit(room, text);
        });
    }

    private void moveTo(Scene was, Scene now) {
        if (was != null) {
            was.removePreLayoutPulseListener(beforeLayout);
            was.removePostLayoutPulseListener(afterLayout);
        }
        if (now != null) {
            now.addPreLayoutPulseListener(beforeLayout);
            now.addPostLayoutPulseListener(afterLayout);
        }
    }

    private void inputKey(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isControlDown() && !e.isShiftDown() && !e.isAltDown()) {
            Completer.Result r = main.complete(room, input.getText(), input.getCaretPosition());
            if (r != null) {
                input.setText(r.text());
                input.positionCaret(r.caret());
            }
            e.consume(); // Tab completes here; it never moves the focus away from the input
            return;
        }
        if (e.getCode() != KeyCode.SHIFT) {
            main.completionDone();
        }
        if (e.getCode() == KeyCode.UP) {
            input.setText(room.inputHistory().previous(input.getText()));
            input.end();
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN) {
            input.setText(room.inputHistory().next());
            input.end();
            e.consume();
        } else if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN) {
            messages.fireEvent(e.copyFor(messages, messages));
            e.consume();
        }
    }

    /** Notes what changed; the list takes it over before the next layout ({@link #beforeLayout}). */
    private void linesChanged(ListChangeListener.Change<? extends ChatLine> change) {
        while (change.next()) {
            if (change.wasAdded() && !change.wasReplaced() && change.getFrom() == 0
                    && change.getTo() < room.lines().size()) {
                prepended += change.getAddedSize();
            }
        }
        if (!stale) {
            stale = true;
            Platform.requestNextPulse();
        }
    }

    /**
     * Each pulse, before CSS and layout: the list takes the room's lines as they are now, and
     * older lines put in front leave the line that was at the top where it was.
     */
    private void beforeLayout() {
        layingOut = true;
        if (!stale || !tab.isSelected()) {
            return;
        }
        stale = false;
        shown.setAll(room.lines());
        if (prepended > 0) {
            messages.scrollTo(prepended);
            prepended = 0;
        }
    }

    /**
     * Each pulse, after layout: a room that follows the end shows it. Layout keeps the top line
     * where it was when lines come or go, which moves the end out of view; put it back and lay the
     * list out again before this pulse renders.
     */
    private void afterLayout() {
        try {
            if (room.followingProperty().get() && flow != null && bar != null && bar.isVisible()
                    && flow.getPosition() < 1) {
                flow.setPosition(1);
                messages.layout();
            }
        } finally {
            layingOut = false;
        }
    }

    /**
     * Reaching the top loads older lines; being at the bottom means following new ones. Only
     * moves made outside layout count: those are the user's.
     */
    private void watchScrolling() {
        if (messages.lookup(".virtual-flow") instanceof VirtualFlow<?> virtualFlow) {
            flow = virtualFlow;
        }
        for (Node node : messages.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar scrollBar && scrollBar.getOrientation() == Orientation.VERTICAL) {
                bar = scrollBar;
                scrollBar.valueProperty().addListener((obs, was, now) -> {
                    if (layingOut || offscreen) {
                        return;
                    }
                    double value = now.doubleValue();
                    room.followingProperty().set(value >= scrollBar.getMax() - 1e-3);
                    if (value <= scrollBar.getMin() + 1e-3 && was.doubleValue() > value) {
                        main.loadOlder(room);
                    }
                });
            }
        }
        Platform.requestNextPulse();
    }

    private void updateBadge() {
        int unread = room.unreadProperty().get();
        int mentions = room.mentionsProperty().get();
        badge.setText(unread == 0 ? "" : Integer.toString(unread));
        badge.setVisible(unread > 0);
        badge.setManaged(unread > 0);
        badge.getStyleClass().remove("mention");
        if (mentions > 0) {
            badge.getStyleClass().add("mention");
        }
    }

    /** The badge's text, for tests and accessibility: the unread count or empty. */
    public String badgeText() {
        return badge.getText();
    }
}
