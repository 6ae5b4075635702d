package dev.parley.client;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.protocol.Names;

/** Turns network messages into the lines the faces show, and tells which room they belong to. */
final class Lines {

    private static final String ACTION_START = "\u0001ACTION ";

    private Lines() {
    }

    /** A channel message belongs to the channel; a direct one to the other person. */
    static String roomOf(ChatMessage message, Session session) {
        if (Names.hasChannelPrefix(message.target())) {
            return message.target();
        }
        return session.isMe(message.sender()) ? message.target() : message.sender();
    }

    static ChatLine lineOf(ChatMessage message, Session session) {
        String text = message.text();
        LineKind kind = message.kind() == MessageKind.NOTICE ? LineKind.NOTICE : LineKind.MESSAGE;
        if (text.startsWith(ACTION_START)) {
            kind = LineKind.ACTION;
            text = text.substring(ACTION_START.length());
            if (text.endsWith("\u0001")) {
                text = text.substring(0, text.length() - 1);
            }
        }
        boolean own = session.isMe(message.sender());
        boolean mention = !own && session.mentionsMe(text);
        return new ChatLine(message.id(), message.time(), message.sender(), text, kind, own, mention, false);
    }

    static String action(String text) {
        return ACTION_START + text + "\u0001";
    }

    /** What a pending line shows for text as sent (actions without their framing). */
    static ChatLine pendingLine(String localId, Session session, String text, MessageKind kind) {
        LineKind lineKind = kind == MessageKind.NOTICE ? LineKind.NOTICE : LineKind.MESSAGE;
        String shown = text;
        if (text.startsWith(ACTION_START)) {
            lineKind = LineKind.ACTION;
            shown = text.substring(ACTION_START.length(), text.length() - 1);
        }
        return new ChatLine(localId, session.now(), session.nick(), shown, lineKind, true, false, true);
    }
}
