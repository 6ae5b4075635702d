package dev.parley.storage.sqlite;

import java.util.Collection;

/**
 * A list of strings as a JSON array, so one prepared statement can take any number of keys
 * through SQLite's {@code json_each(?)} instead of a statement per list length.
 */
final class JsonText {

    private JsonText() {
    }

    static String array(Collection<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, value);
        }
        return json.append(']').toString();
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
