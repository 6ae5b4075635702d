package dev.parley.transport.mesh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts the messages of one answer into frames that fit {@link MeshLimits#MAX_FRAME_BYTES}, at
 * most {@link MeshLimits#MAX_FRAMES_PER_ANSWER} of them, so no request makes a peer send more.
 */
final class Frames {

    /** Room kept in each frame for the answer's own fields (ids, channel, topic). */
    private static final int ANSWER_OVERHEAD = 2 * 1024 + MeshLimits.MAX_TEXT_BYTES;
    static final int BUDGET = MeshLimits.MAX_FRAME_BYTES - ANSWER_OVERHEAD;

    private Frames() {
    }

    /**
     * Groups {@code items} (in order) into frames of at most {@link #BUDGET} bytes by
     * {@code size}. When they do not all fit in the frames allowed, the oldest are left out
     * ({@code keepNewest}, for catch-up: the newest matter most) or the newest are (for repair:
     * the asker asks again from where the answer stopped). Always at least one group, which may
     * be empty, so an answer always has a last frame.
     */
    static <T> List<List<T>> pack(List<T> items, ToIntFunction<T> size, boolean keepNewest) {
        int maxBytes = BUDGET * MeshLimits.MAX_FRAMES_PER_ANSWER;
        int from = 0;
        int to = items.size();
        long total = 0;
        if (keepNewest) {
            for (int i = items.size() - 1; i >= 0; i--) {
                total += size.applyAsInt(items.get(i));
                if (total > maxBytes) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<List<T>> groups = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int bytes = 0;
        for (int i = from; i < to; i++) {
            T item = items.get(i);
            int itemBytes = size.applyAsInt(item);
            if (!current.isEmpty() && (bytes + itemBytes > BUDGET || current.size() >= MeshLimits.MAX_MESSAGES_PER_FRAME)) {
                groups.add(current);
                if (groups.size() == MeshLimits.MAX_FRAMES_PER_ANSWER) {
                    return groups;
                }
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += itemBytes;
        }
        groups.add(current);
        return groups;
    }
}
