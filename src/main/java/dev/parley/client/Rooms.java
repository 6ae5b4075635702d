package dev.parley.client;

import dev.parley.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open rooms in the order they opened (the order /switch numbers them), found case-insensitively. */
final class Rooms {

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    /**
     * Rooms by the names they had before a rename: an answer or a request on its way under the old
     * name (a page of history, a face that had not seen the rename yet) still finds its room.
     */
    private final Map<String, Room> formerNames = new HashMap<>();

    /** The room with this name, or the one that had it before a rename. */
    Room get(String name) {
        String key = CaseMapping.fold(name);
        Room room = rooms.get(key);
        return room != null ? room : formerNames.get(key);
    }

    /** The room with this name now, and no other: someone new with a renamed partner's old nick is someone else. */
    Room named(String name) {
        return rooms.get(CaseMapping.fold(name));
    }

    Room open(String name, boolean channel) {
        String key = CaseMapping.fold(name);
        formerNames.remove(key);
        return rooms.computeIfAbsent(key, k -> new Room(name, channel));
    }

    Room remove(String name) {
        Room room = get(name);
        if (room != null) {
            rooms.remove(CaseMapping.fold(room.name()));
            formerNames.values().removeIf(former -> former == room);
        }
        return room;
    }

    /** The room at a 1-based position, or null. */
    Room at(int position) {
        List<Room> all = all();
        return position >= 1 && position <= all.size() ? all.get(position - 1) : null;
    }

    List<Room> all() {
        return new ArrayList<>(rooms.values());
    }

    List<Room> channels() {
        return all().stream().filter(Room::isChannel).toList();
    }

    /**
     * Gives a room a new name in the same place (tabs and /switch numbers stay put); false when
     * there is no such room or another room already has the new name.
     */
    boolean rename(String oldName, String newName) {
        String oldKey = CaseMapping.fold(oldName);
        String newKey = CaseMapping.fold(newName);
        Room room = rooms.get(oldKey);
        if (room == null || (!newKey.equals(oldKey) && rooms.containsKey(newKey))) {
            return false;
        }
        room.rename(newName);
        if (!newKey.equals(oldKey)) {
            formerNames.put(oldKey, room);
        }
        formerNames.remove(newKey);
        List<Room> inOrder = all();
        rooms.clear();
        inOrder.forEach(r -> rooms.put(CaseMapping.fold(r.name()), r));
        return true;
    }
}
