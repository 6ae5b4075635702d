package dev.parley.transport.mesh;

import dev.parley.protocol.CaseMapping;
import dev.parley.protocol.Names;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Names on the wire: peer ids, the sequence streams of a sender, and the PUB/SUB topic frames.
 *
 * <p>A sender numbers each stream on its own: {@code #lab} (a channel, folded) or
 * {@code @<peerId>} (its direct messages to that peer). A receiver only sees the streams it
 * subscribes to, so a per-stream count has no holes that are not losses.
 *
 * <p>Topic frames end in a newline so that one channel's subscription is never a prefix of
 * another's ({@code #lab} and {@code #lab2}): {@code P\n} presence, {@code C#lab\n} a channel,
 * {@code D<peerId>\n} direct messages to that peer.
 */
final class Streams {

    /** The node id rules of {@code discovery.Announcement}: a peer id is its beacon's node id. */
    private static final Pattern PEER_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MeshLimits.MAX_ID_BYTES + "}");
    private static final byte[] PRESENCE_TOPIC = "P\n".getBytes(StandardCharsets.US_ASCII);

    private Streams() {
    }

    static boolean isPeerId(String id) {
        return PEER_ID.matcher(id).matches();
    }

    static boolean isChannel(String name) {
        return Names.isValidChannel(name, MeshLimits.MAX_CHANNEL_LENGTH);
    }

    static boolean isNick(String nick) {
        return Names.isValidNick(nick, MeshLimits.MAX_NICK_LENGTH);
    }

    /** The stream (and store key) of a channel: its folded name. */
    static String ofChannel(String channel) {
        return CaseMapping.fold(channel);
    }

    static String direct(String recipientId) {
        return "@" + recipientId;
    }

    static boolean isDirect(String stream) {
        return stream.startsWith("@");
    }

    static String recipientOf(String directStream) {
        return directStream.substring(1);
    }

    /** A stream as a sender may name it: a folded channel or {@code @} and a peer id. */
    static boolean isStream(String stream) {
        if (isDirect(stream)) {
            return isPeerId(recipientOf(stream));
        }
        return isChannel(stream) && CaseMapping.fold(stream).equals(stream);
    }

    /** A name or reason is shown in lists and consoles: a newline or escape in it could forge lines. */
    static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    /** A reason or away text as it may go on the wire: no control characters, within its limit. */
    static String reason(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        int end = Math.min(plain.length(), MeshLimits.MAX_REASON_LENGTH);
        if (end > 0 && end < plain.length() && Character.isHighSurrogate(plain.charAt(end - 1))) {
            end--;
        }
        return plain.substring(0, end);
    }

    static byte[] presenceTopic() {
        return PRESENCE_TOPIC.clone();
    }

    static byte[] channelTopic(String channel) {
        return ("C" + ofChannel(channel) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] directTopic(String peerId) {
        return ("D" + peerId + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
