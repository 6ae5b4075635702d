package dev.parley.ui.fx.chat;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.client.ChatListener;
import dev.parley.client.ChatService;
import dev.parley.client.ConnectionStatus;
import dev.parley.client.command.CommandHelp;
import dev.parley.model.ChannelSummary;
import dev.parley.model.Member;
import dev.parley.protocol.CaseMapping;
import dev.parley.protocol.Names;
import dev.parley.ui.fx.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state, fed by the client service's events (which the app delivers on the FX
 * thread, a test on its own): the open rooms in tab order, the selected one, the status bar, the
 * window title, and what to notify. User actions go back to the service, which returns at once.
 */
public final class MainViewModel implements ChatListener {

    /** A line that deserves a notification: a mention or a direct message while the window is not focused. */
    public record Notice(String room, ChatLine line) {
    }

    private final ChatService service;
    private final Texts texts;
    private final ObservableList<RoomViewModel> rooms = FXCollections.observableArrayList();
    private final ObjectProperty<RoomViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<ConnectionStatus> status = new SimpleObjectProperty<>(this, "status", ConnectionStatus.offline());
    private final StringProperty statusText = new SimpleStringProperty(this, "statusText", "");
    private final BooleanProperty retryAvailable = new SimpleBooleanProperty(this, "retryAvailable");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty hosting = new SimpleStringProperty(this, "hosting", "");
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(this, "windowFocused", true);
    private final IntegerProperty unseenNotices = new SimpleIntegerProperty(this, "unseenNotices");
    private final Completer completer = new Completer();
    private Consumer<Notice> notifier = notice -> { };
    private Consumer<List<ChannelSummary>> channelListHandler = list -> { };
    private Runnable closedHandler = () -> { };
    private boolean selectingFromService;
    private final LongSupplier nanoClock;
    /** When the status last changed ({@link #nanoClock}): a reconnect's wait counts down from it. */
    private long statusSince;

    public MainViewModel(ChatService service, Texts texts) {
        this(service, texts, System::nanoTime);
    }

    /** With the clock the reconnect countdown reads (tests move it by hand). */
    MainViewModel(ChatService service, Texts texts, LongSupplier nanoClock) {
        this.service = service;
        this.texts = texts;
        this.nanoClock = nanoClock;
        this.statusSince = nanoClock.getAsLong();
        rooms.add(new RoomViewModel(ChatEvent.SERVER_ROOM, false));
        selected.set(rooms.getFirst());
        selected.addListener((obs, was, now) -> {
            if (now != null && !selectingFromService) {
                service.select(now.name());
            }
            updateTitle();
        });
        windowFocused.addListener((obs, was, now) -> {
            if (now) {
                unseenNotices.set(0);
            }
            updateTitle();
        });
        unseenNotices.addListener((obs, was, now) -> updateTitle());
        status.addListener((obs, was, now) -> {
            statusSince = nanoClock.getAsLong();
            statusText.set(describe(now));
            retryAvailable.set(now.reconnecting());
        });
        statusText.set(describe(status.get()));
        updateTitle();
    }

    // --- what views bind to --------------------------------------------------------------------

    public ObservableList<RoomViewModel> rooms() {
        return rooms;
    }

    public ObjectProperty<RoomViewModel> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ConnectionStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText;
    }

    /** Says the status again, for a reconnect's wait that counts down (the window calls it each second). */
    public void refreshStatus() {
        statusText.set(describe(status.get()));
    }

    public BooleanProperty retryAvailableProperty() {
        return retryAvailable;
    }

    /** What this app hosts, for the status bar ("Hosting relay 'lab' on port 6667"); empty when nothing. */
    public StringProperty hostingProperty() {
        return hosting;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The view sets it from the stage, so notices come only when the user is elsewhere. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    public void setNotifier(Consumer<Notice> notifier) {
        this.notifier = notifier;
    }

    public void setChannelListHandler(Consumer<List<ChannelSummary>> handler) {
        this.channelListHandler = handler;
    }

    public void setClosedHandler(Runnable handler) {
        this.closedHandler = handler;
    }

    public RoomViewModel room(String name) {
        for (RoomViewModel room : rooms) {
            if (CaseMapping.fold(room.name()).equals(CaseMapping.fold(name))) {
                return room;
            }
        }
        return null;
    }

    // --- user actions --------------------------------------------------------------------------

    /** The user pressed Enter in a room's input box: text for that room, or a /command. */
    public void submit(RoomViewModel room, String text) {
        if (text.isBlank()) {
            return;
        }
        room.inputHistory().add(text);
        completer.reset();
        service.select(room.name()); // the line belongs to this tab, whatever the service had as current
        service.input(text);
    }

    /** Tab in the input box; null when nothing matches. */
    public Completer.Result complete(RoomViewModel room, String text, int caret) {
        List<String> nicks = new ArrayList<>(room.members().stream().map(Member::nick).toList());
        if (!room.isChannel() && !room.isServerRoom()) {
            nicks.add(room.name());
        }
        nicks.remove(service.nick());
        List<String> channels = rooms.stream().filter(RoomViewModel::isChannel).map(RoomViewModel::name).toList();
        return completer.complete(text, caret, nicks, channels, CommandHelp.commandNames());
    }

    /** Any key but Tab ends a completion cycle. */
    public void completionDone() {
        completer.reset();
    }

    public void join(String channel) {
        String name = channel.strip();
        if (!name.isEmpty()) {
            service.input("/join " + Names.asChannel(name));
        }
    }

    /** Closing a tab: parts a channel, closes a direct conversation; the server tab stays. */
    public void close(RoomViewModel room) {
        if (!room.isServerRoom()) {
            service.input("/part " + room.name());
        }
    }

    public void requestChannelList() {
        service.input("/list");
    }

    /** The user scrolled to the top of a room: fetch the page before its oldest line. */
    public void loadOlder(RoomViewModel room) {
        String before = room.takeOlderRequest();
        if (before != null) {
            service.loadOlder(room.name(), before.isEmpty() ? null : before);
        }
    }

    public void retryNow() {
        service.reconnectNow();
    }

    // --- events from the client service ----------------------------------------------------------

    @Override
    public void onEvent(ChatEvent event) {
        switch (event) {
            case ChatEvent.RoomOpened opened -> openRoom(opened.room(), opened.channel());
            case ChatEvent.RoomClosed closed -> closeRoom(closed.room());
            case ChatEvent.RoomRenamed renamed -> renameRoom(renamed.room(), renamed.newName());
            case ChatEvent.RoomSelected chosen -> selectFromService(chosen.room());
            case ChatEvent.LineAdded added -> lineAdded(added.room(), added.line());
            case ChatEvent.LineConfirmed confirmed -> roomOrServer(confirmed.room()).confirm(confirmed.localId(), confirmed.line());
            case ChatEvent.HistoryLoaded loaded -> roomOrServer(loaded.room()).history(loaded.lines(), loaded.older());
            case ChatEvent.TopicChanged topic -> roomOrServer(topic.room()).setTopic(topic.topic());
            case ChatEvent.MembersChanged members -> roomOrServer(members.room()).setMembers(members.members());
            case ChatEvent.UnreadChanged unread -> roomOrServer(unread.room()).setUnread(unread.unread(), unread.mentions());
            case ChatEvent.Alert alert -> { } // notices are decided here, from the lines, by window focus
            case ChatEvent.StatusChanged changed -> status.set(changed.status());
            case ChatEvent.ChannelsListed listed -> channelListHandler.accept(listed.channels());
            case ChatEvent.Replay replay -> replay.lines().forEach(line -> roomOrServer(replay.room()).append(line));
            case ChatEvent.Closed closed -> closedHandler.run();
        }
    }

    private void openRoom(String name, boolean channel) {
        if (room(name) == null) {
            rooms.add(new RoomViewModel(name, channel));
        }
    }

    private void closeRoom(String name) {
        RoomViewModel room = room(name);
        if (room == null || room.isServerRoom()) {
            return;
        }
        int index = rooms.indexOf(room);
        rooms.remove(room);
        if (selected.get() == room) {
            selected.set(rooms.get(Math.max(0, index - 1)));
        }
    }

    private void renameRoom(String name, String newName) {
        RoomViewModel room = room(name);
        if (room != null && !room.isServerRoom()) {
            room.rename(newName);
            updateTitle(); // the title names the selected room
        }
    }

    private void selectFromService(String name) {
        RoomViewModel room = room(name);
        if (room != null && selected.get() != room) {
            selectingFromService = true;
            try {
                selected.set(room);
            } finally {
                selectingFromService = false;
            }
        }
    }

    private void lineAdded(String name, ChatLine line) {
        RoomViewModel room = room(name);
        if (room == null) {
            openRoom(name, false);
            room = room(name);
        }
        room.append(line);
        boolean direct = !room.isChannel() && !room.isServerRoom();
        if (!windowFocused.get() && !line.own() && line.kind().isChat() && (line.mention() || direct)) {
            unseenNotices.set(unseenNotices.get() + 1);
            notifier.accept(new Notice(room.name(), line));
        }
    }

    /** Events for a room the view has not seen opened (the server room, say) still land somewhere. */
    private RoomViewModel roomOrServer(String name) {
        RoomViewModel room = room(name);
        return room != null ? room : rooms.getFirst();
    }

    private String describe(ConnectionStatus s) {
        String where = s.endpoint();
        String base;
        if (s.connected()) {
            base = s.nick().isEmpty() ? texts.get("status.connected", where) : texts.get("status.connectedAs", where, s.nick());
        } else if (s.connecting()) {
            base = texts.get("status.connecting", where);
        } else if (s.reconnecting()) {
            long leftMillis = s.retryIn().toMillis() - (nanoClock.getAsLong() - statusSince) / 1_000_000;
            base = texts.get("status.reconnecting", where, Math.max(1, (leftMillis + 999) / 1000));
        } else {
            base = texts.get("status.offline");
        }
        String why = s.detail().isEmpty() ? "" : " (" + s.detail() + ")";
        String pending = s.pending() == 0 ? "" : " · " + texts.get("status.pending", s.pending());
        return base + why + pending;
    }

    private void updateTitle() {
        RoomViewModel room = selected.get();
        String where = room == null || room.isServerRoom() ? "" : " — " + room.name();
        int notices = unseenNotices.get();
        title.set((notices > 0 ? "(" + notices + ") " : "") + texts.get("app.title") + where);
    }
}
