package org.nae4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void failedFolderLeavesTheOldOneIntact(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        AtomicFiles.writeFolder(out, d -> Files.writeString(d.resolve("a.txt"), "first"));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeFolder(out, d -> {
            Files.writeString(d.resolve("a.txt"), "half");
            throw new IllegalStateException("boom");
        }));
        assertEquals("first", Files.readString(out.resolve("a.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no partial folder is left behind");
        }
    }

    @Test
    void newFolderReplacesTheOld(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        AtomicFiles.writeFolder(out, d -> Files.writeString(d.resolve("old.txt"), "x"));
        AtomicFiles.writeFolder(out, d -> Files.writeString(d.resolve("new.txt"), "y"));
        assertTrue(Files.exists(out.resolve("new.txt")));
        assertFalse(Files.exists(out.resolve("old.txt")));
    }
}
