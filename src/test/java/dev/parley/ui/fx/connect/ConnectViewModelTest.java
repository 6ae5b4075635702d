package dev.parley.ui.fx.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.Endpoint;
import dev.parley.client.RelayFinder;
import dev.parley.config.AppDirs;
import dev.parley.config.ClientSettings;
import dev.parley.config.Settings;
import dev.parley.protocol.Names;
import dev.parley.ui.fx.Texts;
import dev.parley.ui.fx.connect.ConnectProblem.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connect dialog's fields, their checks, and what is saved for next time; no stage needed. */
class ConnectViewModelTest {

    static final Path DATA = Path.of("/srv/parley/relay").toAbsolutePath();
    static final Executor SAME_THREAD = Runnable::run;

    /** Settings as parley.toml would give them after the user last connected in {@code mode}. */
    static Settings settings(String mode) {
        Settings defaults = Settings.defaults(new AppDirs(Path.of("/cfg").toAbsolutePath(), Path.of("/data").toAbsolutePath()));
        return defaults.withNick("anna")
                .withClient(new ClientSettings("lab.local:7000", mode))
                .withServer(defaults.server().withListen("0.0.0.0", 6697).withIdentity("classroom", null).withDataDir(DATA));
    }

    static ConnectViewModel model(String mode) {
        return new ConnectViewModel(settings(mode), RelayFinder.none(), SAME_THREAD);
    }

    // --- Fields start from the settings ---

    @Test
    void fieldsStartAsTheSettingsSay() {
        ConnectViewModel model = model("host");
        assertEquals("anna", model.nick().get());
        assertEquals(ConnectMode.HOST, model.mode().get());
        assertEquals("lab.local:7000", model.address().get());
        assertEquals("classroom", model.hostName().get());
        assertEquals("6697", model.hostPort().get());
        assertEquals(DATA.toString(), model.dataDir().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relay", "host", "mesh"})
    void theModeIsTheOneUsedLastTime(String mode) {
        assertEquals(mode, model(mode).mode().get().settingsName());
    }

    @Test
    void settingsThatAreValidMakeARequestAtOnce() {
        ConnectViewModel model = model("relay");
        assertTrue(model.valid().get());
        assertEquals(Optional.of(new ConnectRequest.Relay("anna", new Endpoint.Relay("lab.local", 7000))),
                model.request());
    }

    // --- The relay's server password ---

    @Test
    void thePasswordStartsAsSavedAndGoesWithTheRelay() {
        Settings saved = settings("relay").withClient(new ClientSettings("lab.local:7000", "relay", "s3cret"));
        ConnectViewModel model = new ConnectViewModel(saved, RelayFinder.none(), SAME_THREAD);
        assertEquals("s3cret", model.password().get());
        assertEquals(Optional.of(new ConnectRequest.Relay("anna", new Endpoint.Relay("lab.local", 7000, "s3cret"))),
                model.request());
    }

    @Test
    void aPasswordIsTakenAsTypedAndAnEmptyOneIsNone() {
        ConnectViewModel model = model("relay");
        assertEquals("", model.password().get(), "none saved");
        assertNull(((ConnectRequest.Relay) model.request().orElseThrow()).endpoint().password());
        model.password().set(" two words ");
        assertEquals(" two words ", ((ConnectRequest.Relay) model.request().orElseThrow()).endpoint().password());
    }

    @Test
    void thePasswordIsSavedWithTheRelayButNeverShownInItsAddress() {
        Endpoint.Relay relay = new Endpoint.Relay("lab", 6667, "s3cret");
        Settings now = ConnectViewModel.remember(old, new ConnectRequest.Relay("bo", relay));
        assertEquals("s3cret", now.client().password());
        assertEquals("lab:6667", now.client().server());
        assertFalse(relay.toString().contains("s3cret"));
        Settings cleared = ConnectViewModel.remember(now, new ConnectRequest.Relay("bo", relay.withPassword(null)));
        assertNull(cleared.client().password(), "a password cleared in the dialog is not kept");
        assertTrue(ConnectViewModel.samePlace(now, cleared), "the same relay, whatever the password");
    }

    // --- Nick: the IRC rule, one message per broken part ---

    @ParameterizedTest
    @ValueSource(strings = {"a", "Anna", "[bot]", "_x", "\\o", "`q", "^caret", "{brace}", "|pipe", "b-2",
            "abcdefghijabcdefghijabcdefghij"})
    void ircNicksAreAccepted(String nick) {
        ConnectViewModel model = model("mesh");
        model.nick().set(nick);
        assertNull(model.problem().get());
        assertEquals(Optional.of(new ConnectRequest.Mesh(nick)), model.request());
    }

    @Test
    void spacesAroundTheNickAreDropped() {
        ConnectViewModel model = model("mesh");
        model.nick().set("  anna\t");
        assertEquals(Optional.of(new ConnectRequest.Mesh("anna")), model.request());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyNickIsAskedFor(String nick) {
        assertProblem(nick, ConnectProblem.of(Field.NICK, "connect.error.nick.empty"));
    }

    @Test
    void aNickLongerThan30IsRefused() {
        assertProblem("a".repeat(31), ConnectProblem.of(Field.NICK, "connect.error.nick.long", "30"));
    }

    @Test
    void aSpaceInsideIsNamedAsSuch() {
        assertProblem("Anna Berg", ConnectProblem.of(Field.NICK, "connect.error.nick.space"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1anna", "-anna", "#anna", "Åsa"})
    void theFirstCharacterMustBeALetterOrSpecial(String nick) {
        assertProblem(nick, ConnectProblem.of(Field.NICK, "connect.error.nick.start",
                nick.substring(0, 1), "[]\\`_^{|}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"björn:ö", "anna.b:.", "anna!:!", "li🙂:🙂"})
    void laterCharactersMustBeLettersDigitsOrSpecials(String nickAndBad) {
        String[] parts = nickAndBad.split(":");
        assertProblem(parts[0], ConnectProblem.of(Field.NICK, "connect.error.nick.char", parts[1], "[]\\`_^{|}-"));
    }

    /** The servers apply protocol.Names; the dialog must not refuse what they take, nor the reverse. */
    @ParameterizedTest
    @ValueSource(strings = {"anna", "[x]", "a-1", "-a", "1a", "a b", "åsa", "a.b", "{}", "|", "a😀",
            "abcdefghijabcdefghijabcdefghij", "abcdefghijabcdefghijabcdefghijk", "`^_\\"})
    void agreesWithTheRuleTheServersApply(String nick) {
        assertEquals(Names.isValidNick(nick, 30), NickRule.check(nick).isEmpty());
    }

    private void assertProblem(String nick, ConnectProblem expected) {
        ConnectViewModel model = model("mesh");
        model.nick().set(nick);
        assertEquals(expected, model.problem().get());
        assertFalse(model.valid().get());
        assertEquals(Optional.empty(), model.request());
    }

    // --- Relay address: Endpoint.parseRelay decides and words the problem ---

    @Test
    void aBadAddressShowsWhatEndpointSays() {
        ConnectViewModel model = model("relay");
        model.address().set("lab:http");
        String endpointSays = assertThrows(IllegalArgumentException.class, () -> Endpoint.parseRelay("lab:http"))
                .getMessage();
        assertEquals(ConnectProblem.of(Field.ADDRESS, "connect.error.address", endpointSays), model.problem().get());
        assertEquals(Optional.empty(), model.request());
    }

    @Test
    void anEmptyAddressIsAProblem() {
        ConnectViewModel model = model("relay");
        model.address().set(" ");
        assertEquals(Field.ADDRESS, model.problem().get().field());
    }

    @Test
    void theNickIsCheckedBeforeTheAddress() {
        ConnectViewModel model = model("relay");
        model.address().set("");
        model.nick().set("");
        assertEquals(Field.NICK, model.problem().get().field());
    }

    @Test
    void anAddressWithoutPortUsesTheDefault() {
        ConnectViewModel model = model("relay");
        model.address().set("chat://[::1]");
        assertEquals(Optional.of(new ConnectRequest.Relay("anna", new Endpoint.Relay("::1", 6667))), model.request());
    }

    @Test
    void aBadAddressDoesNotMatterForTheOtherModes() {
        ConnectViewModel model = model("relay");
        model.address().set("");
        model.mode().set(ConnectMode.MESH);
        assertTrue(model.valid().get());
        assertEquals(Optional.of(new ConnectRequest.Mesh("anna")), model.request());
    }

    // --- Hosting a relay: name, port, data folder ---

    @Test
    void validFieldsMakeAHostRequest() {
        ConnectViewModel model = model("host");
        model.hostName().set(" lab ");
        model.hostPort().set("0");
        assertEquals(Optional.of(new ConnectRequest.Host("anna", "lab", 0, DATA)), model.request());
    }

    @Test
    void theHighestPortIsAccepted() {
        ConnectViewModel model = model("host");
        model.hostPort().set("65535");
        assertTrue(model.valid().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "+80", "65536", "99999", "123456", "6 667", "8080x"})
    void thePortMustBeANumberFrom0To65535(String port) {
        ConnectViewModel model = model("host");
        model.hostPort().set(port);
        assertEquals(ConnectProblem.of(Field.HOST_PORT, "connect.error.host.port"), model.problem().get());
        assertFalse(model.valid().get());
    }

    @Test
    void theRelayNeedsAName() {
        ConnectViewModel model = model("host");
        model.hostName().set("  ");
        assertEquals(ConnectProblem.of(Field.HOST_NAME, "connect.error.host.name"), model.problem().get());
    }

    @Test
    void aBlankDataFolderIsAskedFor() {
        ConnectViewModel model = model("host");
        model.dataDir().set(" ");
        assertEquals(ConnectProblem.of(Field.DATA_DIR, "connect.error.host.dataDir.empty"), model.problem().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relay", "~/parley", "./data"})
    void aRelativeDataFolderIsRefused(String folder) {
        ConnectViewModel model = model("host");
        model.dataDir().set(folder);
        assertEquals(ConnectProblem.of(Field.DATA_DIR, "connect.error.host.dataDir.relative"), model.problem().get());
    }

    @Test
    void aPathTheSystemCannotNameIsRefused() {
        ConnectViewModel model = model("host");
        model.dataDir().set(DATA + "\0x");
        assertEquals(Field.DATA_DIR, model.problem().get().field());
        assertEquals("connect.error.host.dataDir.invalid", model.problem().get().key());
    }

    @Test
    void badHostFieldsDoNotMatterForARelay() {
        ConnectViewModel model = model("host");
        model.hostPort().set("x");
        model.mode().set(ConnectMode.RELAY);
        assertTrue(model.valid().get());
    }

    @Test
    void fixingTheFieldMakesTheModelValidAgain() {
        ConnectViewModel model = model("host");
        model.hostPort().set("70000");
        assertFalse(model.valid().get());
        model.hostPort().set("7000");
        assertTrue(model.valid().get());
        assertNull(model.problem().get());
    }

    // --- remember(): the choice is saved for the next start ---

    private final Settings old = settings("relay");

    @Test
    void aRelayKeepsNickModeAndAddress() {
        Settings now = ConnectViewModel.remember(settings("mesh"),
                new ConnectRequest.Relay("bo", new Endpoint.Relay("::1", 7001)));
        assertEquals("bo", now.nick());
        assertEquals(new ClientSettings("[::1]:7001", "relay"), now.client());
        assertEquals(settings("mesh").server(), now.server());
        assertEquals(new Endpoint.Relay("::1", 7001), Endpoint.parseRelay(now.client().server()),
                "the saved address reads back as the same relay");
    }

    @Test
    void hostingKeepsNameModeAndFolderButNotTheRelayAddress() {
        Path folder = Path.of("/home/bo/chat").toAbsolutePath();
        Settings now = ConnectViewModel.remember(old, new ConnectRequest.Host("bo", "lab", 0, folder));
        assertEquals("bo", now.nick());
        assertEquals(new ClientSettings("lab.local:7000", "host"), now.client());
        assertEquals("lab", now.server().name());
        assertEquals(0, now.server().port());
        assertEquals(folder, now.server().dataDir());
        assertEquals(old.server().withListen(old.server().bind(), 0).withIdentity("lab", null).withDataDir(folder),
                now.server(), "nothing else of the server changes");
    }

    @Test
    void theSamePlaceIsTheSameRelayHostedFolderOrMeshNick() {
        Settings relay = ConnectViewModel.remember(old, new ConnectRequest.Relay("bo", new Endpoint.Relay("lab", 6667)));
        assertTrue(ConnectViewModel.samePlace(relay, ConnectViewModel.remember(relay,
                new ConnectRequest.Relay("bo", new Endpoint.Relay("lab", 6667)))));
        assertFalse(ConnectViewModel.samePlace(relay, ConnectViewModel.remember(relay,
                new ConnectRequest.Relay("bo", new Endpoint.Relay("lab", 7000)))));
        assertFalse(ConnectViewModel.samePlace(relay, ConnectViewModel.remember(relay, new ConnectRequest.Mesh("bo"))));
        Path folder = Path.of("/home/bo/chat").toAbsolutePath();
        Settings hosted = ConnectViewModel.remember(old, new ConnectRequest.Host("bo", "lab", 0, folder));
        assertTrue(ConnectViewModel.samePlace(hosted, ConnectViewModel.remember(hosted, new ConnectRequest.Host("bo", "lab", 7000, folder))));
        assertFalse(ConnectViewModel.samePlace(hosted, ConnectViewModel.remember(hosted,
                new ConnectRequest.Host("bo", "lab", 0, folder.resolve("other")))));
        Settings mesh = ConnectViewModel.remember(old, new ConnectRequest.Mesh("bo"));
        assertTrue(ConnectViewModel.samePlace(mesh, ConnectViewModel.remember(mesh, new ConnectRequest.Mesh("bo"))));
        assertTrue(ConnectViewModel.samePlace(mesh, ConnectViewModel.remember(mesh, new ConnectRequest.Mesh("BO"))),
                "the history folder is named for the nick in lower case");
        assertFalse(ConnectViewModel.samePlace(mesh, ConnectViewModel.remember(mesh, new ConnectRequest.Mesh("cy"))),
                "the mesh keeps its history per nick");
    }

    @Test
    void meshKeepsNickAndModeOnly() {
        Settings now = ConnectViewModel.remember(old, new ConnectRequest.Mesh("bo"));
        assertEquals(old.withNick("bo").withClient(old.client().withMode("mesh")), now);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relay", "host", "mesh"})
    void theRememberedChoiceIsOfferedNextTime(String mode) {
        ConnectViewModel first = model(mode);
        first.nick().set("bo");
        Settings saved = ConnectViewModel.remember(settings("relay"), first.request().orElseThrow());
        ConnectViewModel next = new ConnectViewModel(saved, RelayFinder.none(), SAME_THREAD);
        assertEquals(first.request(), next.request());
    }

    // --- Every problem has its text in every language ---

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv", "zh_CN"})
    void everyProblemHasATextInEveryLanguage(String language) {
        Texts texts = Texts.forLanguage(language);
        List<ConnectProblem> problems = new ArrayList<>();
        ConnectViewModel model = model("host");
        for (String nick : List.of("", "a".repeat(31), "a b", "1a", "a.b")) {
            model.nick().set(nick);
            problems.add(model.problem().get());
        }
        model.nick().set("anna");
        for (String port : List.of("x")) {
            model.hostPort().set(port);
            problems.add(model.problem().get());
        }
        model.hostPort().set("1");
        model.hostName().set("");
        problems.add(model.problem().get());
        model.hostName().set("lab");
        for (String folder : List.of("", "rel", "/a\0b")) {
            model.dataDir().set(folder);
            problems.add(model.problem().get());
        }
        model.mode().set(ConnectMode.RELAY);
        model.address().set("a:b");
        problems.add(model.problem().get());

        assertEquals(11, problems.stream().map(ConnectProblem::key).distinct().count(), problems.toString());
        for (ConnectProblem problem : problems) {
            String text = texts.get(problem.key(), problem.args().toArray());
            assertNotEquals(problem.key(), text, language + " lacks " + problem.key());
            problem.args().forEach(arg -> assertTrue(text.contains(arg), text + " should show " + arg));
        }
    }
}
