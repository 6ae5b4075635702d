package dev.parley.discovery;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one node tells the LAN about itself.
 *
 * <p>The node id tells announcements apart: a directory keys its table by it, so it must stay
 * the same while the node runs and differ between nodes ({@link #newNodeId()}). Names and extra
 * text longer than the beacon can carry are cut by {@link AnnouncementCodec#fit}.
 *
 * @param kind    relay or mesh peer
 * @param nodeId  1 to 64 characters of {@code [A-Za-z0-9._:-]}
 * @param name    the relay's name or the peer's nick; not blank, no control characters
 * @param tcpPort where the node accepts connections, 1 to 65535
 * @param extra   a short free text such as a peer's status; empty for none; no control characters
 */
public record Announcement(ServiceKind kind, String nodeId, String name, int tcpPort, String extra) {

    public static final int MAX_NODE_ID_LENGTH = 64;
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_NODE_ID_LENGTH + "}");

    public Announcement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extra, "extra");
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("node id must be 1-64 of [A-Za-z0-9._:-]: " + nodeId);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if (hasControl(name) || hasControl(extra)) {
            throw new IllegalArgumentException("control character in name or extra");
        }
        if (tcpPort < 1 || tcpPort > 65535) {
            throw new IllegalArgumentException("TCP port out of range: " + tcpPort);
        }
    }

    /** A relay's announcement, with no extra text. */
    public static Announcement relay(String nodeId, String name, int tcpPort) {
        return new Announcement(ServiceKind.RELAY, nodeId, name, tcpPort, "");
    }

    /** A mesh peer's announcement. */
    public static Announcement meshPeer(String nodeId, String nick, int tcpPort, String status) {
        return new Announcement(ServiceKind.MESH_PEER, nodeId, nick, tcpPort, status);
    }

    /** A fresh random node id (a UUID), for a node to pick once at start. */
    public static String newNodeId() {
        return UUID.randomUUID().toString();
    }

    public Announcement withName(String newName) {
        return new Announcement(kind, nodeId, newName, tcpPort, extra);
    }

    public Announcement withExtra(String newExtra) {
        return new Announcement(kind, nodeId, name, tcpPort, newExtra);
    }

    public Announcement withTcpPort(int newPort) {
        return new Announcement(kind, nodeId, name, newPort, extra);
    }

    // A name is shown in lists and consoles: a newline or escape in it could forge lines.
    static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }
}
