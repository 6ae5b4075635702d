package dev.parley.ui.fx.chat;

import dev.parley.client.ChatLine;
import dev.parley.model.Member;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.Views;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/**
 * The view of one room ({@code fxml/RoomTab.fxml}): topic bar, message list, member list and
 * input box, in a tab whose header shows the unread and mention counts.
 */
public final class RoomTab {

    private final RoomViewModel room;
    private final MainViewModel main;
    private final Consumer<String> linkOpener;
    private final BooleanSupplier dark;
    private final Tab tab = new Tab();
    private final Label badge = new Label();

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
        this.room = room;
        this.main = main;
        this.linkOpener = linkOpener;
        this.dark = dark;
        tab.setContent(Views.load("RoomTab", this, texts));
        tab.setUserData(room);
        String title = room.isServerRoom() ? texts.get("tab.server") : room.name();
        Label name = new Label(title);
        name.getStyleClass().add("tab-name");
        badge.getStyleClass().add("badge");
        HBox header = new HBox(6, name, badge);
        header.getStyleClass().add("tab-header");
        tab.setGraphic(header);
        tab.setClosable(!room.isServerRoom());
        tab.setOnCloseRequest(e -> {
            e.consume(); // the tab goes when the service says the room closed (after PART)
            main.close(room);
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
        messages.setItems(room.lines());
        messages.setCellFactory(list -> new MessageCell(linkOpener, dark));
        messages.setFocusTraversable(false);
        members.setItems(room.members());
        members.setCellFactory(list -> new MemberCell());
        members.setOnMouseClicked(e -> {
            Member m = members.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && m != null) {
                main.submit(room, "/query " + m.nick());
            }
        });
        room.lines().addListener((ListChangeListener<ChatLine>) this::linesChanged);
        messages.skinProperty().addListener((obs, was, skin) -> Platform.runLater(this::watchScrolling));
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
        if (!room.lines().isEmpty()) {
            messages.scrollTo(room.lines().size() - 1);
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

    /** New lines scroll into view while following; older ones go in front without moving what is shown. */
    private void linesChanged(ListChangeListener.Change<? extends ChatLine> change) {
        int prepended = 0;
        boolean appended = false;
        while (change.next()) {
            if (change.wasAdded() && !change.wasReplaced()) {
                if (change.getFrom() == 0 && change.getTo() < room.lines().size()) {
                    prepended += change.getAddedSize();
                } else {
                    appended = true;
                }
            }
        }
        if (prepended > 0) {
            messages.scrollTo(prepended);
        } else if (appended && room.followingProperty().get()) {
            messages.scrollTo(room.lines().size() - 1);
        }
    }

    /** Reaching the top loads older lines; being at the bottom means following new ones. */
    private void watchScrolling() {
        for (Node node : messages.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, was, now) -> {
                    double value = now.doubleValue();
                    room.followingProperty().set(value >= bar.getMax() - 1e-3);
                    if (value <= bar.getMin() + 1e-3 && was.doubleValue() > value) {
                        main.loadOlder(room);
                    }
                });
            }
        }
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
