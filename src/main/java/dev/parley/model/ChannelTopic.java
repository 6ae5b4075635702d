package dev.parley.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel's topic and who set it when. An empty text means the topic was cleared.
 *
 * @param channel the channel name as first created ({@code #Lab})
 */
public record ChannelTopic(String channel, String text, String setBy, Instant setAt) {

    public ChannelTopic {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
    }
}
