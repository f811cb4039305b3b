package org.nae4j.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single-file outputs: an existing file only with --overwrite, an input never. */
class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void anExistingFileIsReplacedOnlyWithOverwrite() throws IOException {
        Path f = Files.writeString(dir.resolve("aligned.csv"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OutputFile.check(f, false, List.of(), null));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertDoesNotThrow(() -> OutputFile.check(f, true, List.of(), null));
        assertDoesNotThrow(() -> OutputFile.check(dir.resolve("new.csv"), false, List.of(), null));
    }

    @Test
    void anInputIsNeverReplaced() throws IOException {
        Path score = Files.writeString(dir.resolve("score.csv"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), score);
        for (Path target : List.of(score, link, dir.resolve("sub/../score.csv"))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> OutputFile.check(target, true, List.of(score), null));
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
    }

    @Test
    void foldersAndWrongExtensionsAreRefused() {
        assertThrows(InvalidInputException.class, () -> OutputFile.check(dir, true, List.of(), null));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OutputFile.check(dir.resolve("x.mp3"), false, List.of(), ".wav"));
        assertTrue(e.getMessage().contains(".wav"), e.getMessage());
        assertDoesNotThrow(() -> OutputFile.check(dir.resolve("x.WAV"), false, List.of(), ".wav"));
    }
}
