package dev.parley.transport.mesh;

import dev.parley.model.ChannelTopic;
import dev.parley.protocol.CaseMapping;
import java.util.HashMap;
import java.util.Map;

/**
 * The channel topics this peer knows, by folded channel, the newest (by time set) winning.
 * Kept in the store too, so a restarted peer has them. Loop thread only.
 */
final class Topics {

    private final Map<String, ChannelTopic> byChannel = new HashMap<>();
    private final MeshHistory history;

    Topics(MeshHistory history) {
        this.history = history;
        byChannel.putAll(history.topics());
    }

    ChannelTopic get(String channel) {
        return byChannel.get(CaseMapping.fold(channel));
    }

    /** Takes {@code topic} when it is newer than the one known; true when it was taken. */
    boolean offer(ChannelTopic topic) {
        String key = CaseMapping.fold(topic.channel());
        ChannelTopic known = byChannel.get(key);
        if (known != null && !topic.setAt().isAfter(known.setAt())) {
            return false;
        }
        byChannel.put(key, topic);
        history.saveTopic(topic);
        return true;
    }

    /** Topic texts by folded channel, for the channel list. */
    Map<String, String> texts() {
        Map<String, String> texts = new HashMap<>();
        byChannel.forEach((key, topic) -> texts.put(key, topic.text()));
        return texts;
    }
}
