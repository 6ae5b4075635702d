package dev.parley.discovery;

/** What a beacon announces. The wire code is part of the beacon format: never renumber. */
public enum ServiceKind {
    /** A Parley relay: an IRC server clients can connect to at the announced TCP port. */
    RELAY(1),
    /** A serverless mesh peer: its PUB socket listens at the announced TCP port. */
    MESH_PEER(2);

    private final int code;

    ServiceKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The kind for a wire code, or null for a code this version does not know. */
    static ServiceKind ofCode(int code) {
        for (ServiceKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
