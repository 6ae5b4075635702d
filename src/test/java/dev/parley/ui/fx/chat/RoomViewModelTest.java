package dev.parley.ui.fx.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.client.ChatLine;
import dev.parley.client.LineKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The window of lines a tab keeps: bounded, paged from the store, no duplicates. */
class RoomViewModelTest {

    private static ChatLine line(String id) {
        return new ChatLine(id, Instant.EPOCH, "bob", "text " + id, LineKind.MESSAGE, false, false, false);
    }

    private static List<ChatLine> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> line("m" + i)).toList();
    }

    @Test
    void whileFollowingOnlyTheLastWindowIsKept() {
        RoomViewModel room = new RoomViewModel("#a", true);
        lines(0, RoomViewModel.FOLLOW_WINDOW + 250).forEach(room::append);
        assertEquals(RoomViewModel.FOLLOW_WINDOW, room.lines().size());
        assertEquals("m250", room.lines().getFirst().id());
    }

    @Test
    void readingBackKeepsMoreUntilTheHardLimitAndReturningTrims() {
        RoomViewModel room = new RoomViewModel("#a", true);
        room.followingProperty().set(false);
        lines(0, RoomViewModel.MAX_WINDOW + 5).forEach(room::append);
        assertEquals(RoomViewModel.MAX_WINDOW, room.lines().size());
        room.followingProperty().set(true);
        assertEquals(RoomViewModel.FOLLOW_WINDOW, room.lines().size());
        assertEquals("m" + (RoomViewModel.MAX_WINDOW + 5 - 1), room.lines().getLast().id());
    }

    @Test
    void olderPagesGoInFrontWithoutDuplicates() {
        RoomViewModel room = new RoomViewModel("#a", true);
        room.history(lines(10, 20), false);
        assertEquals("m10", room.takeOlderRequest());
        room.history(lines(5, 12), true);
        assertEquals(15, room.lines().size());
        assertEquals("m5", room.lines().getFirst().id());
        assertEquals("m5", room.takeOlderRequest());
        room.history(List.of(), true);
        assertNull(room.takeOlderRequest(), "the store had nothing older: stop asking");
    }

    @Test
    void aPageNeverGrowsTheWindowPastTheLimit() {
        RoomViewModel room = new RoomViewModel("#a", true);
        room.followingProperty().set(false);
        room.history(lines(1_000_000, 1_000_000 + RoomViewModel.MAX_WINDOW - 10), false);
        room.takeOlderRequest();
        room.history(lines(0, 50), true);
        assertEquals(RoomViewModel.MAX_WINDOW, room.lines().size());
        assertEquals("m40", room.lines().getFirst().id(), "the newest of the page, next to what is shown, are kept");
        assertNull(room.takeOlderRequest(), "full: no more paging until the user returns to the end");
    }

    @Test
    void aConfirmedLineReplacesItsPendingCopy() {
        RoomViewModel room = new RoomViewModel("#a", true);
        ChatLine pending = new ChatLine("local-1", Instant.EPOCH, "ada", "hi", LineKind.MESSAGE, true, false, true);
        room.append(pending);
        room.confirm("local-1", pending.confirmed("net-9", Instant.EPOCH));
        assertEquals(List.of("net-9"), room.lines().stream().map(ChatLine::id).toList());
        room.append(line("net-9"));
        assertEquals(1, room.lines().size(), "the same message by another way is not shown twice");
    }

    @Test
    void droppedLinesCanBeFetchedAgain() {
        RoomViewModel room = new RoomViewModel("#a", true);
        List<ChatLine> all = new ArrayList<>(lines(0, RoomViewModel.FOLLOW_WINDOW + 1));
        all.forEach(room::append);
        room.followingProperty().set(false);
        assertEquals("m1", room.takeOlderRequest());
        room.history(List.of(line("m0")), true);
        assertEquals("m0", room.lines().getFirst().id());
    }
}
