package dev.parley.transport.irc;

import dev.parley.model.ChannelTopic;
import dev.parley.model.Member;
import dev.parley.model.Presence;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.transport.TransportListener;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Channel membership and what goes with it: JOIN, PART, KICK, QUIT, NICK, TOPIC (and 331-333),
 * NAMES (353, 366), MODE (operator rank), AWAY (away-notify, 305/306) and WHO (352, 315).
 *
 * <p>{@code members} is a whole list: after NAMES (on our join, or when asked), after a MODE
 * changed someone's rank, and after a WHO changed someone's presence. Between those, the
 * join/part/kick/quit/nick/away events say what changed.
 */
final class ChannelEvents {

    private final Session session;
    private final TransportListener listener;
    private final Rosters rosters = new Rosters();
    private final NamesCollector names = new NamesCollector();
    private final WhoTracker who = new WhoTracker();
    private final Set<String> changedByWho = new LinkedHashSet<>();
    /** 332 seen, 333 (who set it, when) not yet: by folded channel. */
    private final Map<String, String> topicText = new HashMap<>();

    ChannelEvents(Session session) {
        this.session = session;
        this.listener = session.listener();
    }

    /** After 001: joins every channel we are meant to be in; after a lost link, each catches up. */
    void rejoin() {
        MessageFlow messages = session.messages();
        for (ChannelMemory.Entry channel : session.memory().channels()) {
            session.join(channel.name, channel.key);
            if (session.resuming() && channel.joined) {
                messages.startCatchUp(channel);
            }
        }
        messages.failHeldNotCatchingUp();
    }

    /** Asks WHO for a channel; a silent one (ours, on join) only updates presence. */
    void who(String channel, boolean visible) {
        who.add(channel, visible);
        session.write(IrcMessage.of("WHO", channel));
    }

    void onJoin(IrcMessage line) {
        String channel = line.param(0);
        if (channel == null || line.source() == null) {
            return;
        }
        String nick = IrcNames.nickOf(line.source());
        if (session.me().isMe(nick)) {
            session.me().learnSource(line.source());
            session.memory().joined(channel, session.chat().timeOf(line));
            rosters.open(channel);
            listener.joined(channel, nick);
            if (session.has("away-notify")) {
                who(channel, false); // who is away now; away-notify tells us about changes later
            }
        } else {
            rosters.add(channel, nick);
            listener.joined(channel, nick);
        }
    }

    void onPart(IrcMessage line) {
        String channel = line.param(0);
        if (channel == null || line.source() == null) {
            return;
        }
        String nick = IrcNames.nickOf(line.source());
        if (session.me().isMe(nick)) {
            leftChannel(channel);
        } else {
            rosters.remove(channel, nick);
        }
        listener.parted(channel, nick, line.param(1));
    }

    void onKick(IrcMessage line) {
        String channel = line.param(0);
        String victim = line.param(1);
        if (channel == null || victim == null) {
            return;
        }
        String by = line.source() == null ? "" : IrcNames.nickOf(line.source());
        if (session.me().isMe(victim)) {
            leftChannel(channel);
        } else {
            rosters.remove(channel, victim);
        }
        listener.kicked(channel, victim, by, line.param(2));
    }

    private void leftChannel(String channel) {
        session.memory().forget(channel);
        rosters.drop(channel);
        if (session.messages().catchingUp(channel)) {
            session.messages().finishCatchUp(channel);
        }
    }

    void onQuit(IrcMessage line) {
        if (line.source() == null) {
            return;
        }
        String nick = IrcNames.nickOf(line.source());
        rosters.removeEverywhere(nick);
        listener.quit(nick, line.param(0));
    }

    void onNick(IrcMessage line) {
        String newNick = line.param(0);
        if (newNick == null || line.source() == null) {
            return;
        }
        String oldNick = IrcNames.nickOf(line.source());
        if (session.me().isMe(oldNick)) {
            session.me().nickChanged(newNick);
            session.memory().nick(newNick); // the nick to ask for after a reconnect
        }
        rosters.rename(oldNick, newNick);
        listener.nickChanged(oldNick, newNick);
    }

    void onTopic(IrcMessage line) {
        String channel = line.param(0);
        if (channel == null) {
            return;
        }
        String by = line.source() == null ? "" : IrcNames.nickOf(line.source());
        String text = line.param(1) == null ? "" : line.param(1);
        listener.topic(channel, new ChannelTopic(channel, text, by, session.chat().timeOf(line)), true);
    }

    /** Channel modes: operator rank goes into the member list; every change is shown as info. */
    void onMode(IrcMessage line) {
        String channel = line.param(0);
        if (channel == null || !session.support().isChannel(channel) || line.params().size() < 2) {
            return;
        }
        ServerSupport support = session.support();
        String modes = line.param(1);
        int arg = 2;
        boolean adding = true;
        boolean rankChanged = false;
        for (char mode : modes.toCharArray()) {
            if (mode == '+' || mode == '-') {
                adding = mode == '+';
                continue;
            }
            String param = support.takesParameter(mode, adding) ? line.param(arg++) : null;
            if (param != null && support.isPrefixMode(mode) && support.isOpMode(mode)) {
                rankChanged |= rosters.setOp(channel, param, adding);
            }
        }
        String by = line.source() == null ? "the server" : IrcNames.nickOf(line.source());
        listener.info(channel, by + " sets mode " + String.join(" ", line.params().subList(1, line.params().size())));
        if (rankChanged) {
            listener.members(channel, rosters.members(channel));
        }
    }

    /** away-notify: {@code :nick!u@h AWAY :message} or {@code AWAY} (back). */
    void onAway(IrcMessage line) {
        if (line.source() == null) {
            return;
        }
        String nick = IrcNames.nickOf(line.source());
        String message = line.params().isEmpty() || line.param(0).isEmpty() ? null : line.param(0);
        rosters.setPresence(nick, message == null ? Presence.HERE : Presence.AWAY);
        listener.away(nick, message);
    }

    void onNumeric(Numeric numeric, IrcMessage line) {
        switch (numeric) {
            case RPL_NOTOPIC -> listener.topic(line.param(1),
                    new ChannelTopic(line.param(1), "", "", session.chat().now()), false);
            case RPL_TOPIC -> topicText.put(IrcNames.fold(line.param(1)), String.valueOf(line.param(2)));
            case RPL_TOPICWHOTIME -> onTopicWhoTime(line);
            case RPL_NAMREPLY -> {
                if (line.params().size() >= 4) {
                    names.add(line.param(2), line.param(3), session.support());
                }
            }
            case RPL_ENDOFNAMES -> onEndOfNames(line.param(1));
            case RPL_WHOREPLY -> onWhoReply(line);
            case RPL_ENDOFWHO -> onEndOfWho(line.param(1));
            case RPL_NOWAWAY -> {
                String sent = session.nextAwayAnswered();
                ownAway(sent != null ? sent : session.memory().away() != null ? session.memory().away() : "away");
            }
            case RPL_UNAWAY -> ownAway(null);
            default -> { }
        }
    }

    private void onTopicWhoTime(IrcMessage line) {
        String channel = line.param(1);
        String text = topicText.remove(IrcNames.fold(String.valueOf(channel)));
        if (channel == null || text == null) {
            return;
        }
        String setBy = line.param(2) == null ? "" : IrcNames.nickOf(line.param(2));
        Instant setAt;
        try {
            setAt = Instant.ofEpochSecond(Long.parseLong(String.valueOf(line.param(3))));
        } catch (NumberFormatException e) {
            setAt = session.chat().now();
        }
        listener.topic(channel, new ChannelTopic(channel, text, setBy, setAt), false);
    }

    private void onEndOfNames(String channel) {
        if (channel == null) {
            return;
        }
        String text = topicText.remove(IrcNames.fold(channel));
        if (text != null) { // a server that sends 332 without 333
            listener.topic(channel, new ChannelTopic(channel, text, "", session.chat().now()), false);
        }
        List<Member> list = names.finish(channel);
        if (list == null) {
            list = List.of();
        }
        listener.members(channel, rosters.has(channel) ? rosters.replace(channel, list) : list);
    }

    /** {@code 352 me #chan user host server nick flags :hops realname}. */
    private void onWhoReply(IrcMessage line) {
        if (line.params().size() < 8) {
            return;
        }
        String channel = line.param(1);
        String nick = line.param(5);
        String flags = line.param(6);
        Presence presence = flags.startsWith("G") ? Presence.AWAY : Presence.HERE;
        boolean op = session.support().hasOpPrefix(flags);
        if (session.support().isChannel(channel) && rosters.update(channel, nick, op, presence)) {
            changedByWho.add(channel);
        }
        WhoTracker.Request request = who.current();
        if (request == null || request.visible()) {
            String hopsAndName = line.lastParam();
            int space = hopsAndName.indexOf(' ');
            String realName = space < 0 ? "" : hopsAndName.substring(space + 1);
            StringBuilder text = new StringBuilder(nick).append(" (").append(line.param(2)).append('@')
                    .append(line.param(3)).append(')');
            if (!realName.isEmpty()) {
                text.append(' ').append(realName);
            }
            if (op || presence == Presence.AWAY) {
                text.append(" [").append(op ? "op" : "").append(op && presence == Presence.AWAY ? ", " : "")
                        .append(presence == Presence.AWAY ? "away" : "").append(']');
            }
            listener.info(infoTarget(request), text.toString());
        }
    }

    private void onEndOfWho(String mask) {
        WhoTracker.Request request = who.finish(String.valueOf(mask));
        for (String channel : changedByWho) {
            listener.members(channel, rosters.members(channel));
        }
        changedByWho.clear();
        if (request == null || request.visible()) {
            listener.info(infoTarget(request), "End of WHO " + mask);
        }
    }

    private String infoTarget(WhoTracker.Request request) {
        return request != null && session.support().isChannel(request.mask()) ? request.mask() : null;
    }

    private void ownAway(String message) {
        String nick = session.me().nick();
        rosters.setPresence(nick, message == null ? Presence.HERE : Presence.AWAY);
        listener.away(nick, message);
    }
}
