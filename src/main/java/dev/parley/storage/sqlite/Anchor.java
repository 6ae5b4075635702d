package dev.parley.storage.sqlite;

import dev.parley.model.ChatMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A {@link dev.parley.storage.HistoryRef} found in a conversation: a stored message, or a time. */
sealed interface Anchor {

    /** A condition on a messages row, {@code column op ?}, and the value for its parameter. */
    record Bound(String condition, long value) {
    }

    /**
     * The order in which a page grows from this point: append order from a message, time order
     * (then append order) from a time. Each is one index walked in order, so a page costs its
     * length however long the history is.
     */
    enum Axis {
        POSITION("m.seq"),
        TIME("m.time_ms", "m.seq");

        private final String[] columns;

        Axis(String... columns) {
            this.columns = columns;
        }

        String orderBy(boolean descending) {
            return Arrays.stream(columns)
                    .map(column -> descending ? column + " DESC" : column)
                    .collect(Collectors.joining(", "));
        }
    }

    Axis axis();

    /** Rows before this point. */
    Bound earlier();

    /** Rows after this point. */
    Bound later();

    /** The time of this point: a message's own time for a message. */
    Instant time();

    /** A message of the conversation, at position {@code seq}. */
    record AtMessage(long seq, ChatMessage message) implements Anchor {
        @Override
        public Bound earlier() {
            return new Bound("seq < ?", seq);
        }

        @Override
        public Bound later() {
            return new Bound("seq > ?", seq);
        }

        @Override
        public Instant time() {
            return message.time();
        }

        @Override
        public Axis axis() {
            return Axis.POSITION;
        }
    }

    record AtTime(Instant time) implements Anchor {
        @Override
        public Bound earlier() {
            return new Bound("time_ms < ?", Millis.ceil(time));
        }

        @Override
        public Bound later() {
            return new Bound("time_ms > ?", Millis.floor(time));
        }

        @Override
        public Axis axis() {
            return Axis.TIME;
        }

        /** Rows at this time or after: the later side of {@code around}. */
        Bound atOrLater() {
            return new Bound("time_ms >= ?", Millis.ceil(time));
        }
    }
}
