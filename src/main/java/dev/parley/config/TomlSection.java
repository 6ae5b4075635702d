package dev.parley.config;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Typed, checked reads from one table of a TOML file. Every error names the file and the full
 * key; keys nobody asked for are reported by {@link #rejectUnknownKeys()}, so a typo such as
 * {@code prot = 6667} is an error rather than a silently ignored line.
 */
final class TomlSection {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** A name or IPv4 literal (printable ASCII, no colons, slashes or brackets), or a bracketed IPv6 literal; then the port. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Za-z:.%]+]|[\\x21-\\x7e&&[^:/\\[\\]]]+):(\\d{1,5})");

    private final Path file;
    private final String prefix;
    private final TomlTable table;
    private final Set<String> known = new LinkedHashSet<>();

    TomlSection(Path file, String prefix, TomlTable table) {
        this.file = file;
        this.prefix = prefix;
        this.table = table;
    }

    String string(String key, String fallback) throws ConfigException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw wrongType(key, "a string", value);
        }
        return s;
    }

    /** A string that must not be blank when present. */
    String nonBlankString(String key, String fallback) throws ConfigException {
        String value = string(key, fallback);
        if (value != null && value.isBlank()) {
            throw new ConfigException(file, fullKey(key), "must not be empty");
        }
        return value;
    }

    /**
     * A dotted IPv4 address (a broadcast address: where beacons go, so a name or a typo would
     * only fail later, at every beacon).
     */
    String ipv4(String key, String fallback) throws ConfigException {
        String value = nonBlankString(key, fallback);
        if (value != null && !IPV4.matcher(value).matches()) {
            throw new ConfigException(file, fullKey(key), "must be an IPv4 address such as 255.255.255.255, got \"" + value + "\"");
        }
        return value;
    }

    /** An array of {@code host:port} or {@code [v6]:port} strings, the port from 1 to 65535. */
    List<String> hostPorts(String key, List<String> fallback) throws ConfigException {
        List<String> values = stringList(key, fallback);
        for (int i = 0; values != null && i < values.size(); i++) {
            Matcher m = HOST_PORT.matcher(values.get(i).strip());
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                throw new ConfigException(file, fullKey(key) + "[" + i + "]",
                        "must be host:port or [IPv6]:port with a port from 1 to 65535, got \"" + values.get(i) + "\"");
            }
        }
        return values;
    }

    /** An array of channel names: # or &, then no spaces, commas or control characters. */
    List<String> channelNames(String key, List<String> fallback) throws ConfigException {
        List<String> values = stringList(key, fallback);
        for (int i = 0; values != null && i < values.size(); i++) {
            if (!ClientSettings.isChannelName(values.get(i))) {
                throw new ConfigException(file, fullKey(key) + "[" + i + "]",
                        "must be a channel name such as \"#lab\", got \"" + values.get(i) + "\"");
            }
        }
        return values;
    }

    /** An array of strings. */
    List<String> stringList(String key, List<String> fallback) throws ConfigException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof TomlArray array)) {
            throw wrongType(key, "an array of strings", value);
        }
        List<String> strings = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof String s)) {
                throw new ConfigException(file, fullKey(key) + "[" + i + "]", "must be a string, got " + describe(array.get(i)));
            }
            strings.add(s);
        }
        return strings;
    }

    /** A string that must be one of {@code allowed}. */
    String oneOf(String key, Set<String> allowed, String fallback) throws ConfigException {
        String value = string(key, fallback);
        if (!allowed.contains(value)) {
            // An allowed empty string is shown as "" so the list does not start with a bare comma.
            List<String> shown = new TreeSet<>(allowed).stream().map(a -> a.isEmpty() ? "\"\"" : a).toList();
            throw new ConfigException(file, fullKey(key), "must be one of " + String.join(", ", shown)
                    + ", got \"" + value + "\"");
        }
        return value;
    }

    int integer(String key, int min, int max, int fallback) throws ConfigException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long n)) {
            throw wrongType(key, "an integer", value);
        }
        if (n < min || n > max) {
            throw new ConfigException(file, fullKey(key), "must be from " + min + " to " + max + ", got " + n);
        }
        return n.intValue();
    }

    /** An integer or a float from {@code min} to {@code max}. */
    double number(String key, double min, double max, double fallback) throws ConfigException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        double n;
        if (value instanceof Long l) {
            n = l;
        } else if (value instanceof Double d) {
            n = d;
        } else {
            throw wrongType(key, "a number", value);
        }
        if (n < min || n > max || Double.isNaN(n)) {
            throw new ConfigException(file, fullKey(key), "must be from " + trim(min) + " to " + trim(max) + ", got " + trim(n));
        }
        return n;
    }

    private static String trim(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }

    boolean bool(String key, boolean fallback) throws ConfigException {
        Object value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean b)) {
            throw wrongType(key, "true or false", value);
        }
        return b;
    }

    Path path(String key, Path fallback) throws ConfigException {
        String value = nonBlankString(key, null);
        if (value == null) {
            return fallback;
        }
        Path path = Path.of(value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1) : value);
        // A relative path is taken from the config file's folder, not from wherever Parley was started.
        return path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path).normalize();
    }

    /** A sub-table; an absent one reads as empty, so every key falls back to its default. */
    TomlSection section(String key) throws ConfigException {
        Object value = value(key);
        if (value == null) {
            return new TomlSection(file, fullKey(key), null);
        }
        if (!(value instanceof TomlTable t)) {
            throw wrongType(key, "a table ([" + fullKey(key) + "])", value);
        }
        return new TomlSection(file, fullKey(key), t);
    }

    void rejectUnknownKeys() throws ConfigException {
        if (table == null) {
            return;
        }
        for (String key : table.keySet()) {
            if (!known.contains(key)) {
                Set<String> valid = new TreeSet<>(known);
                throw new ConfigException(file, fullKey(key), "unknown key (known here: " + String.join(", ", valid) + ")");
            }
        }
    }

    private Object value(String key) {
        known.add(key);
        return table == null ? null : table.get(List.of(key));
    }

    private ConfigException wrongType(String key, String expected, Object value) {
        return new ConfigException(file, fullKey(key), "must be " + expected + ", got " + describe(value));
    }

    private String fullKey(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    private static String describe(Object value) {
        return switch (value) {
            case String s -> "the string \"" + s + "\"";
            case Long n -> "the integer " + n;
            case Double d -> "the number " + d;
            case Boolean b -> b.toString();
            case TomlTable t -> "a table";
            case TomlArray a -> "an array";
            default -> value.getClass().getSimpleName().replace("Toml", "").toLowerCase() + " " + value;
        };
    }
}
