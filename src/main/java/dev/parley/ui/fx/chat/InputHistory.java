package dev.parley.ui.fx.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user typed in one tab, for Up and Down. Up walks back from the newest entry; Down
 * walks forward and ends at the line being written before the walk began, so nothing typed is lost.
 */
public final class InputHistory {

    private final int limit;
    private final List<String> entries = new ArrayList<>();
    private int position;
    private String draft = "";

    public InputHistory(int limit) {
        this.limit = limit;
    }

    /** Remembers a sent line (not blank, not a repeat of the last one) and ends any walk. */
    public void add(String line) {
        if (!line.isBlank() && (entries.isEmpty() || !entries.getLast().equals(line))) {
            entries.add(line);
            if (entries.size() > limit) {
                entries.removeFirst();
            }
        }
        position = entries.size();
        draft = "";
    }

    /** The entry before the one shown; {@code current} is kept as the draft when the walk starts. */
    public String previous(String current) {
        if (position == entries.size()) {
            draft = current;
        }
        if (position == 0) {
            return entries.isEmpty() ? current : entries.getFirst();
        }
        position--;
        return entries.get(position);
    }

    /** The entry after the one shown, or the draft at the end. */
    public String next() {
        if (position >= entries.size()) {
            return draft;
        }
        position++;
        return position == entries.size() ? draft : entries.get(position);
    }
}
