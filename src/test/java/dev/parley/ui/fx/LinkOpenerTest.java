package dev.parley.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkOpenerTest {

    @Test
    void onlyHttpAndHttpsLinksOpen() {
        assertEquals(URI.create("https://example.org/a?b=c#d"), LinkOpener.linkToOpen("https://example.org/a?b=c#d").orElseThrow());
        assertTrue(LinkOpener.linkToOpen("HTTP://example.org").isPresent(), "the scheme in any case");
        for (String refused : List.of("file:///etc/passwd", "javascript:alert(1)", "ftp://example.org", "mailto:ada@example.org",
                "example.org", "", "http://exa mple.org", "smb://host/share")) {
            assertTrue(LinkOpener.linkToOpen(refused).isEmpty(), refused);
        }
    }

    @Test
    void eachPlatformHasItsOpenerWithTheLinkAsOneArgument() {
        URI link = URI.create("https://example.org/a%20b?q=1&r=2");
        assertEquals(List.of("xdg-open", "https://example.org/a%20b?q=1&r=2"), LinkOpener.command("Linux", link));
        assertEquals(List.of("xdg-open", "https://example.org/a%20b?q=1&r=2"), LinkOpener.command("FreeBSD", link));
        assertEquals(List.of("open", "https://example.org/a%20b?q=1&r=2"), LinkOpener.command("Mac OS X", link));
        assertEquals(List.of("rundll32", "url.dll,FileProtocolHandler", "https://example.org/a%20b?q=1&r=2"),
                LinkOpener.command("Windows 11", link));
    }

    @Test
    void aLinkWithNonAsciiCharactersIsPassedEncoded() {
        URI link = URI.create("https://example.org/caf\u00e9");
        assertEquals(List.of("xdg-open", "https://example.org/caf%C3%A9"), LinkOpener.command("Linux", link));
    }
}
