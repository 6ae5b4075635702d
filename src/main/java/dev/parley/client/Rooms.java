package dev.parley.client;

import dev.parley.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open rooms in the order they opened (the order /switch numbers them), found case-insensitively. */
final class Rooms {

    private final Map<String, Room> rooms = new LinkedHashMap<>();

    Room get(String name) {
        return rooms.get(CaseMapping.fold(name));
    }

    Room open(String name, boolean channel) {
        return rooms.computeIfAbsent(CaseMapping.fold(name), key -> new Room(name, channel));
    }

    Room remove(String name) {
        return rooms.remove(CaseMapping.fold(name));
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
        List<Room> inOrder = all();
        rooms.clear();
        inOrder.forEach(r -> rooms.put(CaseMapping.fold(r.name()), r));
        return true;
    }
}
