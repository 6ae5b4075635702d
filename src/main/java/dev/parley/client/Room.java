package dev.parley.client;

import dev.parley.model.ChannelTopic;
import dev.parley.model.Member;
import dev.parley.protocol.CaseMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;

/**
 * One conversation as the client keeps it: a channel or a direct conversation, its topic,
 * members, unread counts and its most recent lines. Touched only on the service thread.
 */
final class Room {

    /** Lines kept per room; older ones are fetched again on demand. */
    static final int RECENT_LINES = 1000;
    private static final int SEEN_IDS = 5000;

    private String name;
    private final boolean channel;
    private final Deque<ChatLine> lines = new ArrayDeque<>();
    private final SequencedSet<String> seenIds = new LinkedHashSet<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private ChannelTopic topic;
    private int unread;
    private int mentions;
    private boolean olderRequested;

    Room(String name, boolean channel) {
        this.name = name;
        this.channel = channel;
    }

    String name() {
        return name;
    }

    boolean isChannel() {
        return channel;
    }

    /** A direct conversation follows its partner's new nick; its lines and counts stay. */
    void rename(String newName) {
        name = newName;
    }

    // --- lines ---------------------------------------------------------------------------------

    /** Adds a line at the end; false (and nothing added) when its id was seen already. */
    boolean append(ChatLine line) {
        if (!remember(line.id())) {
            return false;
        }
        lines.addLast(line);
        while (lines.size() > RECENT_LINES) {
            lines.removeFirst();
        }
        return true;
    }

    /**
     * Lines older than everything kept, oldest first; those not kept yet go in front while there
     * is room. Returns them all: a face may keep a different window of lines than this room (the
     * desktop app drops and fetches again as the user scrolls), so it decides what is new to it.
     */
    List<ChatLine> prepend(List<ChatLine> older) {
        Set<String> kept = new HashSet<>();
        lines.forEach(line -> kept.add(line.id()));
        List<ChatLine> fresh = new ArrayList<>();
        for (ChatLine line : older) {
            if (kept.add(line.id())) {
                remember(line.id());
                fresh.add(line);
            }
        }
        for (int i = fresh.size() - 1; i >= 0 && lines.size() < RECENT_LINES; i--) {
            lines.addFirst(fresh.get(i));
        }
        return List.copyOf(older);
    }

    /** Replaces the pending line {@code localId} with its confirmed form; false when it is not here. */
    boolean confirm(String localId, ChatLine confirmed) {
        List<ChatLine> copy = new ArrayList<>(lines);
        for (int i = copy.size() - 1; i >= 0; i--) {
            if (copy.get(i).id().equals(localId)) {
                copy.set(i, confirmed);
                lines.clear();
                lines.addAll(copy);
                remember(confirmed.id());
                return true;
            }
        }
        return false;
    }

    boolean hasSeen(String id) {
        return seenIds.contains(id);
    }

    List<ChatLine> lastLines(int count) {
        List<ChatLine> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    int lineCount() {
        return lines.size();
    }

    /** The oldest network message id kept, for "load older"; null when there is none. */
    String oldestMessageId() {
        return ChatLine.oldestStoredId(lines);
    }

    boolean olderRequested() {
        return olderRequested;
    }

    void setOlderRequested(boolean value) {
        olderRequested = value;
    }

    private boolean remember(String id) {
        if (!seenIds.add(id)) {
            return false;
        }
        while (seenIds.size() > SEEN_IDS) {
            seenIds.removeFirst();
        }
        return true;
    }

    // --- topic and members -----------------------------------------------------------------------

    ChannelTopic topic() {
        return topic;
    }

    void setTopic(ChannelTopic newTopic) {
        topic = newTopic;
    }

    List<Member> members() {
        return List.copyOf(members.values());
    }

    void setMembers(List<Member> list) {
        members.clear();
        list.forEach(m -> members.put(CaseMapping.fold(m.nick()), m));
    }

    Member member(String nick) {
        return members.get(CaseMapping.fold(nick));
    }

    void putMember(Member member) {
        members.put(CaseMapping.fold(member.nick()), member);
    }

    boolean removeMember(String nick) {
        return members.remove(CaseMapping.fold(nick)) != null;
    }

    // --- unread ----------------------------------------------------------------------------------

    int unread() {
        return unread;
    }

    int mentions() {
        return mentions;
    }

    void countUnread(boolean mention) {
        unread++;
        if (mention) {
            mentions++;
        }
    }

    boolean clearUnread() {
        boolean had = unread > 0 || mentions > 0;
        unread = 0;
        mentions = 0;
        return had;
    }
}
