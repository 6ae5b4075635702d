package dev.parley.relay;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The IRCv3 server-time format: ISO 8601 in UTC with milliseconds, {@code 2026-11-23T10:15:30.123Z}. */
public final class ServerTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ServerTime() {
    }

    public static String format(Instant time) {
        return FORMAT.format(time);
    }

    /** Parses any ISO 8601 instant; null when it is not one. */
    public static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Times are kept at the precision they are shown with, so a replayed time equals the live one. */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }
}
