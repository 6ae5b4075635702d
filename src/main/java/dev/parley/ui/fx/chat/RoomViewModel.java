package dev.parley.ui.fx.chat;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.model.ChannelTopic;
import dev.parley.model.Member;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One tab's state: a channel, a direct conversation, or the server's own lines. Holds a window
 * of lines, not the whole history: while the user follows the end it keeps the last
 * {@link #FOLLOW_WINDOW} lines; scrolling up loads older pages, up to {@link #MAX_WINDOW} lines in
 * all, and returning to the end drops them again. Touched only on the FX thread.
 */
public final class RoomViewModel {

    public static final int FOLLOW_WINDOW = 1_000;
    public static final int MAX_WINDOW = 10_000;

    /** Members sorted as a member list shows them: operators first, then by nick. */
    private static final Comparator<Member> MEMBER_ORDER = Comparator.comparing((Member m) -> !m.op())
            .thenComparing(m -> m.nick().toLowerCase(java.util.Locale.ROOT));

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final boolean channel;
    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
    private final Set<String> lineIds = new HashSet<>();
    private final ObservableList<Member> members = FXCollections.observableArrayList();
    private final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    private final IntegerProperty unread = new SimpleIntegerProperty(this, "unread");
    private final IntegerProperty mentions = new SimpleIntegerProperty(this, "mentions");
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", true);
    private final InputHistory inputHistory = new InputHistory(200);
    private boolean olderRequested;
    private boolean noOlder;

    public RoomViewModel(String name, boolean channel) {
        this.name.set(name);
        this.channel = channel;
        following.addListener((obs, was, now) -> {
            if (now) {
                trimTo(FOLLOW_WINDOW);
            }
        });
    }

    public String name() {
        return name.get();
    }

    /** A direct conversation's name follows its partner's nick. */
    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    /** A channel (as opposed to a direct conversation or the server room). */
    public boolean isChannel() {
        return channel;
    }

    public boolean isServerRoom() {
        return ChatEvent.SERVER_ROOM.equals(name.get());
    }

    public ObservableList<ChatLine> lines() {
        return lines;
    }

    public ObservableList<Member> members() {
        return members;
    }

    public ReadOnlyStringProperty topicProperty() {
        return topic;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    public ReadOnlyIntegerProperty mentionsProperty() {
        return mentions;
    }

    /** True while the user's view is at the end of the list (new lines scroll into view). */
    public BooleanProperty followingProperty() {
        return following;
    }

    public InputHistory inputHistory() {
        return inputHistory;
    }

    // --- from the client service ---------------------------------------------------------------

    void rename(String newName) {
        name.set(newName);
    }

    void append(ChatLine line) {
        if (!lineIds.add(line.id())) {
            return;
        }
        lines.add(line);
        trimTo(following.get() ? FOLLOW_WINDOW : MAX_WINDOW);
    }

    void confirm(String localId, ChatLine line) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).id().equals(localId)) {
                lineIds.remove(localId);
                if (lineIds.add(line.id())) {
                    lines.set(i, line);
                } else {
                    lines.remove(i); // the confirmed copy came in by another way first
                }
                return;
            }
        }
        append(line);
    }

    /** Stored lines: {@code older} ones go in front of what is shown, others at the end. */
    void history(List<ChatLine> page, boolean older) {
        if (!older) {
            page.forEach(this::append);
            return;
        }
        olderRequested = false;
        List<ChatLine> fresh = new ArrayList<>();
        for (ChatLine line : page) {
            if (lineIds.add(line.id())) {
                fresh.add(line);
            }
        }
        if (fresh.isEmpty()) {
            noOlder = true; // the store has nothing before what is shown
            return;
        }
        int room = Math.max(0, MAX_WINDOW - lines.size());
        List<ChatLine> kept = fresh.subList(Math.max(0, fresh.size() - room), fresh.size());
        fresh.subList(0, fresh.size() - kept.size()).forEach(l -> lineIds.remove(l.id()));
        lines.addAll(0, kept);
    }

    void setTopic(ChannelTopic value) {
        topic.set(value == null ? "" : value.text());
    }

    void setMembers(List<Member> list) {
        List<Member> sorted = new ArrayList<>(list);
        sorted.sort(MEMBER_ORDER);
        members.setAll(sorted);
    }

    void setUnread(int count, int mentionCount) {
        unread.set(count);
        mentions.set(mentionCount);
    }

    // --- paging --------------------------------------------------------------------------------

    /**
     * The id to load older lines before, once per answer: null when a request is out, when the
     * store said there is nothing older, or when the window is full.
     */
    String takeOlderRequest() {
        if (olderRequested || noOlder || lines.size() >= MAX_WINDOW) {
            return null;
        }
        String oldest = ChatLine.oldestStoredId(lines);
        olderRequested = true;
        return oldest == null ? "" : oldest;
    }

    private void trimTo(int limit) {
        int excess = lines.size() - limit;
        if (excess <= 0) {
            return;
        }
        List<ChatLine> dropped = lines.subList(0, excess);
        dropped.forEach(l -> lineIds.remove(l.id()));
        dropped.clear();
        noOlder = false; // what was dropped can be fetched again
    }
}
