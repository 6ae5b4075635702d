package dev.parley.ui.fx.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputHistoryTest {

    @Test
    void upWalksBackAndDownReturnsToTheDraft() {
        InputHistory h = new InputHistory(10);
        h.add("one");
        h.add("two");
        assertEquals("two", h.previous("half-typed"));
        assertEquals("one", h.previous("two"));
        assertEquals("one", h.previous("one"), "stays at the oldest");
        assertEquals("two", h.next());
        assertEquals("half-typed", h.next(), "the line being written is not lost");
        assertEquals("half-typed", h.next());
    }

    @Test
    void blankLinesAndRepeatsAreNotKeptAndTheLimitHolds() {
        InputHistory h = new InputHistory(2);
        h.add("a");
        h.add("a");
        h.add("  ");
        h.add("b");
        h.add("c");
        assertEquals("c", h.previous(""));
        assertEquals("b", h.previous("c"));
        assertEquals("b", h.previous("b"));
    }

    @Test
    void emptyHistoryKeepsWhatIsTyped() {
        InputHistory h = new InputHistory(5);
        assertEquals("draft", h.previous("draft"));
        assertEquals("draft", h.next());
    }
}
