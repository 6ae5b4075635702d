package dev.parley.transport.mesh;

import dev.parley.discovery.Announcement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A peer id kept in the data folder ({@code mesh-peer-id}), so a restarted peer is the same peer
 * to the others: it keeps its place in their tables and its nick claim.
 */
public final class PeerIdFile {

    public static final String FILE_NAME = "mesh-peer-id";

    private PeerIdFile() {
    }

    /**
     * The id stored in {@code dataDir}, or a new one written there.
     *
     * @throws UncheckedIOException when the folder cannot be read or written
     */
    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (Streams.isPeerId(id)) {
                    return id;
                }
            }
            Files.createDirectories(dataDir);
            String id = Announcement.newNodeId();
            Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the mesh peer id in " + file, e);
        }
    }
}
