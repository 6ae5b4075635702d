package dev.parley.transport.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.client.i18n.ClientTexts;
import dev.parley.transport.TransportNote;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every note the mesh makes has its text in the client's bundle, taking exactly the arguments the
 * mesh gives it: a missing key would show the key itself, a wrong count a raw {n}. That the
 * Swedish and Chinese files have every English key with the same {n} is ClientTextsTest's part.
 */
class MeshNoteTest {

    @ParameterizedTest
    @EnumSource(MeshNote.class)
    void hasAnEnglishTextFillingInExactlyItsArguments(MeshNote note) {
        Object[] markers = IntStream.range(0, note.arity()).mapToObj(i -> "<" + i + ">").toArray();
        String text = ClientTexts.english().get(note.key(), markers);
        assertNotEquals(note.key(), text, "no text for " + note.key());
        for (Object marker : markers) {
            assertTrue(text.contains(marker.toString()), note.key() + " leaves out " + marker + ": " + text);
        }
        assertEquals(-1, text.indexOf('{'), note.key() + " has more arguments than " + note.arity() + ": " + text);
    }

    @Test
    void aNoteTakesItsArgumentsAndRefusesAWrongCount() {
        assertEquals(new TransportNote("mesh.noSuchNick", List.of("bob")), MeshNote.NO_SUCH_NICK.with("bob"));
        assertThrows(IllegalArgumentException.class, () -> MeshNote.NO_SUCH_NICK.with());
        assertThrows(IllegalArgumentException.class, () -> MeshNote.NO_TEXT.with("extra"));
    }
}
