package dev.parley.transport.irc;

import java.util.function.IntSupplier;

/**
 * Nicks to try when the wanted one is refused during registration.
 *
 * <pre>
 *   433 taken:    ada -> ada_ -> ada__ -> ada1 -> ada2 ... ada9
 *   432 invalid:  for a variant: the same variant cut to the wanted nick's length (the wanted
 *                 one was only taken, so its length is fine): abcdefghi -> abcdefgh_;
 *                 for the wanted nick itself: a safe fallback, Guest + 4 digits (9 characters,
 *                 RFC 2812's length), then its variants
 * </pre>
 * After {@link #MAX_TRIES} refusals it gives up (null).
 */
final class NickVariants {

    static final int MAX_TRIES = 12;
    private static final int SUFFIXES = 11; // _, __, 1..9

    private final IntSupplier random;
    private String base;
    private int maxLength = Integer.MAX_VALUE;
    private int variant;
    private int tries;

    NickVariants(String wanted, IntSupplier random) {
        this.base = wanted;
        this.random = random;
    }

    /** The nick to try after {@code rejected} was taken, or null when there is none left. */
    String afterTaken(String rejected) {
        if (++tries > MAX_TRIES || variant >= SUFFIXES) {
            return null;
        }
        variant++;
        return candidate();
    }

    /** The nick to try after {@code rejected} was refused as erroneous, or null. */
    String afterInvalid(String rejected) {
        if (++tries > MAX_TRIES) {
            return null;
        }
        if (variant == 0 || maxLength != Integer.MAX_VALUE) {
            base = "Guest" + String.format("%04d", Math.floorMod(random.getAsInt(), 10_000));
            maxLength = base.length();
            variant = 0;
            return base;
        }
        maxLength = base.length();
        return candidate();
    }

    private String candidate() {
        String suffix = switch (variant) {
            case 1 -> "_";
            case 2 -> "__";
            default -> Integer.toString(variant - 2);
        };
        int room = Math.max(1, Math.min(base.length(), maxLength - suffix.length()));
        return base.substring(0, room) + suffix;
    }
}
