package dev.parley.protocol;

/**
 * RFC 1459 case mapping (ISUPPORT {@code CASEMAPPING=rfc1459}): ASCII letters fold to lower case,
 * and {@code []\~} are the upper-case forms of <code>{}|^</code>. Names that fold equal are one
 * name: {@code #Lab} and {@code #lab}, {@code Bob[1]} and <code>bob{1}</code>.
 */
public final class CaseMapping {

    public static final String ISUPPORT_NAME = "rfc1459";

    private CaseMapping() {
    }

    public static String fold(String name) {
        char[] chars = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char folded = foldChar(c);
            if (folded != c) {
                if (chars == null) {
                    chars = name.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? name : new String(chars);
    }

    private static char foldChar(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return switch (c) {
            case '[' -> '{';
            case ']' -> '}';
            case '\\' -> '|';
            case '~' -> '^';
            default -> c;
        };
    }
}
