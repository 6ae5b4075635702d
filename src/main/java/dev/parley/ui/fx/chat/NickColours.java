package dev.parley.ui.fx.chat;

import dev.parley.protocol.CaseMapping;

/**
 * A stable colour per nick, so a person is recognised at a glance, on every computer and after a
 * restart: the hue comes from a hash of the case-folded nick (String.hashCode is specified, so it
 * is the same everywhere). Brightness is left to the theme.
 */
public final class NickColours {

    private NickColours() {
    }

    /** A hue from 0 to 359, spread by a mixing step so similar nicks get different colours. */
    public static int hue(String nick) {
        int h = CaseMapping.fold(nick).hashCode();
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        h ^= h >>> 16;
        return Math.floorMod(h, 360);
    }
}
