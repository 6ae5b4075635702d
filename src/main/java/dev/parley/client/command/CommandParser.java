package dev.parley.client.command;

import dev.parley.client.i18n.ClientTexts;
import java.util.Locale;

/**
 * Turns what the user typed into a {@link UserCommand}. Text that does not start with '/' is
 * said in the current room; "//text" says "/text". A bad command or a missing argument gives
 * {@link UserCommand.Invalid} with a message for the user, in the language of the
 * {@link ClientTexts} given (English without), and nothing is sent.
 */
public final class CommandParser {

    /** The most lines /history shows at once. */
    static final int MAX_HISTORY = 10_000;

    private CommandParser() {
    }

    /** Parses with English messages for invalid lines. */
    public static UserCommand parse(String line) {
        return parse(line, ClientTexts.english());
    }

    public static UserCommand parse(String line, ClientTexts texts) {
        String text = stripLineEnd(line);
        if (!text.startsWith("/")) {
            return text.isBlank() ? new UserCommand.Invalid(texts.get("parse.nothingToSend")) : new UserCommand.Say(text);
        }
        if (text.startsWith("//")) {
            return new UserCommand.Say(text.substring(1));
        }
        String[] head = text.substring(1).split(" ", 2);
        String name = head[0].toLowerCase(Locale.ROOT);
        String rest = head.length > 1 ? head[1].strip() : "";
        return switch (name) {
            case "join", "j" -> join(rest, texts);
            case "create" -> create(rest, texts);
            case "part", "leave" -> part(rest);
            case "list" -> new UserCommand.ListChannels();
            case "names" -> new UserCommand.Names(optionalChannel(rest));
            case "who", "whois" -> new UserCommand.Who(rest.isEmpty() ? null : firstWord(rest));
            case "msg", "m" -> msg(rest, texts);
            case "query", "q" -> rest.isEmpty() ? usage(texts, "query") : new UserCommand.Query(firstWord(rest));
            case "me" -> rest.isEmpty() ? usage(texts, "me") : new UserCommand.Me(rest);
            case "nick" -> rest.isEmpty() ? usage(texts, "nick")
                    : rest.contains(" ") ? new UserCommand.Invalid(texts.get("parse.nickSpace", rest)) // not the first word of it
                    : new UserCommand.Nick(rest);
            case "topic" -> topic(rest);
            case "away" -> new UserCommand.Away(rest.isEmpty() ? null : rest);
            case "back" -> new UserCommand.Away(null);
            case "quit", "exit" -> new UserCommand.Quit(rest.isEmpty() ? null : rest);
            case "connect", "server" -> rest.isEmpty() ? usage(texts, "connect") : new UserCommand.Connect(firstWord(rest));
            case "disconnect" -> new UserCommand.Disconnect();
            case "history" -> history(rest, texts);
            case "switch", "go", "window" -> rest.isEmpty() ? usage(texts, "switch") : new UserCommand.Switch(firstWord(rest));
            case "help", "?" -> new UserCommand.Help(rest.isEmpty() ? null : firstWord(rest).replaceFirst("^/", ""));
            case "" -> new UserCommand.Invalid(texts.get("parse.noName"));
            default -> new UserCommand.Invalid(texts.get("command.unknown", head[0]));
        };
    }

    private static UserCommand join(String rest, ClientTexts texts) {
        if (rest.isEmpty()) {
            // In English, the wording of the seed channel server, which Parley grew from.
            return new UserCommand.Invalid(texts.get("parse.joinWhat"));
        }
        String[] words = rest.split(" +");
        return new UserCommand.Join(channelName(words[0]), words.length > 1 ? words[1] : null);
    }

    private static UserCommand create(String rest, ClientTexts texts) {
        if (rest.isEmpty()) {
            return new UserCommand.Invalid(texts.get("parse.createWhat"));
        }
        return new UserCommand.Create(channelName(firstWord(rest)));
    }

    private static UserCommand part(String rest) {
        if (rest.isEmpty()) {
            return new UserCommand.Part(null, null);
        }
        if (rest.startsWith("#")) {
            String[] words = rest.split(" ", 2);
            return new UserCommand.Part(words[0], words.length > 1 ? words[1].strip() : null);
        }
        return new UserCommand.Part(null, rest);
    }

    private static UserCommand msg(String rest, ClientTexts texts) {
        String[] words = rest.split(" ", 2);
        if (words.length < 2 || words[0].isEmpty() || words[1].isBlank()) {
            return usage(texts, "msg");
        }
        return new UserCommand.Msg(words[0], words[1].strip());
    }

    private static UserCommand topic(String rest) {
        if (rest.isEmpty()) {
            return new UserCommand.Topic(null, null);
        }
        if (rest.startsWith("#")) {
            String[] words = rest.split(" ", 2);
            return new UserCommand.Topic(words[0], words.length > 1 ? words[1].strip() : null);
        }
        return new UserCommand.Topic(null, rest);
    }

    private static UserCommand history(String rest, ClientTexts texts) {
        if (rest.isEmpty()) {
            return new UserCommand.History(20);
        }
        try {
            int count = Integer.parseInt(firstWord(rest));
            if (count > 0 && count <= MAX_HISTORY) {
                return new UserCommand.History(count);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return new UserCommand.Invalid(texts.get("parse.historyCount", "1", String.valueOf(MAX_HISTORY), rest));
    }

    private static String optionalChannel(String rest) {
        return rest.isEmpty() ? null : channelName(firstWord(rest));
    }

    /** People type "lab" for "#lab"; a channel name here always has its '#'. */
    private static String channelName(String word) {
        return word.startsWith("#") ? word : "#" + word;
    }

    private static UserCommand usage(ClientTexts texts, String command) {
        return new UserCommand.Invalid(texts.get("command.usage", CommandHelp.usage(command)));
    }

    private static String firstWord(String rest) {
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private static String stripLineEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
