package dev.parley.client.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Usage and a one-line description of every command, for /help and for error messages. */
public final class CommandHelp {

    /** One command's help. */
    public record Entry(String usage, String description) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("join", "/join #channel [key]", "join a channel (it is made if it does not exist)");
        add("create", "/create #channel", "make a new channel and join it; fails if it exists");
        add("part", "/part [#channel] [reason]", "leave a channel (default: the current one)");
        add("list", "/list", "list the channels on the server or the mesh");
        add("names", "/names [#channel]", "who is in a channel");
        add("who", "/who [nick|#channel]", "who someone is, or who is in a channel");
        add("msg", "/msg nick text", "send a direct message");
        add("query", "/query nick", "open a direct conversation");
        add("me", "/me action", "say what you are doing (shown as * you action)");
        add("nick", "/nick newnick", "change your nick");
        add("topic", "/topic [#channel] [text]", "show or set a channel's topic");
        add("away", "/away [message]", "mark yourself away; without a message, back");
        add("quit", "/quit [message]", "leave and close Parley");
        add("connect", "/connect host[:port]", "connect to a relay or IRC server");
        add("disconnect", "/disconnect", "disconnect from the server");
        add("history", "/history [n]", "show the last n lines here (default 20), fetching older ones if needed");
        add("switch", "/switch #channel|nick|number", "make another conversation the current one");
        add("help", "/help [command]", "list the commands, or explain one");
    }

    private CommandHelp() {
    }

    private static void add(String name, String usage, String description) {
        ENTRIES.put(name, new Entry(usage, description));
    }

    public static Entry of(String command) {
        return ENTRIES.get(command);
    }

    public static List<String> commandNames() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Every command, one per line: usage and what it does. */
    public static List<String> overview() {
        return ENTRIES.values().stream().map(e -> String.format("%-30s %s", e.usage(), e.description())).toList();
    }
}
