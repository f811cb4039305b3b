package org.nae4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

/** The manifest: paths relative to its folder or URIs, a header, comments, and ids that name folders. */
class ManifestTest {
    @TempDir
    Path dir;

    private List<Manifest.Entry> read(String... lines) throws IOException {
        Path m = dir.resolve("sub").resolve("manifest.csv");
        Files.createDirectories(m.getParent());
        Files.write(m, List.of(lines));
        return Manifest.read(m.toString(), new Configuration());
    }

    @Test
    void pathsAreRelativeToTheManifestAndUrisStayAsTheyAre() throws IOException {
        List<Manifest.Entry> e = read("id,audio,score,model", "# a comment", "", "a,x/a.wav,x/a.csv",
                "b,/abs/b.wav,file:/abs/b.csv,models/m");
        assertEquals(2, e.size());
        Path sub = dir.resolve("sub").toAbsolutePath();
        assertEquals("file:" + sub.resolve("x/a.wav"), e.get(0).audio());
        assertNull(e.get(0).model());
        assertEquals("file:/abs/b.wav", e.get(1).audio());
        assertEquals("file:/abs/b.csv", e.get(1).score());
        assertEquals("file:" + sub.resolve("models/m"), e.get(1).model());
    }

    @Test
    void badLinesAreErrorsNamingTheLine() {
        String twice = assertThrows(InvalidInputException.class, () -> read("a,1.wav,1.csv", "a,2.wav,2.csv"))
                .getMessage();
        assertTrue(twice.contains("line 2: id a appears twice"), twice);
        String id = assertThrows(InvalidInputException.class, () -> read("../up,1.wav,1.csv")).getMessage();
        assertTrue(id.contains("line 1: id '../up' is not a folder name"), id);
        String fields = assertThrows(InvalidInputException.class, () -> read("a,1.wav")).getMessage();
        assertTrue(fields.contains("line 1: expected id,audio,score[,model], found 2 fields"), fields);
        String empty = assertThrows(InvalidInputException.class, () -> read("id,audio,score")).getMessage();
        assertTrue(empty.contains("lists no recording"), empty);
    }
}
