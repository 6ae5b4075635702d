package dev.parley.transport.mesh;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields {@link WireWriter} wrote. Every read is bounded by what is left of the frame
 * and by the field's own limit; any violation is a {@link MalformedFrame}, never an unchecked
 * exception, so a hostile frame cannot get past {@link EnvelopeCodec#decode}.
 */
final class WireReader {

    private final ByteBuffer in;

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
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrame(field + " is not valid UTF-8");
        }
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
