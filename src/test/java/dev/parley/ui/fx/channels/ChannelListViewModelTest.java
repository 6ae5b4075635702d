package dev.parley.ui.fx.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.model.ChannelSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The channel list without a stage: filter, order, and the calls out to the app. */
class ChannelListViewModelTest {

    static final ChannelSummary LOBBY = new ChannelSummary("#lobby", 12, "Say hello");
    static final ChannelSummary MATHS = new ChannelSummary("#maths", 30, "Homework help: Algebra");
    static final ChannelSummary ALGEBRA = new ChannelSummary("#Algebra", 3, "");
    static final ChannelSummary ART = new ChannelSummary("#art", 12, "");
    static final List<ChannelSummary> SERVER = List.of(LOBBY, MATHS, ALGEBRA, ART);

    private final List<String> joined = new ArrayList<>();
    private int refreshes;
    private final ChannelListViewModel model = new ChannelListViewModel(joined::add, () -> refreshes++);

    @Test
    void busiestChannelsComeFirstThenByName() {
        model.show(SERVER);
        assertEquals(List.of(MATHS, ART, LOBBY, ALGEBRA), model.items());
    }

    @Test
    void theFilterMatchesNameOrTopicInAnyCase() {
        model.show(SERVER);
        model.filter().set("ALGEBRA");
        assertEquals(List.of(MATHS, ALGEBRA), model.items(), "#maths by its topic, #Algebra by its name");
        model.filter().set("hello");
        assertEquals(List.of(LOBBY), model.items());
        model.filter().set("#a");
        assertEquals(List.of(ART, ALGEBRA), model.items());
    }

    @Test
    void aBlankFilterShowsEverythingAndSpacesAroundAreIgnored() {
        model.show(SERVER);
        model.filter().set("   ");
        assertEquals(4, model.items().size());
        model.filter().set("  lobby ");
        assertEquals(List.of(LOBBY), model.items());
        model.filter().set(null);
        assertEquals(4, model.items().size(), "a text field may set null");
    }

    @Test
    void theFilterMatchesOtherScriptsToo() {
        ChannelSummary chinese = new ChannelSummary("#数学", 4, "代数作业");
        model.show(List.of(chinese, LOBBY));
        model.filter().set("代数");
        assertEquals(List.of(chinese), model.items());
    }

    @Test
    void theFilterStaysWhenANewListArrives() {
        model.show(SERVER);
        model.filter().set("art");
        ChannelSummary party = new ChannelSummary("#party", 50, "");
        model.show(List.of(LOBBY, party, ART));
        assertEquals(List.of(party, ART), model.items());
        assertEquals(3, model.total().get());
    }

    @Test
    void showReplacesTheChannelsAndEndsLoading() {
        assertTrue(model.loading().get(), "nothing has arrived yet");
        model.show(SERVER);
        model.show(List.of(LOBBY));
        assertEquals(List.of(LOBBY), model.items());
        assertFalse(model.loading().get());
    }

    @Test
    void refreshAsksTheAppAndLoadsUntilTheListComes() {
        model.show(SERVER);
        model.refresh();
        assertEquals(1, refreshes);
        assertTrue(model.loading().get());
        assertEquals(4, model.items().size(), "the old list stays in view meanwhile");
        model.show(List.of(ART));
        assertFalse(model.loading().get());
    }

    @Test
    void joinHandsTheChannelToTheApp() {
        model.join("#maths");
        assertEquals(List.of("#maths"), joined);
        assertEquals(0, refreshes);
    }

    @Test
    void theOrderCanBeChangedAndCleared() {
        model.show(SERVER);
        model.order().set(Comparator.comparing(ChannelSummary::name));
        assertEquals(List.of(ALGEBRA, ART, LOBBY, MATHS), model.items());
        model.order().set(null);
        assertEquals(SERVER, model.items(), "no order: as the server sent them");
    }

    @Test
    void theItemsAreReadOnly() {
        assertThrows(UnsupportedOperationException.class, () -> model.items().add(LOBBY));
    }
}
