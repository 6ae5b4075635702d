package dev.parley.model;

import java.util.Objects;

/**
 * Someone in a channel, as a member list shows them.
 *
 * @param nick     their nick
 * @param op       channel operator (IRC {@code @})
 * @param presence here, away or unreachable
 */
public record Member(String nick, boolean op, Presence presence) {

    public Member {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(presence, "presence");
    }

    public Member withPresence(Presence newPresence) {
        return new Member(nick, op, newPresence);
    }

    public Member withNick(String newNick) {
        return new Member(newNick, op, presence);
    }

    public Member withOp(boolean newOp) {
        return new Member(nick, newOp, presence);
    }
}
