package dev.parley.config;

import java.nio.file.Path;

/** Writes {@link Settings} as the TOML that {@link SettingsLoader} reads back. */
public final class SettingsToml {

    private SettingsToml() {
    }

    /** @param redactSecrets print a placeholder for the passwords, for showing on screen */
    public static String render(Settings settings, boolean redactSecrets) {
        ServerSettings s = settings.server();
        StringBuilder out = new StringBuilder();
        out.append("nick = ").append(quote(settings.nick())).append('\n');
        out.append('\n').append("[client]\n");
        out.append("server = ").append(quote(settings.client().server())).append('\n');
        out.append("mode = ").append(quote(settings.client().mode())).append('\n');
        if (settings.client().password() != null) {
            out.append("password = ").append(quote(redactSecrets ? "********" : settings.client().password())).append('\n');
        }
        if (!settings.client().channels().isEmpty()) {
            out.append("channels = [").append(String.join(", ", settings.client().channels().stream().map(SettingsToml::quote).toList()))
                    .append("]\n");
        }
        out.append('\n').append("[server]\n");
        out.append("bind = ").append(quote(s.bind())).append('\n');
        out.append("port = ").append(s.port()).append('\n');
        out.append("data = ").append(quote(s.dataDir())).append('\n');
        out.append("name = ").append(quote(s.name())).append('\n');
        if (s.password() != null) {
            out.append("password = ").append(quote(redactSecrets ? "********" : s.password())).append('\n');
        }
        out.append("announce = ").append(s.announce()).append('\n');
        out.append("broadcast = ").append(quote(s.broadcast())).append('\n');
        out.append("motd = ").append(quote(s.motd())).append('\n');
        out.append("max_clients = ").append(s.maxClients()).append('\n');
        out.append("max_clients_per_ip = ").append(s.maxClientsPerAddress()).append('\n');
        out.append("flood_burst = ").append(s.floodBurst()).append('\n');
        out.append("flood_rate = ").append(s.floodRate()).append('\n');
        MeshSettings m = settings.mesh();
        out.append('\n').append("[mesh]\n");
        out.append("broadcast = ").append(quote(m.broadcast())).append('\n');
        out.append("beacon_port = ").append(m.beaconPort()).append('\n');
        out.append("interface = ").append(quote(m.iface())).append('\n');
        out.append("peers = [").append(String.join(", ", m.peers().stream().map(SettingsToml::quote).toList())).append("]\n");
        UiSettings ui = settings.ui();
        out.append('\n').append("[ui]\n");
        out.append("theme = ").append(quote(ui.theme())).append('\n');
        out.append("font_size = ").append(ui.fontSize()).append('\n');
        out.append("language = ").append(quote(ui.language())).append('\n');
        return out.toString();
    }

    private static String quote(Path path) {
        return quote(path.toString());
    }

    /** A TOML basic string: backslash, quote and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
