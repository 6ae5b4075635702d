package dev.parley.transport.irc;

import dev.parley.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open IRCv3 batches ({@code BATCH +id type params...} ... {@code BATCH -id}).
 *
 * <p>Lines of a {@code chathistory} batch are held here until the batch ends; lines of any other
 * batch ({@code labeled-response}, unknown types) are handled as they come. A batch may sit in
 * another one (its BATCH line has a {@code batch} tag); the {@code label} of a labeled-response
 * batch applies to every line inside it.
 */
final class BatchTracker {

    static final String CHATHISTORY = "chathistory";
    /** Against a server that opens batches and never closes them. */
    private static final int MAX_OPEN = 64;
    private static final int MAX_LINES = 10_000;

    /** One batch: its type and parameters, the label it answers, and the lines it collected. */
    record Batch(String id, String type, List<String> params, String label, String parent, List<IrcMessage> lines) {
    }

    private final Map<String, Batch> open = new HashMap<>();

    /** Takes a {@code BATCH} line; returns the batch it closes, or null when it opens one. */
    Batch onBatch(IrcMessage batch) {
        String ref = batch.param(0);
        if (ref == null || ref.length() < 2) {
            return null;
        }
        String id = ref.substring(1);
        if (ref.charAt(0) == '+') {
            if (open.size() < MAX_OPEN) {
                List<String> params = batch.params().size() > 2 ? batch.params().subList(2, batch.params().size()) : List.of();
                String type = batch.param(1) == null ? "" : batch.param(1);
                open.put(id, new Batch(id, type, List.copyOf(params), batch.tags().get("label"),
                        batch.tags().get("batch"), new ArrayList<>()));
            }
            return null;
        }
        return ref.charAt(0) == '-' ? open.remove(id) : null;
    }

    /** Keeps {@code line} when it belongs to an open chathistory batch; true when kept. */
    boolean collect(IrcMessage line) {
        String id = line.tags().get("batch");
        Batch batch = id == null ? null : open.get(id);
        if (batch == null || !batch.type().equals(CHATHISTORY)) {
            return false;
        }
        if (batch.lines().size() < MAX_LINES) {
            batch.lines().add(line);
        }
        return true;
    }

    /** The label {@code line} answers: its own, or that of a batch around it; null when none. */
    String labelOf(IrcMessage line) {
        String label = line.tags().get("label");
        String id = line.tags().get("batch");
        for (int depth = 0; label == null && id != null && depth < MAX_OPEN; depth++) {
            Batch batch = open.get(id);
            if (batch == null) {
                break;
            }
            label = batch.label();
            id = batch.parent();
        }
        return label;
    }
}
