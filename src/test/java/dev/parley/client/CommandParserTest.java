package dev.parley.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.client.command.CommandParser;
import dev.parley.client.command.UserCommand;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("hello there", new UserCommand.Say("hello there")),
                Arguments.of("//not a command", new UserCommand.Say("/not a command")),
                Arguments.of("/join #lab", new UserCommand.Join("#lab", null)),
                Arguments.of("/JOIN lab secret", new UserCommand.Join("#lab", "secret")),
                Arguments.of("/j #a", new UserCommand.Join("#a", null)),
                Arguments.of("/join", new UserCommand.Invalid("/join command must be followed by the name of a channel to join.")),
                Arguments.of("/create #new", new UserCommand.Create("#new")),
                Arguments.of("/create", new UserCommand.Invalid("/create command must be followed by the name of a channel to create")),
                Arguments.of("/part", new UserCommand.Part(null, null)),
                Arguments.of("/part #lab see you", new UserCommand.Part("#lab", "see you")),
                Arguments.of("/part going home", new UserCommand.Part(null, "going home")),
                Arguments.of("/list", new UserCommand.ListChannels()),
                Arguments.of("/names", new UserCommand.Names(null)),
                Arguments.of("/names #lab", new UserCommand.Names("#lab")),
                Arguments.of("/who bob", new UserCommand.Who("bob")),
                Arguments.of("/msg bob hi there", new UserCommand.Msg("bob", "hi there")),
                Arguments.of("/msg bob", new UserCommand.Invalid("Usage: /msg nick text")),
                Arguments.of("/msg", new UserCommand.Invalid("Usage: /msg nick text")),
                Arguments.of("/query bob", new UserCommand.Query("bob")),
                Arguments.of("/me waves", new UserCommand.Me("waves")),
                Arguments.of("/me", new UserCommand.Invalid("Usage: /me action")),
                Arguments.of("/nick ada2", new UserCommand.Nick("ada2")),
                Arguments.of("/nick bad nick", new UserCommand.Invalid("A nick is one word: 'bad nick' has a space in it.")),
                Arguments.of("/topic", new UserCommand.Topic(null, null)),
                Arguments.of("/topic #lab New topic", new UserCommand.Topic("#lab", "New topic")),
                Arguments.of("/topic New topic", new UserCommand.Topic(null, "New topic")),
                Arguments.of("/away lunch", new UserCommand.Away("lunch")),
                Arguments.of("/away", new UserCommand.Away(null)),
                Arguments.of("/quit bye all", new UserCommand.Quit("bye all")),
                Arguments.of("/quit", new UserCommand.Quit(null)),
                Arguments.of("/connect 10.0.0.5:7000", new UserCommand.Connect("10.0.0.5:7000")),
                Arguments.of("/connect", new UserCommand.Invalid("Usage: /connect host[:port] | mesh")),
                Arguments.of("/disconnect", new UserCommand.Disconnect()),
                Arguments.of("/history", new UserCommand.History(20)),
                Arguments.of("/history 5", new UserCommand.History(5)),
                Arguments.of("/history lots", new UserCommand.Invalid("/history takes a number of lines from 1 to 10000, not 'lots'.")),
                Arguments.of("/switch 2", new UserCommand.Switch("2")),
                Arguments.of("/switch #lab", new UserCommand.Switch("#lab")),
                Arguments.of("/help", new UserCommand.Help(null)),
                Arguments.of("/help /join", new UserCommand.Help("join")),
                Arguments.of("/frobnicate", new UserCommand.Invalid("/frobnicate is not a valid command. Type /help for the list.")),
                Arguments.of("/", new UserCommand.Invalid("A command name must follow '/'. Type /help for the list.")),
                Arguments.of("   ", new UserCommand.Invalid("Nothing to send.")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void parses(String line, UserCommand expected) {
        assertEquals(expected, CommandParser.parse(line));
    }
}
