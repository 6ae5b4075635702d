package dev.parley.transport.mesh;

import dev.parley.transport.mesh.Envelope.Chat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this peer sent: the next sequence number of each stream, and the last {@code window}
 * messages of each, to answer repair requests. Loop thread only.
 */
final class OutLog {

    /** An answer to a repair request: what is kept of the range, and where the kept part begins. */
    record Slice(long oldestAvailable, List<Chat> messages) {
    }

    private final int window;
    private final Map<String, Long> heads = new HashMap<>();
    private final Map<String, ArrayDeque<Chat>> kept = new HashMap<>();
    /** Every stream's head, most recently used last, for the heartbeat's bounded list. */
    private final LinkedHashMap<String, Long> recent = new LinkedHashMap<>(16, 0.75f, true);

    OutLog(int window) {
        this.window = window;
    }

    /** The sequence number for the next message of {@code stream}. */
    long next(String stream) {
        return heads.getOrDefault(stream, 0L) + 1;
    }

    /** Records a message just published (its seq is {@link #next} of its stream). */
    void keep(Chat chat) {
        heads.put(chat.stream(), chat.seq());
        recent.put(chat.stream(), chat.seq());
        ArrayDeque<Chat> ring = kept.computeIfAbsent(chat.stream(), s -> new ArrayDeque<>());
        ring.addLast(chat);
        while (ring.size() > window) {
            ring.removeFirst();
        }
    }

    /** The last sequence number sent on {@code stream}, 0 for none. */
    long head(String stream) {
        return heads.getOrDefault(stream, 0L);
    }

    /**
     * The heads of streams other than {@code current} (direct streams, channels left), most
     * recently used first, at most {@link MeshLimits#MAX_HEADS}. A receiver that joins a channel
     * this peer left starts after them, so it is not sent this peer's old messages as new.
     */
    List<Map.Entry<String, Long>> otherHeads(Set<String> current) {
        List<Map.Entry<String, Long>> others = new ArrayList<>();
        for (Map.Entry<String, Long> entry : recent.reversed().entrySet()) {
            if (others.size() == MeshLimits.MAX_HEADS) {
                break;
            }
            if (!current.contains(entry.getKey())) {
                others.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        return others;
    }

    /** The kept messages of {@code from..to} (at most {@code max}), and the oldest kept seq. */
    Slice slice(String stream, long from, long to, int max) {
        ArrayDeque<Chat> ring = kept.get(stream);
        if (ring == null || ring.isEmpty()) {
            return new Slice(head(stream) + 1, List.of());
        }
        long oldest = ring.getFirst().seq();
        List<Chat> messages = new ArrayList<>();
        for (Chat chat : ring) {
            if (chat.seq() > to || messages.size() >= max) {
                break;
            }
            if (chat.seq() >= from) {
                messages.add(chat);
            }
        }
        return new Slice(oldest, messages);
    }
}
