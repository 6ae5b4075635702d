package dev.parley.transport.irc;

import dev.parley.model.Member;
import dev.parley.model.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gathers NAMES replies (353, as many as the channel needs) until 366 ends them. */
final class NamesCollector {

    private final Map<String, List<Member>> pending = new HashMap<>();

    /** One 353 line: {@code 353 me = #chan :@ada +bob carol}. */
    void add(String channel, String names, ServerSupport support) {
        List<Member> members = pending.computeIfAbsent(IrcNames.fold(channel), k -> new ArrayList<>());
        for (String entry : names.trim().split(" +")) {
            String nick = support.stripPrefixes(entry);
            if (!nick.isEmpty()) {
                String prefixes = entry.substring(0, entry.length() - nick.length());
                // userhost-in-names would add !user@host; we do not ask for it, but be safe
                members.add(new Member(IrcNames.nickOf(nick), support.hasOpPrefix(prefixes), Presence.HERE));
            }
        }
    }

    /** 366: the list for {@code channel}, or null when no 353 came (not a channel we asked about). */
    List<Member> finish(String channel) {
        return pending.remove(IrcNames.fold(channel));
    }
}
