package dev.parley.ui.fx.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NickColoursTest {

    @Test
    void aNickKeepsItsColourWhateverItsCase() {
        assertEquals(NickColours.hue("Ada"), NickColours.hue("ada"));
        assertEquals(NickColours.hue("nick[1]"), NickColours.hue("NICK{1}"), "IRC case mapping: [ ] are { } in upper case");
    }

    @Test
    void similarNicksSpreadOverTheWheel() {
        Set<Integer> hues = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int hue = NickColours.hue("user" + i);
            assertTrue(hue >= 0 && hue < 360);
            hues.add(hue / 30);
        }
        assertTrue(hues.size() >= 6, "20 similar nicks fall in at least 6 of 12 colour sectors: " + hues);
    }
}
