package dev.parley.model;

import java.util.Objects;

/** A channel as a channel list shows it: name, how many are in it, and its topic (may be empty). */
public record ChannelSummary(String name, int users, String topic) {

    public ChannelSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
    }
}
