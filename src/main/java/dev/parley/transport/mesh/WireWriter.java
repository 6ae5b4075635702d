package dev.parley.transport.mesh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes the fields of one frame, big-endian; strings as a u16 byte length then UTF-8. */
final class WireWriter {

    private byte[] bytes = new byte[128];
    private int size;

    WireWriter u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
        return this;
    }

    WireWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    WireWriter u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("not a u16: " + value);
        }
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
        return this;
    }

    WireWriter i64(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** A string of at most {@code maxBytes} UTF-8 bytes; longer is the caller's bug. */
    WireWriter str(String value, int maxBytes) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > maxBytes) {
            throw new IllegalArgumentException("field of " + utf8.length + " bytes, at most " + maxBytes);
        }
        u16(utf8.length);
        raw(utf8);
        return this;
    }

    WireWriter raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
