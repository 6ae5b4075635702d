package dev.parley.transport.irc;

import dev.parley.model.Member;
import dev.parley.model.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in each channel we are in, kept up to date from NAMES, JOIN, PART, KICK, QUIT, NICK,
 * MODE, AWAY and WHO, so a member list can be given whole at any time and a QUIT or NICK (which
 * name no channel) can be placed. One per connection.
 */
final class Rosters {

    /** One channel: its name as the server spells it, members by folded nick. */
    private static final class Roster extends LinkedHashMap<String, Member> {
        final String name;

        Roster(String name) {
            this.name = name;
        }
    }

    private final Map<String, Roster> channels = new HashMap<>();

    /** A fresh NAMES list; presence known from before (away-notify, WHO) is kept. */
    List<Member> replace(String channel, List<Member> members) {
        Roster old = channels.get(IrcNames.fold(channel));
        Roster roster = new Roster(channel);
        for (Member member : members) {
            Member before = old == null ? null : old.get(IrcNames.fold(member.nick()));
            roster.put(IrcNames.fold(member.nick()), before == null ? member : member.withPresence(before.presence()));
        }
        channels.put(IrcNames.fold(channel), roster);
        return List.copyOf(roster.values());
    }

    void open(String channel) {
        channels.put(IrcNames.fold(channel), new Roster(channel));
    }

    void drop(String channel) {
        channels.remove(IrcNames.fold(channel));
    }

    void add(String channel, String nick) {
        Roster roster = channels.get(IrcNames.fold(channel));
        if (roster != null) {
            roster.putIfAbsent(IrcNames.fold(nick), new Member(nick, false, presenceOf(nick)));
        }
    }

    void remove(String channel, String nick) {
        Roster roster = channels.get(IrcNames.fold(channel));
        if (roster != null) {
            roster.remove(IrcNames.fold(nick));
        }
    }

    void removeEverywhere(String nick) {
        channels.values().forEach(roster -> roster.remove(IrcNames.fold(nick)));
    }

    void rename(String oldNick, String newNick) {
        for (Roster roster : channels.values()) {
            Member member = roster.remove(IrcNames.fold(oldNick));
            if (member != null) {
                roster.put(IrcNames.fold(newNick), member.withNick(newNick));
            }
        }
    }

    /** True when it changed something. */
    boolean setOp(String channel, String nick, boolean op) {
        Roster roster = channels.get(IrcNames.fold(channel));
        Member member = roster == null ? null : roster.get(IrcNames.fold(nick));
        if (member == null || member.op() == op) {
            return false;
        }
        roster.put(IrcNames.fold(nick), member.withOp(op));
        return true;
    }

    /** Sets someone's presence in every channel; returns the channels (their names) where it changed. */
    List<String> setPresence(String nick, Presence presence) {
        List<String> changed = new ArrayList<>();
        for (Roster roster : channels.values()) {
            Member member = roster.get(IrcNames.fold(nick));
            if (member != null && member.presence() != presence) {
                roster.put(IrcNames.fold(nick), member.withPresence(presence));
                changed.add(roster.name);
            }
        }
        return changed;
    }

    /** Sets presence and rank from a WHO reply for one channel; true when it changed. */
    boolean update(String channel, String nick, boolean op, Presence presence) {
        Roster roster = channels.get(IrcNames.fold(channel));
        Member member = roster == null ? null : roster.get(IrcNames.fold(nick));
        if (member == null || (member.op() == op && member.presence() == presence)) {
            return false;
        }
        roster.put(IrcNames.fold(nick), new Member(member.nick(), op, presence));
        return true;
    }

    boolean has(String channel) {
        return channels.containsKey(IrcNames.fold(channel));
    }

    List<Member> members(String channel) {
        Roster roster = channels.get(IrcNames.fold(channel));
        return roster == null ? List.of() : List.copyOf(roster.values());
    }

    private Presence presenceOf(String nick) {
        for (Roster roster : channels.values()) {
            Member member = roster.get(IrcNames.fold(nick));
            if (member != null) {
                return member.presence();
            }
        }
        return Presence.HERE;
    }
}
