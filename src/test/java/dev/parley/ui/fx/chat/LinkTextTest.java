package dev.parley.ui.fx.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTextTest {

    @Test
    void linksAreSplitOutAndSentencePunctuationStaysText() {
        assertEquals(List.of(new LinkText.Part("see ", false), new LinkText.Part("https://example.org/a?b=1", true),
                        new LinkText.Part(", and ", false), new LinkText.Part("www.parley.dev", true), new LinkText.Part(".", false)),
                LinkText.split("see https://example.org/a?b=1, and www.parley.dev."));
    }

    @Test
    void textWithoutLinksIsOnePart() {
        assertEquals(List.of(new LinkText.Part("hej på dig 中文", false)), LinkText.split("hej på dig 中文"));
        assertEquals(List.of(), LinkText.split(""));
    }

    @Test
    void wwwLinksOpenOverHttp() {
        assertEquals("http://www.parley.dev", LinkText.target("www.parley.dev"));
        assertEquals("https://x.org", LinkText.target("https://x.org"));
    }
}
