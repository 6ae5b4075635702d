package dev.parley.ui.fx;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a clicked link in the user's browser, on a thread of its own (browsers can take a while
 * to answer). Only http and https: a chat message must not be able to start other programs.
 */
public final class LinkOpener {

    private static final Logger log = LoggerFactory.getLogger(LinkOpener.class);

    private LinkOpener() {
    }

    public static void open(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            log.info("not opening {}: not a valid link", url);
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            log.info("not opening {}: only http and https links open", url);
            return;
        }
        Thread.ofVirtual().name("parley-open-link").start(() -> browse(uri));
    }

    private static void browse(URI uri) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(uri);
            } else {
                new ProcessBuilder("xdg-open", uri.toString()).inheritIO().start();
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot open {} in a browser: {}", uri, e.getMessage());
        }
    }
}
