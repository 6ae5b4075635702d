package dev.parley.client;

import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import dev.parley.model.Member;
import java.util.List;

/**
 * What the client service tells its faces. Values only; delivered through the executor each
 * listener was registered with, in the order they happened. {@code room} is a channel name, a
 * nick for a direct conversation, or {@link #SERVER_ROOM} for the server's own lines.
 */
public sealed interface ChatEvent {

    /** The room for lines that belong to no conversation: MOTD, errors, connection news. */
    String SERVER_ROOM = "*";

    /** A room (channel or direct conversation) appeared: joined, or a first direct message. */
    record RoomOpened(String room, boolean channel) implements ChatEvent { }

    /** A room went away: parted, kicked, closed. */
    record RoomClosed(String room) implements ChatEvent { }

    /** A direct conversation now goes by its partner's new nick; everything else about it stays. */
    record RoomRenamed(String room, String newName) implements ChatEvent { }

    /** The room the user types into changed. */
    record RoomSelected(String room) implements ChatEvent { }

    /** A line to show at the end of a room. */
    record LineAdded(String room, ChatLine line) implements ChatEvent { }

    /** A pending line of ours was confirmed; {@code line} replaces the one whose id was {@code localId}. */
    record LineConfirmed(String room, String localId, ChatLine line) implements ChatEvent { }

    /** Stored lines for a room, oldest first; {@code older} when they go before what is shown. */
    record HistoryLoaded(String room, List<ChatLine> lines, boolean older) implements ChatEvent { }

    /** {@code changedNow}: someone set it just now (a line says so too), not the topic found on joining. */
    record TopicChanged(String room, ChannelTopic topic, boolean changedNow) implements ChatEvent { }

    record MembersChanged(String room, List<Member> members) implements ChatEvent { }

    /** Unread and mention counts of a room changed (selecting a room clears them). */
    record UnreadChanged(String room, int unread, int mentions) implements ChatEvent { }

    /** A mention of the user or a direct message arrived in a room that is not selected. */
    record Alert(String room, ChatLine line) implements ChatEvent { }

    record StatusChanged(ConnectionStatus status) implements ChatEvent { }

    record ChannelsListed(List<ChannelSummary> channels) implements ChatEvent { }

    /** Lines of a room shown again on request (/history), oldest first. */
    record Replay(String room, List<ChatLine> lines) implements ChatEvent { }

    /** The session ended for good (/quit); a console exits on it. */
    record Closed(String reason) implements ChatEvent { }
}
