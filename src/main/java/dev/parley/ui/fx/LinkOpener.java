package dev.parley.ui.fx;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a clicked link in the user's browser with the platform's opener ({@code xdg-open},
 * {@code open}, {@code rundll32 url.dll,FileProtocolHandler}), on a thread of its own: {@link #open}
 * only checks the link and returns, so the FX thread never waits for a browser. Only http and
 * https: a chat message must not be able to start other programs.
 *
 * <p>Not {@code java.awt.Desktop}: the installers' runtime leaves out the {@code java.desktop}
 * module (installer/README.md). A failure (no opener, the opener's exit code) is logged, never
 * thrown.
 */
public final class LinkOpener {

    private static final Logger log = LoggerFactory.getLogger(LinkOpener.class);
    /** How long the opener's thread waits for its exit code, to log a failure; it is never killed. */
    private static final long OPENER_WAIT_SECONDS = 30;

    private LinkOpener() {
    }

    public static void open(String url) {
        linkToOpen(url).ifPresent(uri -> Thread.ofVirtual().name("parley-open-link").start(() -> browse(uri)));
    }

    /** The link as a URI when it may be opened: valid, with an http or https scheme; else logged and empty. */
    static Optional<URI> linkToOpen(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            log.info("not opening {}: not a valid link", url);
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            log.info("not opening {}: only http and https links open", url);
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    /** The command that opens an http(s) link on the OS named {@code osName} (as in the os.name property). */
    static List<String> command(String osName, URI uri) {
        String os = osName.toLowerCase(Locale.ROOT);
        String link = uri.toASCIIString();
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", link);
        }
        if (os.startsWith("mac")) {
            return List.of("open", link);
        }
        return List.of("xdg-open", link);
    }

    private static void browse(URI uri) {
        List<String> command = command(System.getProperty("os.name", ""), uri);
        try {
            Process opener = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            opener.getOutputStream().close();
            if (opener.waitFor(OPENER_WAIT_SECONDS, TimeUnit.SECONDS) && opener.exitValue() != 0) {
                log.warn("cannot open {} in a browser: {} exited with {}", uri, command.getFirst(), opener.exitValue());
            }
        } catch (IOException e) {
            log.warn("cannot open {} in a browser: {}", uri, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
