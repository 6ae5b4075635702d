package dev.parley.transport.mesh;

/**
 * The mesh's size limits, in one place. A frame is checked against them before anything is
 * allocated for it, so a peer cannot make another one use more memory than these allow.
 */
final class MeshLimits {

    /** Largest body frame accepted or sent: 64 KiB. A bigger one is dropped with a log line. */
    static final int MAX_FRAME_BYTES = 64 * 1024;
    /** Sockets drop (and reconnect) a peer sending frames far past the codec's limit. */
    static final long SOCKET_MAX_MESSAGE_BYTES = 4L * MAX_FRAME_BYTES;
    static final int MAX_TOPIC_FRAME_BYTES = 256;
    static final int MAX_TEXT_BYTES = 16 * 1024;
    static final int MAX_ID_BYTES = 64;
    static final int MAX_NICK_LENGTH = 30;
    static final int MAX_NICK_BYTES = MAX_NICK_LENGTH;
    static final int MAX_CHANNEL_LENGTH = 50;
    /** A channel is stored in UTF-8; other scripts take up to 3 bytes a character. */
    static final int MAX_CHANNEL_BYTES = 4 * MAX_CHANNEL_LENGTH;
    static final int MAX_STREAM_BYTES = Math.max(MAX_CHANNEL_BYTES, 1 + MAX_ID_BYTES);
    /** A part or quit reason, an away message: characters, and their UTF-8 bound. */
    static final int MAX_REASON_LENGTH = 200;
    static final int MAX_REASON_BYTES = 4 * MAX_REASON_LENGTH;
    static final int MAX_HOST_BYTES = 255;
    /**
     * Channels one peer may be in, and other streams one heartbeat lists: 128 of each stay
     * under the frame limit even with the longest names.
     */
    static final int MAX_HEADS = 128;
    /** Messages in one catch-up or repair frame; the frame limit usually cuts first. */
    static final int MAX_MESSAGES_PER_FRAME = 2000;
    /** Frames one catch-up or repair answer may take: the work a request can cause is bounded. */
    static final int MAX_FRAMES_PER_ANSWER = 8;

    private MeshLimits() {
    }
}
