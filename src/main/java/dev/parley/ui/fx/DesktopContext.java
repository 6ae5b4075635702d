package dev.parley.ui.fx;

import dev.parley.client.RelayFinder;
import dev.parley.client.RelayHosting;
import dev.parley.client.TransportFactory;
import dev.parley.config.Settings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the desktop app is given by the command line that starts it: the settings, a way to save
 * them, and the network pieces the app may not build itself (transports, hosting, LAN list).
 *
 * @param settings   settings read at start (parley.toml plus flags)
 * @param saver      writes changed settings back to parley.toml; called off the FX thread
 * @param transports makes the transport for the endpoint the user picks
 * @param hosting    starts the embedded relay for "Host a relay here"
 * @param finder     lists the relays on the LAN
 * @param firstStart no choice remembered yet (no [client] in parley.toml): show the connect dialog instead
 *                   of connecting the way the user did last time
 */
public record DesktopContext(Settings settings, Consumer<Settings> saver, TransportFactory transports,
                             RelayHosting hosting, RelayFinder finder, boolean firstStart) {

    public DesktopContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(saver, "saver");
        Objects.requireNonNull(transports, "transports");
        Objects.requireNonNull(hosting, "hosting");
        Objects.requireNonNull(finder, "finder");
    }

    public DesktopContext withSettings(Settings newSettings) {
        return new DesktopContext(newSettings, saver, transports, hosting, finder, firstStart);
    }
}
