package dev.parley.config;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The {@code language} setting as the JDK reads it. One rule for every face of the app, so the
 * desktop app's own words ({@code ui.fx.Texts}) and the lines the client service writes into a
 * conversation ({@code client.i18n.ClientTexts}) are always in the same language.
 */
public final class Languages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Languages() {
    }

    /** {@code language} as in the settings ({@link UiSettings#LANGUAGES}): en, sv, zh_CN, or empty for the system's. */
    public static Locale locale(String language) {
        return switch (language) {
            case "" -> Locale.getDefault();
            case "zh_CN" -> Locale.SIMPLIFIED_CHINESE;
            default -> Locale.of(language);
        };
    }

    /**
     * The properties bundle {@code baseName} (UTF-8) in {@code locale}. A language without a
     * bundle of its own gets the base (English) one, never the system's language: the JDK's
     * default lookup would show Swedish to someone who chose English on a Swedish computer.
     */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, Languages.class.getClassLoader(), NO_FALLBACK);
    }

    /**
     * The text for {@code key} in {@code bundle}, always through {@link MessageFormat} (so an
     * apostrophe is written twice), with {0}, {1} ... filled in as {@code locale} writes numbers;
     * the key itself when it is missing, so a gap shows rather than fails.
     */
    public static String format(ResourceBundle bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
