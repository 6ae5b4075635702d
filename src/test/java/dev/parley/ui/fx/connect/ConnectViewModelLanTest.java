package dev.parley.ui.fx.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder.FoundRelay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relays on the LAN: reported on the finder's thread, shown through the model's executor. */
class ConnectViewModelLanTest {

    private final FakeRelayFinder finder = new FakeRelayFinder();
    private final List<Runnable> queued = new ArrayList<>();
    private final ConnectViewModel model = new ConnectViewModel(ConnectViewModelTest.settings("mesh"), finder, queued::add);

    @Test
    void foundRelaysReachTheListOnlyThroughTheExecutor() {
        model.watchLan();
        finder.report(new FoundRelay("lab", "10.0.0.5", 6667));
        assertEquals(List.of(), model.relays(), "the finder's thread must not touch the list");
        queued.forEach(Runnable::run);
        assertEquals(List.of(new FoundRelay("lab", "10.0.0.5", 6667)), model.relays());
    }

    @Test
    void eachReportReplacesTheListSortedByName() {
        model.watchLan();
        finder.report(new FoundRelay("lab", "10.0.0.5", 6667));
        finder.report(new FoundRelay("zoo", "10.0.0.9", 6667), new FoundRelay("Attic", "10.0.0.7", 7000));
        queued.forEach(Runnable::run);
        assertEquals(List.of(new FoundRelay("Attic", "10.0.0.7", 7000), new FoundRelay("zoo", "10.0.0.9", 6667)),
                model.relays());
        finder.report();
        queued.getLast().run();
        assertEquals(List.of(), model.relays());
    }

    @Test
    void pickingARelayFillsTheAddressAndChoosesRelay() {
        model.pick(new FoundRelay("lab", "fe80::1", 7000));
        assertEquals("[fe80::1]:7000", model.address().get());
        assertEquals(ConnectMode.RELAY, model.mode().get());
        assertEquals(Optional.of(new ConnectRequest.Relay("anna", new Endpoint.Relay("fe80::1", 7000))), model.request());
    }

    @Test
    void closingStopsTheWatchAndDropsLateReports() {
        model.watchLan();
        finder.report(new FoundRelay("lab", "10.0.0.5", 6667));
        model.close();
        assertTrue(finder.stopped());
        queued.forEach(Runnable::run);
        assertEquals(List.of(), model.relays());
    }

    @Test
    void closingWithoutWatchingIsHarmless() {
        model.close();
        assertFalse(finder.watching());
        assertThrows(IllegalStateException.class, model::watchLan);
    }

    @Test
    void theListIsReadOnlyForTheView() {
        assertThrows(UnsupportedOperationException.class, () -> model.relays().add(new FoundRelay("x", "h", 1)));
    }
}
