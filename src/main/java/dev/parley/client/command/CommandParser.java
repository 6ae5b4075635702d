package dev.parley.client.command;

import java.util.Locale;

/**
 * Turns what the user typed into a {@link UserCommand}. Text that does not start with '/' is
 * said in the current room; "//text" says "/text". A bad command or a missing argument gives
 * {@link UserCommand.Invalid} with a message for the user, and nothing is sent.
 */
public final class CommandParser {

    private CommandParser() {
    }

    public static UserCommand parse(String line) {
        String text = stripLineEnd(line);
        if (!text.startsWith("/")) {
            return text.isBlank() ? new UserCommand.Invalid("Nothing to send.") : new UserCommand.Say(text);
        }
        if (text.startsWith("//")) {
            return new UserCommand.Say(text.substring(1));
        }
        String[] head = text.substring(1).split(" ", 2);
        String name = head[0].toLowerCase(Locale.ROOT);
        String rest = head.length > 1 ? head[1].strip() : "";
        return switch (name) {
            case "join", "j" -> join(rest);
            case "create" -> create(rest);
            case "part", "leave" -> part(rest);
            case "list" -> new UserCommand.ListChannels();
            case "names" -> new UserCommand.Names(optionalChannel(rest));
            case "who", "whois" -> new UserCommand.Who(rest.isEmpty() ? null : firstWord(rest));
            case "msg", "m" -> msg(rest);
            case "query", "q" -> rest.isEmpty() ? usage("query") : new UserCommand.Query(firstWord(rest));
            case "me" -> rest.isEmpty() ? usage("me") : new UserCommand.Me(rest);
            case "nick" -> rest.isEmpty() ? usage("nick") : new UserCommand.Nick(firstWord(rest));
            case "topic" -> topic(rest);
            case "away" -> new UserCommand.Away(rest.isEmpty() ? null : rest);
            case "back" -> new UserCommand.Away(null);
            case "quit", "exit" -> new UserCommand.Quit(rest.isEmpty() ? null : rest);
            case "connect", "server" -> rest.isEmpty() ? usage("connect") : new UserCommand.Connect(firstWord(rest));
            case "disconnect" -> new UserCommand.Disconnect();
            case "history" -> history(rest);
            case "switch", "go", "window" -> rest.isEmpty() ? usage("switch") : new UserCommand.Switch(firstWord(rest));
            case "help", "?" -> new UserCommand.Help(rest.isEmpty() ? null : firstWord(rest).replaceFirst("^/", ""));
            case "" -> new UserCommand.Invalid("A command name must follow '/'. Type /help for the list.");
            default -> new UserCommand.Invalid("/" + head[0] + " is not a valid command. Type /help for the list.");
        };
    }

    private static UserCommand join(String rest) {
        if (rest.isEmpty()) {
            // The wording of the seed channel server, which Parley grew from.
            return new UserCommand.Invalid("/join command must be followed by the name of a channel to join.");
        }
        String[] words = rest.split(" +");
        return new UserCommand.Join(channelName(words[0]), words.length > 1 ? words[1] : null);
    }

    private static UserCommand create(String rest) {
        if (rest.isEmpty()) {
            return new UserCommand.Invalid("/create command must be followed by the name of a channel to create");
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

    private static UserCommand msg(String rest) {
        String[] words = rest.split(" ", 2);
        if (words.length < 2 || words[0].isEmpty() || words[1].isBlank()) {
            return usage("msg");
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

    private static UserCommand history(String rest) {
        if (rest.isEmpty()) {
            return new UserCommand.History(20);
        }
        try {
            int count = Integer.parseInt(firstWord(rest));
            if (count > 0 && count <= 10_000) {
                return new UserCommand.History(count);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return new UserCommand.Invalid("/history takes a number of lines from 1 to 10000, not '" + rest + "'.");
    }

    private static String optionalChannel(String rest) {
        return rest.isEmpty() ? null : channelName(firstWord(rest));
    }

    /** People type "lab" for "#lab"; a channel name here always has its '#'. */
    private static String channelName(String word) {
        return word.startsWith("#") ? word : "#" + word;
    }

    private static UserCommand usage(String command) {
        return new UserCommand.Invalid("Usage: " + CommandHelp.of(command).usage());
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
