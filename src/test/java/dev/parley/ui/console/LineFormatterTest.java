package dev.parley.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.client.ChatEvent;
import dev.parley.client.i18n.ClientTexts;
import dev.parley.model.ChannelSummary;
import dev.parley.model.ChannelTopic;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The console's own lines, without colour, in the service's language. */
class LineFormatterTest {

    private static LineFormatter in(Locale locale) {
        return new LineFormatter(false, false, ZoneOffset.UTC, ClientTexts.forLocale(locale));
    }

    @Test
    void switchingRoomsIsSaidInTheServicesLanguage() {
        ChatEvent selected = new ChatEvent.RoomSelected("#lab");
        assertEquals(List.of("-- Now talking in #lab"), in(Locale.ENGLISH).format(selected, "#lab"));
        assertEquals(List.of("-- Du skriver nu i #lab"), in(Locale.of("sv")).format(selected, "#lab"));
        assertEquals(List.of("-- 当前对话：#lab"), in(Locale.SIMPLIFIED_CHINESE).format(selected, "#lab"));
    }

    @Test
    void theChannelListHasAHeaderAndOneRowPerChannel() {
        ChatEvent listed = new ChatEvent.ChannelsListed(List.of(
                new ChannelSummary("#lab", 3, "robots"), new ChannelSummary("#tea", 12, "")));
        List<String> lines = in(Locale.of("sv")).format(listed, "#lab");
        assertEquals("-- Kanaler (2):", lines.getFirst());
        assertEquals(List.of("   #lab                    3  robots", "   #tea                   12  "),
                lines.subList(1, lines.size()));
    }

    @Test
    void theTopicFoundOnJoiningIsPrintedAndAChangeOnlyByItsOwnLine() {
        ChannelTopic topic = new ChannelTopic("#lab", "robots", "bob", Instant.EPOCH);
        assertEquals(List.of("-- Topic of #lab: robots"), in(Locale.ENGLISH).format(new ChatEvent.TopicChanged("#lab", topic, false), "#lab"));
        assertEquals(List.of(), in(Locale.ENGLISH).format(new ChatEvent.TopicChanged("#lab", topic, true), "#lab"));
    }
}
