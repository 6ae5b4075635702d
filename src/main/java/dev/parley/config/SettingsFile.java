package dev.parley.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Saves {@link Settings} to {@code parley.toml}, for the desktop app's settings changes.
 *
 * <p>The whole file is rewritten from the settings ({@link SettingsToml#render}), so comments,
 * key order and keys left at their defaults in the user's file are not kept: what is saved is
 * every setting, as {@code parley config} shows it (but with the password in clear).
 *
 * <p>The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
 * the old file in one step: a crash or a full disk leaves the old file or the new one, never
 * half of one. The new file is readable by its owner only, as it may hold the server password.
 * A symbolic link (a config kept in a dotfiles repository) is followed, not replaced.
 */
public final class SettingsFile {

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /**
     * Writes {@code settings}, creating missing parent folders. Synchronized so that two saves
     * from different threads land in the order they were called.
     *
     * @throws IOException with a message naming the file and the reason, ready for a user
     */
    public synchronized void save(Settings settings) throws IOException {
        byte[] text = SettingsToml.render(settings, false).getBytes(StandardCharsets.UTF_8);
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true); // on disk before the rename makes it the config
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new IOException("cannot save the settings to " + target + ": " + reason(e), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** A leftover temporary file is only litter: the failure worth reporting is the save's. */
    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Reported no further; the next save uses a fresh name.
        }
    }

    /** The JDK's file exceptions often carry only a path as their message; say what it means. */
    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied (" + denied.getFile() + ")";
            case FileAlreadyExistsException inTheWay -> inTheWay.getFile() + " is in the way (not a folder)";
            case NoSuchFileException missing -> "no such folder (" + missing.getFile() + ")";
            // Its file is often the temporary one, which would only puzzle; the target is named already.
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage() == null ? e.toString() : e.getMessage();
        };
    }
}
