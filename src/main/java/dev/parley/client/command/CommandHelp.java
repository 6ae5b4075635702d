package dev.parley.client.command;

import dev.parley.client.i18n.ClientTexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage and a one-line description of every command, for /help and for error messages. The
 * usage lines are command syntax, the same in every language; the descriptions come from
 * {@link ClientTexts} ({@code help.<command>}).
 */
public final class CommandHelp {

    /** One command's help. */
    public record Entry(String usage, String description) {
    }

    private static final Map<String, String> USAGES = new LinkedHashMap<>();

    static {
        USAGES.put("join", "/join #channel [key]");
        USAGES.put("create", "/create #channel");
        USAGES.put("part", "/part [#channel] [reason]");
        USAGES.put("list", "/list");
        USAGES.put("names", "/names [#channel]");
        USAGES.put("who", "/who [nick|#channel]");
        USAGES.put("msg", "/msg nick text");
        USAGES.put("query", "/query nick");
        USAGES.put("me", "/me action");
        USAGES.put("nick", "/nick newnick");
        USAGES.put("topic", "/topic [#channel] [text]");
        USAGES.put("away", "/away [message]");
        USAGES.put("quit", "/quit [message]");
        USAGES.put("connect", "/connect host[:port] | mesh");
        USAGES.put("disconnect", "/disconnect");
        USAGES.put("history", "/history [n]");
        USAGES.put("switch", "/switch #channel|nick|number");
        USAGES.put("help", "/help [command]");
    }

    private CommandHelp() {
    }

    /** How to type {@code command}, or null when there is no such command. */
    public static String usage(String command) {
        return USAGES.get(command);
    }

    /** Usage and description of {@code command} in the language of {@code texts}; null when there is no such command. */
    public static Entry of(String command, ClientTexts texts) {
        String usage = USAGES.get(command);
        return usage == null ? null : new Entry(usage, texts.get("help." + command));
    }

    public static List<String> commandNames() {
        return List.copyOf(USAGES.keySet());
    }

    /** Every command, one per line: usage and what it does. */
    public static List<String> overview(ClientTexts texts) {
        return USAGES.keySet().stream().map(name -> of(name, texts))
                .map(e -> String.format("%-30s %s", e.usage(), e.description())).toList();
    }
}
