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

    /** A room's key changes when a direct conversation's partner changes nick. */
    void rename(String oldName, String newName) {
        Room room = rooms.remove(CaseMapping.fold(oldName));
        if (room != null) {
            Room renamed = new Room(newName, room.isChannel());
            renamed.prepend(room.lastLines(Room.RECENT_LINES));
            rooms.put(CaseMapping.fold(newName), renamed);
        }
    }
}
