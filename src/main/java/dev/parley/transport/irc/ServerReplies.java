package dev.parley.transport.irc;

import dev.parley.model.ChannelSummary;
import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.Numeric;
import dev.parley.transport.TransportListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numeric replies that are not about registration or channel membership: the welcome burst and
 * MOTD, WHOIS, LIST, and every error, in words a person reads.
 *
 * <ul>
 *   <li>info lines ({@code target} null: the server): 002, 003, LUSERS, MOTD (375, 372, 422),
 *       WHOIS (311, 312, 313, 317, 319, 318), 301 (to the conversation with that nick, or with
 *       the WHOIS lines), and any other numeric we do not know, as its text;</li>
 *   <li>{@code channelList}: 321, 322 ... 323;</li>
 *   <li>{@code error}: 4xx and 5xx, with the channel or nick they are about as the target; one
 *       that answers a message of ours becomes {@code sendFailed} for that message instead.</li>
 * </ul>
 */
final class ServerReplies {

    /** The {@code [+nt] } some servers (the relay among them) put before a topic in LIST. */
    private static final Pattern LIST_MODES = Pattern.compile("^\\[\\+[^\\]]*\\] ?");

    private final Session session;
    private final TransportListener listener;
    private List<ChannelSummary> list;
    private String whois;

    ServerReplies(Session session) {
        this.session = session;
        this.listener = session.listener();
    }

    void listRequested() {
        list = new ArrayList<>();
    }

    void onNumeric(Numeric numeric, IrcMessage line) {
        String p1 = line.param(1);
        String text = String.valueOf(line.lastParam());
        switch (numeric) {
            case RPL_YOURHOST, RPL_CREATED, RPL_LUSERCLIENT, RPL_MOTD, RPL_MOTDSTART, ERR_NOMOTD ->
                    listener.info(null, text.startsWith("- ") ? text.substring(2) : text);
            case RPL_MYINFO, RPL_ISUPPORT, RPL_ENDOFMOTD, RPL_UMODEIS -> { }
            case RPL_HOSTHIDDEN -> {
                session.me().learnHost(p1);
                listener.info(null, p1 + " " + text);
            }
            case RPL_WHOISUSER -> {
                whois = p1;
                listener.info(null, p1 + " is " + line.param(2) + "@" + line.param(3) + " (" + text + ")");
            }
            case RPL_WHOISSERVER -> listener.info(null, p1 + " is connected to " + line.param(2) + " (" + text + ")");
            case RPL_WHOISOPERATOR -> listener.info(null, p1 + " is an IRC operator");
            case RPL_WHOISCHANNELS -> listener.info(null, p1 + " is in " + text.trim());
            case RPL_WHOISIDLE -> listener.info(null, p1 + " has been idle " + line.param(2) + " s" + signOn(line));
            case RPL_ENDOFWHOIS -> {
                whois = null;
                listener.info(null, "End of WHOIS " + p1);
            }
            case RPL_AWAY -> listener.info(IrcNames.same(whois, p1) ? null : p1, p1 + " is away: " + text);
            case RPL_LISTSTART -> list = new ArrayList<>();
            case RPL_LIST -> onListEntry(line);
            case RPL_LISTEND -> {
                listener.channelList(list == null ? List.of() : List.copyOf(list));
                list = null;
            }
            case RPL_INVITING -> listener.info(line.param(2), "Invited " + p1 + " to " + line.param(2));
            case RPL_CHANNELMODEIS -> listener.info(p1, "Modes of " + p1 + ": "
                    + String.join(" ", line.params().subList(2, line.params().size())));
            default -> {
                if (line.command().charAt(0) == '4' || line.command().charAt(0) == '5') {
                    onError(line);
                } else {
                    onOther(line);
                }
            }
        }
    }

    /** A numeric without a name here: an error for 4xx and 5xx, else its text as info. */
    void onOther(IrcMessage line) {
        char kind = line.command().charAt(0);
        if (kind == '4' || kind == '5') {
            onError(line);
            return;
        }
        List<String> params = line.params();
        if (params.size() > 1) {
            listener.info(null, String.join(" ", params.subList(1, params.size())));
        }
    }

    private void onListEntry(IrcMessage line) {
        if (line.params().size() < 3) {
            return;
        }
        if (list == null) {
            list = new ArrayList<>(); // a server that skips 321
        }
        int users;
        try {
            users = Integer.parseInt(line.param(2));
        } catch (NumberFormatException e) {
            users = 0;
        }
        String topic = line.params().size() > 3 ? LIST_MODES.matcher(line.lastParam()).replaceFirst("") : "";
        list.add(new ChannelSummary(line.param(1), users, topic));
    }

    private static String signOn(IrcMessage line) {
        if (line.params().size() < 5) {
            return "";
        }
        try {
            return ", signed on " + Instant.ofEpochSecond(Long.parseLong(line.param(3)));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    /**
     * An error numeric. One that answers a message of ours (its label, or without labels a
     * 401/403/404 for a target we wait on) fails that message; a refused join forgets the channel.
     */
    void onError(IrcMessage line) {
        Numeric numeric = Numeric.forCode(line.command());
        String p1 = line.param(1);
        String about = line.params().size() >= 3 ? p1 : null;
        String text = errorText(numeric, line);
        String target = targetOf(numeric, line);
        String label = session.batches().labelOf(line);
        boolean aboutMessage = numeric == Numeric.ERR_NOSUCHNICK || numeric == Numeric.ERR_NOSUCHCHANNEL
                || numeric == Numeric.ERR_CANNOTSENDTOCHAN;
        if ((label != null || aboutMessage) && session.messages().onSendFailed(label, aboutMessage ? about : null, text)) {
            return;
        }
        if (numeric != null && isJoinRefusal(numeric) && about != null) {
            session.memory().joinFailed(about);
        }
        if (numeric == Numeric.ERR_YOUREBANNEDCREEP) {
            listener.error(null, text);
            session.halt("banned from this server");
            return;
        }
        listener.error(target, text);
    }

    private static boolean isJoinRefusal(Numeric numeric) {
        return switch (numeric) {
            case ERR_NOSUCHCHANNEL, ERR_TOOMANYCHANNELS, ERR_CHANNELISFULL, ERR_INVITEONLYCHAN, ERR_BANNEDFROMCHAN,
                 ERR_BADCHANNELKEY, ERR_BADCHANMASK, ERR_NEEDREGGEDNICK -> true;
            default -> false;
        };
    }

    private String targetOf(Numeric numeric, IrcMessage line) {
        if (line.params().size() < 3) {
            return null;
        }
        if (numeric == Numeric.ERR_USERNOTINCHANNEL || numeric == Numeric.ERR_USERONCHANNEL) {
            return line.param(2);
        }
        if (numeric == Numeric.ERR_NOSUCHNICK || session.support().isChannel(line.param(1))) {
            return line.param(1);
        }
        return null;
    }

    /** The error in words: {@code No such nick: bob}, {@code Cannot join #a: wrong key}. */
    static String errorText(Numeric numeric, IrcMessage line) {
        String p1 = String.valueOf(line.param(1));
        String p2 = String.valueOf(line.param(2));
        String server = String.valueOf(line.lastParam());
        if (numeric == null) {
            return line.params().size() >= 3 ? p1 + ": " + server : server;
        }
        return switch (numeric) {
            case ERR_NOSUCHNICK -> "No such nick: " + p1;
            case ERR_NOSUCHSERVER -> "No such server: " + p1;
            case ERR_NOSUCHCHANNEL -> "No such channel: " + p1;
            case ERR_CANNOTSENDTOCHAN -> "Cannot send to " + p1 + ": " + server;
            case ERR_TOOMANYCHANNELS -> "Cannot join " + p1 + ": you are in too many channels";
            case ERR_WASNOSUCHNICK -> "There was no such nick: " + p1;
            case ERR_NORECIPIENT -> "No recipient given";
            case ERR_NOTEXTTOSEND -> "No text to send";
            case ERR_INPUTTOOLONG -> "That line was too long for the server";
            case ERR_UNKNOWNCOMMAND -> "Unknown command: " + p1;
            case ERR_NONICKNAMEGIVEN -> "No nick given";
            case ERR_ERRONEUSNICKNAME -> "Nick " + p1 + " is not allowed on this server";
            case ERR_NICKNAMEINUSE -> "Nick " + p1 + " is taken";
            case ERR_NICKCOLLISION -> "Nick collision: " + p1;
            case ERR_UNAVAILRESOURCE -> p1 + " is temporarily unavailable";
            case ERR_USERNOTINCHANNEL -> p1 + " is not in " + p2;
            case ERR_NOTONCHANNEL -> "You are not in " + p1;
            case ERR_USERONCHANNEL -> p1 + " is already in " + p2;
            case ERR_NOTREGISTERED -> "Not registered with the server yet";
            case ERR_NEEDMOREPARAMS -> "Not enough parameters for " + p1;
            case ERR_ALREADYREGISTERED -> "Already registered";
            case ERR_PASSWDMISMATCH -> "The server refused the password";
            case ERR_YOUREBANNEDCREEP -> "You are banned from this server: " + server;
            case ERR_KEYSET -> "The key of " + p1 + " is already set";
            case ERR_CHANNELISFULL -> "Cannot join " + p1 + ": the channel is full";
            case ERR_UNKNOWNMODE -> "Unknown mode: " + p1;
            case ERR_INVITEONLYCHAN -> "Cannot join " + p1 + ": invitation only";
            case ERR_BANNEDFROMCHAN -> "Cannot join " + p1 + ": you are banned";
            case ERR_BADCHANNELKEY -> "Cannot join " + p1 + ": wrong key";
            case ERR_BADCHANMASK -> "Not a valid channel name: " + p1;
            case ERR_NEEDREGGEDNICK -> "Cannot join " + p1 + ": " + server;
            case ERR_NOPRIVILEGES -> "Permission denied: " + server;
            case ERR_CHANOPRIVSNEEDED -> "You are not a channel operator in " + p1;
            default -> line.params().size() >= 3 ? p1 + ": " + server : server;
        };
    }
}
