package dev.parley.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path tmp;

    private AppDirs dirs() {
        return new AppDirs(tmp.resolve("conf"), tmp.resolve("data"));
    }

    private Settings changed() {
        return Settings.defaults(dirs()).withNick("ada")
                .withUi(new UiSettings("dark", 18, "sv"))
                .withServer(Settings.defaults(dirs()).server().withIdentity("lab", "pa\"ss"))
                .withMesh(new MeshSettings("127.255.255.255", 6000, "", List.of("10.0.0.2:7000")));
    }

    @Test
    void savedSettingsLoadBackEqualAndMissingFoldersAreCreated() throws IOException, ConfigException {
        Path file = tmp.resolve("a").resolve("b").resolve("parley.toml");
        new SettingsFile(file).save(changed());
        assertEquals(changed(), new SettingsLoader(dirs()).load(file));
    }

    @Test
    void savingReplacesTheOldFileAndLeavesNoTemporaryFileBehind() throws IOException, ConfigException {
        Path file = tmp.resolve("parley.toml");
        Files.writeString(file, "# my notes\nnick = \"old\"\n");
        new SettingsFile(file).save(changed());
        assertEquals("ada", new SettingsLoader(dirs()).load(file).nick());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void theSavedFileIsForItsOwnerOnlyBecauseItMayHoldThePassword() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = tmp.resolve("parley.toml");
        new SettingsFile(file).save(changed());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
    }

    @Test
    void aSymbolicLinkIsFollowedNotReplaced() throws IOException, ConfigException {
        Path real = tmp.resolve("dotfiles").resolve("parley.toml");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "nick = \"old\"\n");
        Path link = tmp.resolve("parley.toml");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        new SettingsFile(link).save(changed());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("ada", new SettingsLoader(dirs()).load(real).nick());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAClearError() throws IOException {
        Path blocker = tmp.resolve("conf");
        Files.writeString(blocker, "not a folder");
        Path file = blocker.resolve("parley.toml");
        IOException e = assertThrows(IOException.class, () -> new SettingsFile(file).save(changed()));
        assertEquals("cannot save the settings to " + file + ": " + blocker + " is in the way (not a folder)", e.getMessage());
    }

    @Test
    void aFolderWhereTheFileShouldBeIsAClearErrorAndLeavesNoLitter() throws IOException {
        Path file = tmp.resolve("parley.toml");
        Files.createDirectories(file.resolve("inside"));
        IOException e = assertThrows(IOException.class, () -> new SettingsFile(file).save(changed()));
        assertTrue(e.getMessage().startsWith("cannot save the settings to " + file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
