package dev.parley.client.i18n;

import dev.parley.config.Languages;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words the client service writes into a conversation (connection notes, joins and parts,
 * command errors, /help, and the notes a transport names by key, such as the mesh's), in
 * English, Swedish or Simplified Chinese, from the
 * {@code i18n/messages} bundles next to this class. Log lines and exception messages stay
 * English and do not come from here.
 *
 * <p>Every text is a {@link java.text.MessageFormat} pattern, with or without arguments, so an apostrophe
 * is always written twice in the bundles. Immutable and safe from any thread.
 *
 * <p>A sub-package of its own so that {@code client} and {@code client.command} can both use it
 * without depending on each other in a circle.
 */
public final class ClientTexts {

    static final String BUNDLE = "dev.parley.client.i18n.messages";

    private static final ClientTexts ENGLISH = forLocale(Locale.ENGLISH);

    private final ResourceBundle bundle;
    private final Locale locale;

    private ClientTexts(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The texts in {@code locale}'s language; English when Parley has no translation for it. */
    public static ClientTexts forLocale(Locale locale) {
        return new ClientTexts(Languages.bundle(BUNDLE, locale), locale);
    }

    /** English whatever the system's language: the default of the service, and what tests expect. */
    public static ClientTexts english() {
        return ENGLISH;
    }

    /** The locale asked for (numbers are formatted in it). */
    public Locale locale() {
        return locale;
    }

    /** The text for {@code key} with {0}, {1} ... filled in; the key itself when it is missing. */
    public String get(String key, Object... args) {
        return Languages.format(bundle, locale, key, args);
    }
}
