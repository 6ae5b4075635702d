package dev.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a byte stream into IRC lines.
 *
 * <pre>
 *   [ '@' tags ' ' ]  body  [ CR ] LF
 *   |<-- <= 8191 -->| |<- <= 512 incl. CRLF ->|
 * </pre>
 *
 * <p>Accepts several lines in one read and one line over many reads; ends a line at LF with or
 * without CR; skips empty lines. Memory is bounded: at most one longest legal line is buffered,
 * and the buffer starts small and grows only as long lines need it (a relay holds one framer per
 * idle client).
 * A line over a limit is reported once through {@link Sink#tooLong} (so the caller can answer
 * 417 ERR_INPUTTOOLONG) and its bytes are thrown away up to its LF. Bytes are decoded as UTF-8
 * with U+FFFD for invalid sequences, never an exception. Not thread-safe: one per connection.
 */
public final class LineFramer {

    /** The body limit of RFC 1459, counting the CRLF. */
    public static final int MAX_BODY_BYTES = 512;
    /** The IRCv3 tags limit, counting the leading '@' and the space after the tags. */
    public static final int MAX_TAGS_BYTES = 8191;

    /** Which limit a rejected line broke. */
    public enum Limit { BODY, TAGS }

    /** Receives what the framer cuts out. */
    public interface Sink {
        void line(String line);

        void tooLong(Limit limit);
    }

    private final int maxBody;
    private final int maxTags;
    private static final int INITIAL_CAPACITY = 256;

    /** The longest legal line without its LF: all the tags, the body and its CR. */
    private final int capacity;
    private byte[] buffer;
    private int length;
    private boolean discarding;

    public LineFramer() {
        this(MAX_BODY_BYTES, MAX_TAGS_BYTES);
    }

    /** Limits as on the wire: {@code maxBody} counts the CRLF, {@code maxTags} the '@' and space. */
    public LineFramer(int maxBody, int maxTags) {
        if (maxBody < 3 || maxTags < 2) {
            throw new IllegalArgumentException("limits too small");
        }
        this.maxBody = maxBody;
        this.maxTags = maxTags;
        this.capacity = maxTags + maxBody - 1;
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, capacity)];
    }

    /** Feeds {@code count} bytes from {@code bytes[offset]}; calls the sink for every whole line. */
    public void feed(byte[] bytes, int offset, int count, Sink sink) {
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            int lf = indexOfLf(bytes, pos, end);
            int segmentEnd = lf < 0 ? end : lf;
            if (!discarding) {
                append(bytes, pos, segmentEnd - pos, sink);
            }
            if (lf < 0) {
                return;
            }
            if (!discarding) {
                completeLine(sink);
            }
            discarding = false;
            length = 0;
            pos = lf + 1;
        }
    }

    /** Bytes held for an unfinished line. */
    public int buffered() {
        return length;
    }

    private void append(byte[] bytes, int from, int count, Sink sink) {
        int room = capacity - length;
        if (count > room) {
            // Longer than any legal line can be: say so now and drop the rest up to its LF.
            ensureCapacity(capacity);
            System.arraycopy(bytes, from, buffer, length, room);
            length = capacity;
            sink.tooLong(limitBrokenByPartialLine());
            discarding = true;
            length = 0;
            return;
        }
        ensureCapacity(length + count);
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(capacity, Math.max(needed, buffer.length * 2)));
        }
    }

    private void completeLine(Sink sink) {
        int end = length;
        if (end > 0 && buffer[end - 1] == '\r') {
            end--;
        }
        if (end == 0) {
            return;
        }
        Limit broken = limitBrokenByLine(end);
        if (broken != null) {
            sink.tooLong(broken);
            return;
        }
        sink.line(new String(buffer, 0, end, StandardCharsets.UTF_8));
    }

    /** For a whole line of {@code end} bytes (CR and LF removed): the broken limit, or null. */
    private Limit limitBrokenByLine(int end) {
        int tagsLength = 0;
        if (buffer[0] == '@') {
            int space = indexOf(buffer, (byte) ' ', 0, end);
            tagsLength = space < 0 ? end : space + 1;
            if (tagsLength > maxTags) {
                return Limit.TAGS;
            }
        }
        int bodyWithCrLf = end - tagsLength + 2;
        return bodyWithCrLf > maxBody ? Limit.BODY : null;
    }

    private Limit limitBrokenByPartialLine() {
        boolean tagsUnfinished = buffer[0] == '@' && indexOf(buffer, (byte) ' ', 0, Math.min(length, maxTags)) < 0;
        return tagsUnfinished ? Limit.TAGS : Limit.BODY;
    }

    private static int indexOfLf(byte[] bytes, int from, int to) {
        return indexOf(bytes, (byte) '\n', from, to);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
