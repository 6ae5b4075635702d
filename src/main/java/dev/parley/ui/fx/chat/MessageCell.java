package dev.parley.ui.fx.chat;

import dev.parley.client.ChatLine;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListCell;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line of a conversation: time, the nick in its colour, and the text with clickable links.
 * Own lines, mentions, actions, notices and quiet events (join, part, quit ...) each get a style
 * class so the stylesheet can tell them apart.
 */
final class MessageCell extends ListCell<ChatLine> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final String[] KIND_CLASSES = {"own", "mention", "event", "action", "notice", "error", "pending"};

    private final Consumer<String> linkOpener;
    private final BooleanSupplier dark;
    private final TextFlow flow = new TextFlow();

    MessageCell(Consumer<String> linkOpener, BooleanSupplier dark) {
        this.linkOpener = linkOpener;
        this.dark = dark;
        getStyleClass().add("message-cell");
        flow.getStyleClass().add("message");
        setPrefWidth(0); // let the list's width, not the text's, decide: long lines wrap
        listViewProperty().addListener((obs, was, list) -> {
            if (list != null) {
                flow.maxWidthProperty().bind(list.widthProperty().subtract(28));
            }
        });
    }

    @Override
    protected void updateItem(ChatLine line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll(KIND_CLASSES);
        if (empty || line == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        flow.getChildren().clear();
        flow.getChildren().add(styled(TIME.format(line.time()) + "  ", "time"));
        switch (line.kind()) {
            case MESSAGE -> said(line, "", "  ");
            case ACTION -> {
                getStyleClass().add("action");
                said(line, "* ", " ");
            }
            case NOTICE -> {
                getStyleClass().add("notice");
                said(line, "-", "-  ");
            }
            case ERROR -> {
                getStyleClass().add("error");
                flow.getChildren().add(styled(line.text(), "body"));
            }
            default -> {
                getStyleClass().add("event");
                addText(line.text());
            }
        }
        if (line.own()) {
            getStyleClass().add("own");
        }
        if (line.mention() && !line.own()) {
            getStyleClass().add("mention");
        }
        if (line.pending()) {
            getStyleClass().add("pending");
        }
        setText(null);
        setGraphic(flow);
    }

    /** Who said it, framed as IRC clients show it ("* ada waves", "-ada- notice"), then the text. */
    private void said(ChatLine line, String before, String after) {
        if (!before.isEmpty()) {
            flow.getChildren().add(styled(before, "body"));
        }
        flow.getChildren().add(nick(line.sender()));
        flow.getChildren().add(styled(after, "body"));
        addText(line.text());
    }

    private Node nick(String sender) {
        Text nick = styled(sender, "nick");
        nick.setFill(Color.hsb(NickColours.hue(sender), 0.75, dark.getAsBoolean() ? 0.95 : 0.6));
        return nick;
    }

    private void addText(String text) {
        for (LinkText.Part part : LinkText.split(text)) {
            if (part.link()) {
                Hyperlink link = new Hyperlink(part.text());
                link.getStyleClass().add("link");
                link.setOnAction(e -> linkOpener.accept(LinkText.target(part.text())));
                flow.getChildren().add(link);
            } else {
                flow.getChildren().add(styled(part.text(), "body"));
            }
        }
    }

    private static Text styled(String text, String styleClass) {
        Text t = new Text(text);
        t.getStyleClass().add(styleClass);
        return t;
    }
}
