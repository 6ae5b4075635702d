package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.MeshLimits.MAX_CHANNEL_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_HOST_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_ID_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_NICK_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_REASON_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_STREAM_BYTES;
import static dev.parley.transport.mesh.MeshLimits.MAX_TEXT_BYTES;

import dev.parley.model.ChatMessage;
import dev.parley.model.MessageKind;
import dev.parley.transport.mesh.Envelope.Bye;
import dev.parley.transport.mesh.Envelope.CatchUpRequest;
import dev.parley.transport.mesh.Envelope.CatchUpResponse;
import dev.parley.transport.mesh.Envelope.ChannelHead;
import dev.parley.transport.mesh.Envelope.Chat;
import dev.parley.transport.mesh.Envelope.Heartbeat;
import dev.parley.transport.mesh.Envelope.Hello;
import dev.parley.transport.mesh.Envelope.Part;
import dev.parley.transport.mesh.Envelope.RepairRequest;
import dev.parley.transport.mesh.Envelope.RepairResponse;
import dev.parley.transport.mesh.Envelope.StreamHead;
import java.nio.charset.StandardCharsets;

/**
 * The body frame of every mesh message, version 1. PUB/SUB messages are two frames, the topic
 * ({@link Streams}) then this body; requests and answers on the catch-up sockets are this body
 * alone. Integers are big-endian; {@code str} is a u16 byte length then UTF-8; {@code i64} is
 * signed (times are epoch milliseconds).
 *
 * <pre>
 *   offset  size  field
 *   0       2     magic "PM"
 *   2       1     version = 1
 *   3       1     type
 *   4       ...   the type's fields, in order; nothing may follow them; at most 64 KiB in all
 *
 *   1 CHAT      str id, str senderId, i64 incarnation, str senderNick, i64 time, str stream,
 *               i64 seq (1, 2, ... per sender and stream), u8 kind (0 message, 1 notice, 2 topic),
 *               str target, str text
 *   2 HEARTBEAT str peerId, i64 incarnation, str nick, i64 nickSince, u8 away, [str awayMessage],
 *               u16 pubPort, u16 catchUpPort, u16 n, n x (str channel, i64 head),
 *               u16 m, m x (str stream, i64 head)
 *   3 BYE       str peerId, i64 incarnation, str reason
 *   4 PART      str peerId, i64 incarnation, str channel, str reason
 *   5 HELLO     str peerId, str host, u16 pubPort
 *   6 CATCHUP?  i64 requestId, str peerId, str channel, i64 since, u16 limit
 *   7 CATCHUP!  i64 requestId, str channel, u8 hasTopic, [str text, str setBy, i64 setAt], u8 last,
 *               u16 n, n x (str id, i64 time, str target, str sender, str origin, u8 kind, str text)
 *   8 REPAIR?   i64 requestId, str peerId, i64 incarnation, str stream, i64 fromSeq, i64 toSeq
 *   9 REPAIR!   i64 requestId, i64 incarnation, str stream, i64 oldestAvailable, u8 last,
 *               u16 n, n x (CHAT's fields)
 * </pre>
 *
 * <p>Decoding never throws: a malformed, oversized, foreign or future-version frame comes back
 * as {@link Rejected} with a reason, and every name is checked (nick and channel rules, peer id
 * characters), so what passes is safe to show and to store. A new layout takes a new version.
 */
final class EnvelopeCodec {

    static final int VERSION = 1;
    static final byte MAGIC_0 = 'P';
    static final byte MAGIC_1 = 'M';
    static final int CHAT = 1;
    static final int HEARTBEAT = 2;
    static final int BYE = 3;
    static final int PART = 4;
    static final int HELLO = 5;
    static final int CATCHUP_REQUEST = 6;
    static final int CATCHUP_RESPONSE = 7;
    static final int REPAIR_REQUEST = 8;
    static final int REPAIR_RESPONSE = 9;

    sealed interface Decoded permits Valid, Rejected {
    }

    record Valid(Envelope envelope) implements Decoded {
    }

    record Rejected(String reason) implements Decoded {
    }

    private EnvelopeCodec() {
    }

    // --- encoding ------------------------------------------------------------------------------

    /**
     * The body frame for {@code envelope}.
     *
     * @throws IllegalArgumentException if a field is past its limit or the frame past 64 KiB
     *                                  (callers check user input first; answers are cut to fit)
     */
    static byte[] encode(Envelope envelope) {
        WireWriter out = new WireWriter().u8(MAGIC_0).u8(MAGIC_1).u8(VERSION);
        switch (envelope) {
            case Chat chat -> writeChat(out.u8(CHAT), chat);
            case Heartbeat beat -> {
                out.u8(HEARTBEAT).str(beat.peerId(), MAX_ID_BYTES).i64(beat.incarnation())
                        .str(beat.nick(), MAX_NICK_BYTES).i64(beat.nickSince()).bool(beat.away() != null);
                if (beat.away() != null) {
                    out.str(beat.away(), MAX_REASON_BYTES);
                }
                out.u16(beat.pubPort()).u16(beat.catchUpPort()).u16(beat.channels().size());
                for (ChannelHead head : beat.channels()) {
                    out.str(head.channel(), MAX_CHANNEL_BYTES).i64(head.head());
                }
                out.u16(beat.heads().size());
                for (StreamHead head : beat.heads()) {
                    out.str(head.stream(), MAX_STREAM_BYTES).i64(head.head());
                }
            }
            case Bye bye -> out.u8(BYE).str(bye.peerId(), MAX_ID_BYTES).i64(bye.incarnation())
                    .str(bye.reason(), MAX_REASON_BYTES);
            case Part part -> out.u8(PART).str(part.peerId(), MAX_ID_BYTES).i64(part.incarnation())
                    .str(part.channel(), MAX_CHANNEL_BYTES).str(part.reason(), MAX_REASON_BYTES);
            case Hello hello -> out.u8(HELLO).str(hello.peerId(), MAX_ID_BYTES).str(hello.host(), MAX_HOST_BYTES)
                    .u16(hello.pubPort());
            case CatchUpRequest request -> out.u8(CATCHUP_REQUEST).i64(request.requestId())
                    .str(request.peerId(), MAX_ID_BYTES).str(request.channel(), MAX_CHANNEL_BYTES)
                    .i64(request.since()).u16(request.limit());
            case CatchUpResponse response -> {
                out.u8(CATCHUP_RESPONSE).i64(response.requestId()).str(response.channel(), MAX_CHANNEL_BYTES)
                        .bool(response.topic() != null);
                if (response.topic() != null) {
                    out.str(response.topic().text(), MAX_TEXT_BYTES).str(response.topic().setBy(), MAX_NICK_BYTES)
                            .i64(response.topic().setAt().toEpochMilli());
                }
                out.bool(response.last()).u16(response.messages().size());
                for (ChatMessage message : response.messages()) {
                    writeStored(out, message);
                }
            }
            case RepairRequest request -> out.u8(REPAIR_REQUEST).i64(request.requestId())
                    .str(request.peerId(), MAX_ID_BYTES).i64(request.incarnation())
                    .str(request.stream(), MAX_STREAM_BYTES).i64(request.fromSeq()).i64(request.toSeq());
            case RepairResponse response -> {
                out.u8(REPAIR_RESPONSE).i64(response.requestId()).i64(response.incarnation())
                        .str(response.stream(), MAX_STREAM_BYTES).i64(response.oldestAvailable())
                        .bool(response.last()).u16(response.messages().size());
                for (Chat chat : response.messages()) {
                    writeChat(out, chat);
                }
            }
        }
        if (out.size() > MeshLimits.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + out.size() + " bytes, at most " + MeshLimits.MAX_FRAME_BYTES);
        }
        return out.toByteArray();
    }

    /**
     * Whether a stored message passes the checks {@link #decode} makes on a catch-up answer; a
     * peer leaves out those that do not (from an older version), rather than have the whole
     * frame rejected.
     */
    static boolean canCarry(ChatMessage message) {
        return message.id().length() <= MAX_ID_BYTES && !message.id().isEmpty()
                && message.id().chars().allMatch(c -> c > ' ' && c < 0x7f)
                && Streams.isChannel(message.target()) && Streams.isNick(message.sender())
                && !message.origin().isEmpty() && message.origin().getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES
                && !Streams.hasControl(message.origin()) && message.text().indexOf('\0') < 0
                && message.text().getBytes(StandardCharsets.UTF_8).length <= MAX_TEXT_BYTES;
    }

    /** The bytes {@code chat} takes inside a repair answer. */
    static int size(Chat chat) {
        WireWriter out = new WireWriter();
        writeChat(out, chat);
        return out.size();
    }

    /** The bytes {@code message} takes inside a catch-up answer. */
    static int size(ChatMessage message) {
        WireWriter out = new WireWriter();
        writeStored(out, message);
        return out.size();
    }

    private static void writeStored(WireWriter out, ChatMessage message) {
        out.str(message.id(), MAX_ID_BYTES).i64(message.time().toEpochMilli())
                .str(message.target(), MAX_CHANNEL_BYTES).str(message.sender(), MAX_NICK_BYTES)
                .str(message.origin(), MAX_ID_BYTES).u8(message.kind() == MessageKind.NOTICE ? 1 : 0)
                .str(message.text(), MAX_TEXT_BYTES);
    }

    private static void writeChat(WireWriter out, Chat chat) {
        out.str(chat.id(), MAX_ID_BYTES).str(chat.senderId(), MAX_ID_BYTES).i64(chat.incarnation())
                .str(chat.senderNick(), MAX_NICK_BYTES).i64(chat.time()).str(chat.stream(), MAX_STREAM_BYTES)
                .i64(chat.seq()).u8(chat.kind().code).str(chat.target(), MAX_CHANNEL_BYTES)
                .str(chat.text(), MAX_TEXT_BYTES);
    }

    // --- decoding ------------------------------------------------------------------------------

    /** Reads one body frame; never throws. */
    static Decoded decode(byte[] frame) {
        return EnvelopeReader.decode(frame);
    }
}
