package dev.parley.config;

import java.util.Objects;

/**
 * Everything Parley reads from {@code parley.toml}, after CLI flags are applied. Immutable: a
 * change makes a new record.
 *
 * @param nick   the nick to use when connecting
 * @param client where the client connects
 * @param server relay settings
 * @param mesh   serverless mesh settings
 * @param ui     how the desktop app looks
 */
public record Settings(String nick, ClientSettings client, ServerSettings server, MeshSettings mesh, UiSettings ui) {

    public Settings {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(ui, "ui");
    }

    public static Settings defaults(AppDirs dirs) {
        return new Settings(defaultNick(System.getProperty("user.name", "")), ClientSettings.defaults(),
                ServerSettings.defaults(dirs), MeshSettings.defaults(), UiSettings.defaults());
    }

    public Settings withNick(String newNick) {
        return new Settings(newNick, client, server, mesh, ui);
    }

    public Settings withClient(ClientSettings newClient) {
        return new Settings(nick, newClient, server, mesh, ui);
    }

    public Settings withServer(ServerSettings newServer) {
        return new Settings(nick, client, newServer, mesh, ui);
    }

    public Settings withMesh(MeshSettings newMesh) {
        return new Settings(nick, client, server, newMesh, ui);
    }

    public Settings withUi(UiSettings newUi) {
        return new Settings(nick, client, server, mesh, newUi);
    }

    /** The login name made into a nick IRC accepts; "parley" when nothing of it is usable. */
    static String defaultNick(String userName) {
        StringBuilder sb = new StringBuilder();
        for (char c : userName.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || "[]\\`_^{|}-".indexOf(c) >= 0)) {
                sb.append(c);
            }
        }
        while (!sb.isEmpty() && (Character.isDigit(sb.charAt(0)) || sb.charAt(0) == '-')) {
            sb.deleteCharAt(0);
        }
        String nick = sb.length() > 30 ? sb.substring(0, 30) : sb.toString();
        return nick.isEmpty() ? "parley" : nick;
    }
}
