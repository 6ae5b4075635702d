package dev.parley.ui.console;

import dev.parley.client.ChatEvent;
import dev.parley.client.ChatLine;
import dev.parley.client.i18n.ClientTexts;
import dev.parley.model.ChannelSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the service's events into the console's text lines. Messages look like the seed chat
 * programs printed them, {@code [bob] hello}, with the room in front when it is not the current
 * one. Colours (a stable one per nick) only when asked for: never with NO_COLOR or into a pipe.
 */
final class LineFormatter {

    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final int[] NICK_COLOURS = {31, 32, 33, 34, 35, 36, 91, 92, 93, 94, 95, 96};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final boolean colour;
    private final boolean timestamps;
    private final ZoneId zone;
    private final ClientTexts texts;

    /** @param texts the service's language, so the console's own lines match the service's */
    LineFormatter(boolean colour, boolean timestamps, ZoneId zone, ClientTexts texts) {
        this.colour = colour;
        this.timestamps = timestamps;
        this.zone = zone;
        this.texts = texts;
    }

    /** The lines to print for an event, given the current room; empty when there is nothing to show. */
    List<String> format(ChatEvent event, String currentRoom) {
        return switch (event) {
            case ChatEvent.LineAdded added -> added.line().own() ? List.of() : List.of(line(added.room(), added.line(), currentRoom));
            case ChatEvent.Replay replay -> replay(replay);
            case ChatEvent.HistoryLoaded history -> history.lines().stream()
                    .map(l -> line(history.room(), l, currentRoom)).toList();
            case ChatEvent.ChannelsListed list -> channels(list.channels());
            case ChatEvent.TopicChanged topic -> topic.topic().text().isEmpty() || topic.changedNow() ? List.of() // the change's own line says it
                    : List.of(dim("-- " + texts.get("console.topic", topic.room(), topic.topic().text())));
            case ChatEvent.RoomSelected selected -> ChatEvent.SERVER_ROOM.equals(selected.room()) ? List.of()
                    : List.of(dim("-- " + texts.get("console.nowTalking", selected.room())));
            default -> List.of();
        };
    }

    String line(String room, ChatLine line, String currentRoom) {
        String where = room.equals(currentRoom) || ChatEvent.SERVER_ROOM.equals(room) ? "" : room + " ";
        String time = timestamps ? CLOCK.format(line.time().atZone(zone)) + " " : "";
        String body = switch (line.kind()) {
            case MESSAGE -> "[" + nick(line.sender()) + "] " + line.text();
            case ACTION -> "* " + nick(line.sender()) + " " + line.text();
            case NOTICE -> "-" + nick(line.sender()) + "- " + line.text();
            case INFO -> dim("-- " + line.text());
            case ERROR -> red("!! " + line.text());
            default -> dim(line.text()); // joins, parts and the like: quiet
        };
        return time + where + body;
    }

    private List<String> replay(ChatEvent.Replay replay) {
        List<String> out = new ArrayList<>();
        out.add(dim("-- " + texts.get("console.lastLines", replay.lines().size(), replay.room())));
        replay.lines().forEach(l -> out.add(line(replay.room(), l, replay.room())));
        return out;
    }

    private List<String> channels(List<ChannelSummary> channels) {
        List<String> out = new ArrayList<>();
        out.add(dim("-- " + texts.get("console.channels", channels.size())));
        channels.stream().map(c -> String.format("   %-20s %4d  %s", c.name(), c.users(), c.topic()))
                .collect(Collectors.toCollection(() -> out));
        return out;
    }

    String nick(String nick) {
        if (!colour || nick.isEmpty()) {
            return nick;
        }
        int code = NICK_COLOURS[Math.floorMod(nick.toLowerCase(java.util.Locale.ROOT).hashCode(), NICK_COLOURS.length)];
        return "\u001b[" + code + "m" + nick + RESET;
    }

    private String dim(String text) {
        return colour ? DIM + text + RESET : text;
    }

    private String red(String text) {
        return colour ? RED + text + RESET : text;
    }
}
