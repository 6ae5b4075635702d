package dev.parley.relay;

import dev.parley.protocol.IrcMessage;
import dev.parley.protocol.IrcWriter;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A line going to many clients (a channel message, a JOIN). Encoded at most once per tag
 * profile ({@link TagFilter#profile}), and the same bytes are queued for every recipient with
 * that profile: fan-out does not copy the line per recipient.
 */
public final class OutboundMessage {

    private final IrcMessage message;
    private final AtomicReferenceArray<byte[]> encoded = new AtomicReferenceArray<>(3);

    public OutboundMessage(IrcMessage message) {
        this.message = message;
    }

    public IrcMessage message() {
        return message;
    }

    /** Two threads may encode the same profile at once; both results are equal, either one wins. */
    byte[] bytesFor(int caps) {
        int profile = TagFilter.profile(caps);
        byte[] bytes = encoded.get(profile);
        if (bytes == null) {
            bytes = IrcWriter.encode(TagFilter.forClient(message, caps));
            encoded.set(profile, bytes);
        }
        return bytes;
    }
}
