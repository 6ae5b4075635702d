package dev.parley.protocol;

/** A line that is not a well-formed IRC message. The message says what is wrong, for a log line. */
public final class IrcParseException extends Exception {

    public IrcParseException(String reason) {
        super(reason);
    }
}
