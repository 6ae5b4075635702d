package dev.parley.ui.fx.connect;

import java.util.List;
import java.util.Objects;

/**
 * Why the dialog cannot connect yet: the field to fix and a text key with its arguments. A key
 * rather than a sentence, so the view words it in the user's language and tests check the rule
 * that broke, not its wording.
 *
 * @param field the field the user has to change
 * @param key   the text in the "connect dialog" section of the bundles
 * @param args  the text's {0}, {1} ...
 */
public record ConnectProblem(Field field, String key, List<String> args) {

    /** The dialog's fields that can be wrong, in the order the dialog shows them. */
    public enum Field { NICK, ADDRESS, HOST_NAME, HOST_PORT, DATA_DIR }

    public ConnectProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    static ConnectProblem of(Field field, String key, String... args) {
        return new ConnectProblem(field, key, List.of(args));
    }
}
