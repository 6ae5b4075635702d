package dev.parley.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AroundWindowTest {

    @ParameterizedTest(name = "{0} slots, {1} before, {2} after -> {3} + {4}")
    @CsvSource({
            "4, 10, 10, 2, 2",
            "5, 10, 10, 3, 2",
            "1, 10, 10, 1, 0",
            "0, 10, 10, 0, 0",
            "4, 0, 10, 0, 4",
            "4, 1, 10, 1, 3",
            "4, 10, 1, 3, 1",
            "4, 10, 0, 4, 0",
            "10, 2, 3, 2, 3"})
    void splitsHalfEachAndGivesSpareSlotsAway(int slots, int before, int after, int takeBefore, int takeAfter) {
        assertEquals(new AroundWindow(takeBefore, takeAfter), AroundWindow.split(slots, before, after));
    }
}
