package dev.parley.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Reads {@code parley.toml} into {@link Settings}. A missing default file means defaults; a file
 * named on the command line must exist; any syntax, type, range or unknown-key problem is a
 * {@link ConfigException} that names the file and the key.
 */
public final class SettingsLoader {

    private final AppDirs dirs;

    public SettingsLoader(AppDirs dirs) {
        this.dirs = dirs;
    }

    /** The default file if it exists, else defaults. */
    public Settings loadDefault() throws ConfigException {
        Path file = dirs.configFile();
        return Files.exists(file) ? load(file) : Settings.defaults(dirs);
    }

    /**
     * Whether {@code file} says how to connect (a {@code [client]} table): the desktop app writes
     * one once the user has chosen, so without it the app asks first. False for a missing or
     * unreadable file.
     */
    public static boolean choosesConnection(Path file) {
        try {
            return Toml.parse(Files.readString(file)).isTable("client");
        } catch (IOException e) {
            return false;
        }
    }

    /** A file the user named: it must exist. */
    public Settings load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "no such file");
        } catch (IOException e) {
            throw new ConfigException(file, "cannot read it (" + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    Settings parse(Path file, String text) throws ConfigException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().getFirst();
            throw new ConfigException(file, "line " + first.position().line() + ", column " + first.position().column(),
                    "not valid TOML: " + first.getMessage());
        }
        Settings defaults = Settings.defaults(dirs);
        TomlSection root = new TomlSection(file, "", toml);
        String nick = root.nonBlankString("nick", defaults.nick());
        ClientSettings client = readClient(root.section("client"), defaults.client());
        ServerSettings server = readServer(root.section("server"), defaults.server());
        MeshSettings mesh = readMesh(root.section("mesh"), defaults.mesh());
        UiSettings ui = readUi(root.section("ui"), defaults.ui());
        root.rejectUnknownKeys();
        return new Settings(nick, client, server, mesh, ui);
    }

    private static ClientSettings readClient(TomlSection s, ClientSettings d) throws ConfigException {
        ClientSettings client = new ClientSettings(s.nonBlankString("server", d.server()),
                s.oneOf("mode", ClientSettings.MODES, d.mode()), s.string("password", d.password()),
                s.channelNames("channels", d.channels()));
        s.rejectUnknownKeys();
        return client;
    }

    private static MeshSettings readMesh(TomlSection s, MeshSettings d) throws ConfigException {
        MeshSettings mesh = new MeshSettings(s.ipv4("broadcast", d.broadcast()),
                s.integer("beacon_port", 1, 65535, d.beaconPort()), s.string("interface", d.iface()),
                s.hostPorts("peers", d.peers()));
        s.rejectUnknownKeys();
        return mesh;
    }

    private static UiSettings readUi(TomlSection s, UiSettings d) throws ConfigException {
        UiSettings ui = new UiSettings(s.oneOf("theme", UiSettings.THEMES, d.theme()),
                s.integer("font_size", UiSettings.MIN_FONT_SIZE, UiSettings.MAX_FONT_SIZE, d.fontSize()),
                s.oneOf("language", UiSettings.LANGUAGES, d.language()));
        s.rejectUnknownKeys();
        return ui;
    }

    private static ServerSettings readServer(TomlSection s, ServerSettings d) throws ConfigException {
        ServerSettings server = new ServerSettings(
                s.nonBlankString("bind", d.bind()),
                s.integer("port", 0, 65535, d.port()),
                s.path("data", d.dataDir()),
                s.nonBlankString("name", d.name()),
                s.string("password", d.password()),
                s.bool("announce", d.announce()),
                s.ipv4("broadcast", d.broadcast()),
                s.string("motd", d.motd()),
                s.integer("max_clients", 1, 1_000_000, d.maxClients()),
                s.integer("max_clients_per_ip", 1, 1_000_000, d.maxClientsPerAddress()),
                s.integer("flood_burst", 1, 100_000, d.floodBurst()),
                s.number("flood_rate", 0, 1_000_000, d.floodRate()));
        s.rejectUnknownKeys();
        return server;
    }
}
