package dev.parley.ui.fx.chat;

import dev.parley.client.ChatLine;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
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
 *
 * <p>A cell shows line after line as the list scrolls and as lines come and go, so it keeps its
 * text nodes and sets their text: a node of the same kind and style class in the same place is
 * reused, since a new one costs a stylesheet lookup when it joins the scene. The same line again
 * (the list changed around it) is not drawn again at all.
 */
final class MessageCell extends ListCell<ChatLine> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final List<String> KIND_CLASSES = List.of("own", "mention", "event", "info", "action", "notice", "error", "pending");
    private static final Set<String> KIND_CLASS_SET = Set.copyOf(KIND_CLASSES);

    /** One node of a line: text in a style class; a link when {@code target} is set; a nick when {@code fill} is. */
    private record Piece(String text, String styleClass, String target, Color fill) {
        static Piece of(String text, String styleClass) {
            return new Piece(text, styleClass, null, null);
        }
    }

    private final Consumer<String> linkOpener;
    private final BooleanSupplier dark;
    /** Whether the Tab key reaches the links (not in a view nobody sees, {@link RoomTab#offscreen}). */
    private final boolean linksInTabOrder;
    private final TextFlow flow = new TextFlow();
    /** The line drawn now, and in which theme: cells are asked again for the line they show. */
    private ChatLine drawn;
    private boolean drawnDark;

    MessageCell(Consumer<String> linkOpener, BooleanSupplier dark, boolean linksInTabOrder) {
        this.linkOpener = linkOpener;
        this.dark = dark;
        this.linksInTabOrder = linksInTabOrder;
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
        boolean darkNow = dark.getAsBoolean();
        if (!empty && line != null && line == drawn && darkNow == drawnDark) {
            return; // the list changed around this line: nothing to draw again
        }
        if (empty || line == null) {
            drawn = null;
            setKindClasses(List.of());
            setGraphic(null);
            setText(null);
            return;
        }
        drawn = line;
        drawnDark = darkNow;
        List<Piece> pieces = new ArrayList<>(6);
        List<String> kinds = new ArrayList<>(2);
        pieces.add(Piece.of(TIME.format(line.time()) + "  ", "time"));
        switch (line.kind()) {
            case MESSAGE -> said(pieces, line, "", "  ");
            case ACTION -> {
                kinds.add("action");
                said(pieces, line, "* ", " ");
            }
            case NOTICE -> {
                kinds.add("notice");
                said(pieces, line, "-", "-  ");
            }
            case ERROR -> {
                kinds.add("error");
                pieces.add(Piece.of(line.text(), "body"));
            }
            case INFO -> {
                // The client's and the server's own text (/help, MOTD, WHOIS) is laid out in columns and art for a terminal.
                kinds.add("info");
                addText(pieces, line.text());
            }
            default -> {
                kinds.add("event");
                addText(pieces, line.text());
            }
        }
        if (line.own()) {
            kinds.add("own");
        }
        if (line.mention() && !line.own()) {
            kinds.add("mention");
        }
        if (line.pending()) {
            kinds.add("pending");
        }
        setKindClasses(kinds);
        show(pieces);
        setText(null);
        setGraphic(flow);
    }

    /** Who said it, framed as IRC clients show it ("* ada waves", "-ada- notice"), then the text. */
    private void said(List<Piece> pieces, ChatLine line, String before, String after) {
        if (!before.isEmpty()) {
            pieces.add(Piece.of(before, "body"));
        }
        pieces.add(nick(line.sender()));
        pieces.add(Piece.of(after, "body"));
        addText(pieces, line.text());
    }

    private Piece nick(String sender) {
        return new Piece(sender, "nick", null, Color.hsb(NickColours.hue(sender), 0.75, drawnDark ? 0.95 : 0.6));
    }

    private static void addText(List<Piece> pieces, String text) {
        for (LinkText.Part part : LinkText.split(text)) {
            pieces.add(part.link() ? new Piece(part.text(), "link", LinkText.target(part.text()), null) : Piece.of(part.text(), "body"));
        }
    }

    /** Changes the cell's kind classes only when they differ: each change restyles the cell. */
    private void setKindClasses(List<String> kinds) {
        List<String> now = getStyleClass().stream().filter(KIND_CLASS_SET::contains).toList();
        if (!now.equals(kinds)) {
            getStyleClass().removeAll(KIND_CLASSES);
            getStyleClass().addAll(kinds);
        }
    }

    /** Makes the flow's nodes show {@code pieces}, reusing those that fit. */
    private void show(List<Piece> pieces) {
        ObservableList<Node> children = flow.getChildren();
        for (int i = 0; i < pieces.size(); i++) {
            Node have = i < children.size() ? children.get(i) : null;
            Node node = fit(have, pieces.get(i));
            if (have == null) {
                children.add(node);
            } else if (node != have) {
                children.set(i, node);
            }
        }
        if (children.size() > pieces.size()) {
            children.remove(pieces.size(), children.size());
        }
    }

    private Node fit(Node have, Piece piece) {
        if (piece.target() != null) {
            Hyperlink link = have instanceof Hyperlink reused ? reused : newLink();
            link.setText(piece.text());
            link.setUserData(piece.target());
            link.setVisited(false);
            return link;
        }
        Text text = have instanceof Text reused && reused.getStyleClass().equals(List.of(piece.styleClass())) ? reused : null;
        if (text == null) {
            text = new Text();
            text.getStyleClass().add(piece.styleClass());
        }
        text.setText(piece.text());
        if (piece.fill() != null) {
            text.setFill(piece.fill());
        }
        return text;
    }

    private Hyperlink newLink() {
        Hyperlink link = new Hyperlink();
        link.getStyleClass().add("link");
        link.setFocusTraversable(linksInTabOrder);
        link.setOnAction(e -> linkOpener.accept((String) link.getUserData()));
        return link;
    }
}
