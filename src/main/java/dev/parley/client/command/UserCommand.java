package dev.parley.client.command;

/** What the user asked for, parsed from a typed line. Values only; the client service runs them. */
public sealed interface UserCommand {

    /** Plain text for the current room. */
    record Say(String text) implements UserCommand { }

    record Join(String channel, String key) implements UserCommand { }

    /** Join a channel that must not exist yet. */
    record Create(String channel) implements UserCommand { }

    /** Leave a channel (null: the current room) with an optional reason. */
    record Part(String channel, String reason) implements UserCommand { }

    record ListChannels() implements UserCommand { }

    /** Members of a channel (null: the current room). */
    record Names(String channel) implements UserCommand { }

    /** Who someone is, or who is in a channel (null: the current room). */
    record Who(String target) implements UserCommand { }

    record Msg(String target, String text) implements UserCommand { }

    /** Open a direct conversation without saying anything yet. */
    record Query(String nick) implements UserCommand { }

    record Me(String action) implements UserCommand { }

    record Nick(String nick) implements UserCommand { }

    /** Show (text null) or set the topic of a channel (null: the current room). */
    record Topic(String channel, String text) implements UserCommand { }

    /** Away with a message, or back when the message is null. */
    record Away(String message) implements UserCommand { }

    record Quit(String reason) implements UserCommand { }

    record Connect(String address) implements UserCommand { }

    record Disconnect() implements UserCommand { }

    /** Show the last {@code count} lines of the current room. */
    record History(int count) implements UserCommand { }

    /** Make a room current, by name or by its number in the room list (1-based). */
    record Switch(String room) implements UserCommand { }

    record Help(String command) implements UserCommand { }

    /** A typed line that is not a valid command: nothing is sent, the message says why. */
    record Invalid(String message) implements UserCommand { }
}
