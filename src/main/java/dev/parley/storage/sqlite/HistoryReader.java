package dev.parley.storage.sqlite;

import dev.parley.model.ChatMessage;
import dev.parley.storage.AroundWindow;
import dev.parley.storage.HistoryRef;
import dev.parley.storage.MessageStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history reads of {@link MessageStore}, as SQL over one read connection. Every page is one
 * query: "this conversation, these bounds, the first {@code limit} rows walking this way along this
 * axis" ({@link Anchor.Axis}), listed in append order whatever the walk.
 */
final class HistoryReader {

    private static final String COLUMNS = MessageRows.columns("m");

    private HistoryReader() {
    }

    static List<ChatMessage> latest(ReadConnection c, String conversation, int limit) throws SQLException {
        return page(c, conversation, Anchor.Axis.POSITION, true, limit);
    }

    /** A page: {@link #walk}, listed in append order. */
    private static List<ChatMessage> page(ReadConnection c, String conversation, Anchor.Axis axis,
                                          boolean fromTheEnd, int limit, Anchor.Bound... bounds)
            throws SQLException {
        return StoredMessage.inAppendOrder(walk(c, conversation, axis, fromTheEnd, limit, bounds));
    }

    static List<ChatMessage> latestAfter(ReadConnection c, String conversation, HistoryRef after, int limit)
            throws SQLException {
        Optional<Anchor> anchor = resolve(c, conversation, after);
        return anchor.isEmpty() ? List.of()
                : page(c, conversation, anchor.get().axis(), true, limit, anchor.get().later());
    }

    static List<ChatMessage> before(ReadConnection c, String conversation, HistoryRef ref, int limit)
            throws SQLException {
        Optional<Anchor> anchor = resolve(c, conversation, ref);
        return anchor.isEmpty() ? List.of()
                : page(c, conversation, anchor.get().axis(), true, limit, anchor.get().earlier());
    }

    static List<ChatMessage> after(ReadConnection c, String conversation, HistoryRef ref, int limit)
            throws SQLException {
        Optional<Anchor> anchor = resolve(c, conversation, ref);
        return anchor.isEmpty() ? List.of()
                : page(c, conversation, anchor.get().axis(), false, limit, anchor.get().later());
    }

    static List<ChatMessage> around(ReadConnection c, String conversation, HistoryRef ref, int limit)
            throws SQLException {
        Optional<Anchor> found = resolve(c, conversation, ref);
        if (found.isEmpty() || limit == 0) {
            return List.of();
        }
        Anchor anchor = found.get();
        List<StoredMessage> itself = anchor instanceof Anchor.AtMessage at
                ? List.of(new StoredMessage(at.seq(), at.message())) : List.of();
        int slots = limit - itself.size();
        Anchor.Bound laterSide = anchor instanceof Anchor.AtTime at ? at.atOrLater() : anchor.later();
        // Both walks start at the reference, so each side's nearest messages come first.
        List<StoredMessage> before = walk(c, conversation, anchor.axis(), true, slots, anchor.earlier());
        List<StoredMessage> after = walk(c, conversation, anchor.axis(), false, slots, laterSide);
        AroundWindow window = AroundWindow.split(slots, before.size(), after.size());
        List<StoredMessage> chosen = new ArrayList<>(before.subList(0, window.before()));
        chosen.addAll(itself);
        chosen.addAll(after.subList(0, window.after()));
        return StoredMessage.inAppendOrder(chosen);
    }

    static List<ChatMessage> between(ReadConnection c, String conversation, HistoryRef from, HistoryRef to,
                                     int limit) throws SQLException {
        Optional<Anchor> start = resolve(c, conversation, from);
        Optional<Anchor> end = resolve(c, conversation, to);
        if (start.isEmpty() || end.isEmpty()) {
            return List.of();
        }
        Anchor a = start.get();
        Anchor b = end.get();
        boolean forward = a instanceof Anchor.AtMessage ma && b instanceof Anchor.AtMessage mb
                ? ma.seq() <= mb.seq()
                : !a.time().isAfter(b.time());
        // The page grows from `from`, so it walks along from's axis.
        return forward
                ? page(c, conversation, a.axis(), false, limit, a.later(), b.earlier())
                : page(c, conversation, a.axis(), true, limit, a.earlier(), b.later());
    }

    static Optional<ChatMessage> byId(ReadConnection c, String id) throws SQLException {
        PreparedStatement query = c.prepare("SELECT " + COLUMNS + " FROM messages m WHERE m.msgid = ?");
        query.setString(1, id);
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(MessageRows.read(rows)) : Optional.empty();
        }
    }

    /** The point a reference names in this conversation; empty for an id that is not one of its messages. */
    private static Optional<Anchor> resolve(ReadConnection c, String conversation, HistoryRef ref)
            throws SQLException {
        return switch (ref) {
            case HistoryRef.ByTime(var time) -> Optional.of(new Anchor.AtTime(time));
            case HistoryRef.ById(var id) -> {
                PreparedStatement query = c.prepare(
                        "SELECT " + COLUMNS + " FROM messages m WHERE m.msgid = ? AND m.conversation = ?");
                query.setString(1, id);
                query.setString(2, conversation);
                try (ResultSet rows = query.executeQuery()) {
                    yield rows.next()
                            ? Optional.of(new Anchor.AtMessage(rows.getLong(8), MessageRows.read(rows)))
                            : Optional.empty();
                }
            }
        };
    }

    /**
     * Up to {@code limit} messages of the conversation within all {@code bounds}: the last ones
     * along {@code axis} when {@code fromTheEnd} (last first), else the first ones (first first).
     */
    private static List<StoredMessage> walk(ReadConnection c, String conversation, Anchor.Axis axis,
                                          boolean fromTheEnd, int limit, Anchor.Bound... bounds)
            throws SQLException {
        if (limit == 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM messages m WHERE m.conversation = ?");
        for (Anchor.Bound bound : bounds) {
            sql.append(" AND m.").append(bound.condition());
        }
        sql.append(" ORDER BY ").append(axis.orderBy(fromTheEnd)).append(" LIMIT ?");
        PreparedStatement query = c.prepare(sql.toString());
        int parameter = 1;
        query.setString(parameter++, conversation);
        for (Anchor.Bound bound : bounds) {
            query.setLong(parameter++, bound.value());
        }
        query.setInt(parameter, limit);
        try (ResultSet rows = query.executeQuery()) {
            return MessageRows.readAll(rows);
        }
    }
}
