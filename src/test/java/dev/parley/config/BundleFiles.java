package dev.parley.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bundle files of the app's texts (the window's and the client service's), for tests that
 * check the translations. Read straight from the files: a ResourceBundle would fill a missing
 * Swedish key from its English parent and hide the gap. Strictly UTF-8: ResourceBundle quietly
 * reads a file that is not as ISO-8859-1, and the translations would come out garbled.
 */
public final class BundleFiles {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private BundleFiles() {
    }

    /**
     * The file of {@code baseName} (as for ResourceBundle) in {@code language} ("" for the English
     * base file, "sv", "zh_CN"); an AssertionError when it is missing or not UTF-8.
     */
    public static Properties load(String baseName, String language) {
        String name = "/" + baseName.replace('.', '/') + (language.isEmpty() ? "" : "_" + language) + ".properties";
        try (InputStream in = BundleFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no bundle " + name);
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        } catch (CharacterCodingException e) {
            throw new AssertionError("bundle " + name + " is not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument numbers a text uses: {@code {0}}, {@code {1,number}} ... give "0", "1" ... */
    public static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
