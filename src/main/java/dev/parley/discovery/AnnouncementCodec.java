package dev.parley.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The beacon payload, version 1. All integers are unsigned, big-endian.
 *
 * <pre>
 *   offset  size   field
 *   0       4      magic "PRLY" (ASCII)
 *   4       1      version = 1
 *   5       1      kind: 1 relay, 2 mesh peer
 *   6       2      TCP port, 1..65535
 *   8       1+n    node id: length n (1..64), then n ASCII bytes of [A-Za-z0-9._:-]
 *   9+n     1+m    name: length m (1..100), then m bytes of UTF-8
 *   10+n+m  1+k    extra: length k (0..64), then k bytes of UTF-8
 *   end = 11+n+m+k <= 239 (MAX_BYTES is 255); nothing may follow the extra text
 * </pre>
 *
 * <p>255 bytes is CZMQ zbeacon's limit, far inside one Ethernet frame, so a beacon is never
 * fragmented. A change of layout takes a new version number: a decoder rejects versions it does
 * not know rather than guess. Decoding never throws: every malformed, oversized or foreign
 * payload comes back as {@link Rejected} with a reason.
 */
public final class AnnouncementCodec {

    public static final int MAX_BYTES = 255;
    public static final int MAX_NAME_BYTES = 100;
    public static final int MAX_EXTRA_BYTES = 64;
    static final byte[] MAGIC = {'P', 'R', 'L', 'Y'};
    static final int VERSION = 1;

    /** The outcome of {@link #decode}. */
    public sealed interface Decoded permits Valid, Rejected {
    }

    public record Valid(Announcement announcement) implements Decoded {
    }

    public record Rejected(String reason) implements Decoded {
    }

    private AnnouncementCodec() {
    }

    /** The announcement as peers will see it: name and extra cut to their byte limits. */
    public static Announcement fit(Announcement announcement) {
        String name = truncateUtf8(announcement.name(), MAX_NAME_BYTES);
        String extra = truncateUtf8(announcement.extra(), MAX_EXTRA_BYTES);
        if (name.equals(announcement.name()) && extra.equals(announcement.extra())) {
            return announcement;
        }
        return new Announcement(announcement.kind(), announcement.nodeId(), name, announcement.tcpPort(), extra);
    }

    /** Encodes {@link #fit fit(announcement)}; the result is at most {@link #MAX_BYTES} long. */
    public static byte[] encode(Announcement announcement) {
        Announcement fitted = fit(announcement);
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.write(fitted.kind().code());
        out.write(fitted.tcpPort() >>> 8);
        out.write(fitted.tcpPort() & 0xFF);
        writeField(out, fitted.nodeId().getBytes(StandardCharsets.US_ASCII));
        writeField(out, fitted.name().getBytes(StandardCharsets.UTF_8));
        writeField(out, fitted.extra().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Decodes a beacon; never throws. */
    public static Decoded decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return new Rejected("empty");
        }
        if (payload.length > MAX_BYTES) {
            return new Rejected("oversized: " + payload.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        for (byte expected : MAGIC) {
            if (!in.hasRemaining() || in.get() != expected) {
                return new Rejected("not a Parley beacon");
            }
        }
        if (in.remaining() < 4) {
            return new Rejected("truncated header");
        }
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            return new Rejected("unknown version " + version);
        }
        ServiceKind kind = ServiceKind.ofCode(Byte.toUnsignedInt(in.get()));
        if (kind == null) {
            return new Rejected("unknown kind");
        }
        int port = Short.toUnsignedInt(in.getShort());
        try {
            String nodeId = readField(in, "node id", Announcement.MAX_NODE_ID_LENGTH);
            String name = readField(in, "name", MAX_NAME_BYTES);
            String extra = readField(in, "extra", MAX_EXTRA_BYTES);
            if (in.hasRemaining()) {
                return new Rejected(in.remaining() + " trailing bytes");
            }
            return new Valid(new Announcement(kind, nodeId, name, port, extra));
        } catch (MalformedField | IllegalArgumentException e) {
            // The record's own checks (node id charset, blank name, port 0) reject the rest.
            return new Rejected(e.getMessage());
        }
    }

    /**
     * The longest prefix of {@code text} whose UTF-8 form fits in {@code maxBytes}, cut between
     * code points (a surrogate pair is never split).
     */
    static String truncateUtf8(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        // A lone surrogate is encoded as one '?' by String.getBytes, so 3 over-counts: safe.
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static void writeField(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readField(ByteBuffer in, String field, int maxBytes) throws MalformedField {
        if (!in.hasRemaining()) {
            throw new MalformedField("truncated before " + field);
        }
        int length = Byte.toUnsignedInt(in.get());
        if (length > maxBytes) {
            throw new MalformedField(field + " too long: " + length + " bytes");
        }
        if (length > in.remaining()) {
            throw new MalformedField("truncated " + field);
        }
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedField(field + " is not valid UTF-8");
        }
    }

    /** A field that cannot be read; caught inside {@link #decode}, never thrown out of it. */
    private static final class MalformedField extends Exception {
        MalformedField(String reason) {
            super(reason, null, false, false);
        }
    }
}
