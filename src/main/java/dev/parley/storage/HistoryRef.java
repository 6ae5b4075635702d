package dev.parley.storage;

import java.time.Instant;
import java.util.Objects;

/** A point in a conversation's history: a message id or a time (IRCv3 chathistory's msgid= and timestamp=). */
public sealed interface HistoryRef {

    record ById(String id) implements HistoryRef {
        public ById {
            Objects.requireNonNull(id, "id");
        }
    }

    record ByTime(Instant time) implements HistoryRef {
        public ByTime {
            Objects.requireNonNull(time, "time");
        }
    }

    static HistoryRef id(String id) {
        return new ById(id);
    }

    static HistoryRef time(Instant time) {
        return new ByTime(time);
    }
}
