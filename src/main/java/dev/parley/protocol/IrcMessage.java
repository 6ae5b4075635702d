package dev.parley.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One IRC message: IRCv3 tags, an optional source, a command and its parameters.
 *
 * <p>Values only: the record holds already unescaped tag values and parameters without the
 * leading ':' of a trailing parameter. {@link IrcParser} builds it from a line and
 * {@link IrcWriter} turns it back into one; neither knows about sockets.
 *
 * @param tags    tag keys to unescaped values, in wire order; a tag without a value maps to ""
 * @param source  the prefix without its ':' (a server name or {@code nick!user@host}), or null
 * @param command a command word ({@code PRIVMSG}) or a three-digit numeric ({@code 001})
 * @param params  the parameters; the last one may contain spaces or be empty
 */
public record IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {

    public IrcMessage {
        Objects.requireNonNull(command, "command");
        tags = tags == null || tags.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** A message with no tags and no source, as a client sends it. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    /** A message with a source and no tags, as a server sends it. */
    public static IrcMessage from(String source, String command, String... params) {
        return new IrcMessage(Map.of(), source, command, List.of(params));
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(tags, newSource, command, params);
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    /** This message with one more tag (or a replaced value), keeping the others in order. */
    public IrcMessage withTag(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(tags);
        copy.put(key, value);
        return new IrcMessage(copy, source, command, params);
    }

    public IrcMessage withParams(List<String> newParams) {
        return new IrcMessage(tags, source, command, newParams);
    }

    public IrcMessage withParam(String extra) {
        List<String> copy = new ArrayList<>(params);
        copy.add(extra);
        return new IrcMessage(tags, source, command, copy);
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /** The parameter at {@code index}, or null when there are not that many. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /** The last parameter (usually the text), or null when there are none. */
    public String lastParam() {
        return params.isEmpty() ? null : params.getLast();
    }

    public boolean isNumeric() {
        return command.length() == 3
                && Character.isDigit(command.charAt(0))
                && Character.isDigit(command.charAt(1))
                && Character.isDigit(command.charAt(2));
    }

    /** The nick part of the source ({@code nick} of {@code nick!user@host}), if there is a source. */
    public Optional<String> sourceNick() {
        return source == null ? Optional.empty() : Optional.of(IrcSource.parse(source).nick());
    }

    /** The wire form without CRLF, for logs and tests. */
    @Override
    public String toString() {
        return IrcWriter.formatLenient(this);
    }
}
