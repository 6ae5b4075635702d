package dev.parley.transport.mesh;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields {@link WireWriter} wrote. Every read is bounded by what is left of the frame
 * and by the field's own limit; any violation is a {@link MalformedFrame}, never an unchecked
 * exception, so a hostile frame cannot get past {@link EnvelopeCodec#decode}.
 */
final class WireReader {

    private final ByteBuffer in;
    private CharsetDecoder utf8;

    WireReader(byte[] frame) {
        this.in = ByteBuffer.wrap(frame);
    }

    int u8(String field) throws MalformedFrame {
        need(1, field);
        return Byte.toUnsignedInt(in.get());
    }

    boolean bool(String field) throws MalformedFrame {
        int value = u8(field);
        if (value > 1) {
            throw new MalformedFrame(field + " is not a boolean: " + value);
        }
        return value == 1;
    }

    int u16(String field) throws MalformedFrame {
        need(2, field);
        return Short.toUnsignedInt(in.getShort());
    }

    long i64(String field) throws MalformedFrame {
        need(8, field);
        return in.getLong();
    }

    /** A non-negative long, such as a time or a sequence number. */
    long count(String field) throws MalformedFrame {
        long value = i64(field);
        if (value < 0) {
            throw new MalformedFrame(field + " is negative");
        }
        return value;
    }

    String str(String field, int maxBytes) throws MalformedFrame {
        int length = u16(field);
        if (length > maxBytes) {
            throw new MalformedFrame(field + " too long: " + length + " bytes, at most " + maxBytes);
        }
        need(length, field);
        int start = in.position();
        in.position(start + length);
        if (isAscii(start, length)) {
            return new String(in.array(), start, length, StandardCharsets.US_ASCII);
        }
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(in.array(), start, length)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrame(field + " is not valid UTF-8");
        }
    }

    /** Most fields are ASCII: those need no decoder. */
    private boolean isAscii(int start, int length) {
        byte[] bytes = in.array();
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** A list length, checked against a limit before anything is allocated for it. */
    int listSize(String field, int max) throws MalformedFrame {
        int size = u16(field);
        if (size > max) {
            throw new MalformedFrame(field + ": " + size + " entries, at most " + max);
        }
        return size;
    }

    void end() throws MalformedFrame {
        if (in.hasRemaining()) {
            throw new MalformedFrame(in.remaining() + " trailing bytes");
        }
    }

    private void need(int bytes, String field) throws MalformedFrame {
        if (in.remaining() < bytes) {
            throw new MalformedFrame("truncated at " + field);
        }
    }
}
