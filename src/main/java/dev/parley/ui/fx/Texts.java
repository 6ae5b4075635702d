package dev.parley.ui.fx;

import dev.parley.config.Languages;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The app's words in the user's language: English, Swedish or Simplified Chinese, from the
 * {@code i18n/messages} resource bundles. The language follows the system unless the settings
 * name one; {@link Languages} decides, the same way as for the client service's lines.
 */
public final class Texts {

    static final String BUNDLE = "dev.parley.ui.fx.i18n.messages";

    private final ResourceBundle bundle;

    private Texts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** {@code language} as in the settings: en, sv, zh_CN, or empty for the system's. */
    public static Texts forLanguage(String language) {
        return new Texts(Languages.bundle(BUNDLE, Languages.locale(language)));
    }

    /** For FXML loaders: {@code %key} in a view. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    /** The text for {@code key}, with {0}, {1} ... filled in; the key itself when it is missing. */
    public String get(String key, Object... args) {
        if (args.length == 0) {
            // As FXML shows them: a text without arguments is not a MessageFormat pattern.
            return bundle.containsKey(key) ? bundle.getString(key) : key;
        }
        return Languages.format(bundle, bundle.getLocale(), key, args);
    }
}
