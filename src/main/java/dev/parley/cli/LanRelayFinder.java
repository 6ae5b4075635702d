package dev.parley.cli;

import dev.parley.client.RelayFinder;
import dev.parley.config.MeshSettings;
import dev.parley.discovery.DiscoveredService;
import dev.parley.discovery.DiscoveryListener;
import dev.parley.discovery.LanDirectory;
import dev.parley.discovery.ServiceKind;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relays announcing themselves on the LAN, for the desktop app's connect dialog: a {@link
 * LanDirectory} on the {@code [mesh]} beacon port, one per watch. Mesh peers on the same port are
 * left out. When the directory cannot start (the port is unusable, the config names an interface
 * this machine lacks) the app still works by address, so a warning is logged and the watch finds
 * nothing.
 */
final class LanRelayFinder implements RelayFinder {

    private static final Logger log = LoggerFactory.getLogger(LanRelayFinder.class);

    private final MeshSettings mesh;

    LanRelayFinder(MeshSettings mesh) {
        this.mesh = Objects.requireNonNull(mesh, "mesh");
    }

    @Override
    public Watch watch(Consumer<List<FoundRelay>> onChange) {
        Objects.requireNonNull(onChange, "onChange");
        LanDirectory directory;
        try {
            directory = new LanDirectory(Transports.beacons(mesh));
        } catch (IllegalArgumentException e) {
            log.warn("cannot list the relays on the LAN: {}", e.getMessage());
            return () -> { };
        }
        directory.addListener(new RelayChanges(directory, onChange));
        try {
            directory.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            directory.close();
            log.warn("cannot list the relays on the LAN (UDP port {}): {}", mesh.beaconPort(), e.getMessage());
            return () -> { };
        }
        return directory::close;
    }

    /** On the directory's thread: each change to a relay sends the whole list, in display order. */
    private record RelayChanges(LanDirectory directory, Consumer<List<FoundRelay>> onChange) implements DiscoveryListener {

        @Override
        public void appeared(DiscoveredService service) {
            changed(service);
        }

        @Override
        public void updated(DiscoveredService before, DiscoveredService after) {
            changed(after);
        }

        @Override
        public void gone(DiscoveredService service) {
            changed(service);
        }

        private void changed(DiscoveredService service) {
            if (service.kind() == ServiceKind.RELAY) {
                onChange.accept(directory.services(ServiceKind.RELAY).stream()
                        .map(relay -> new FoundRelay(relay.announcement().name(), relay.address().getHostAddress(),
                                relay.announcement().tcpPort()))
                        .toList());
            }
        }
    }
}
