package org.nae4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Messages about failed writes name the user's path and say why in words. */
class IoErrorsTest {
    @Test
    void aFullDiskIsSaidPlainlyAndTheHiddenPathIsNotShown() {
        FileSystemException e = new FileSystemException("/data/.results.nae4j-new/W.npy", null,
                "No space left on device");
        UncheckedIOException u = IoErrors.cannotWrite(Path.of("/data/results"), e);
        assertEquals("cannot write /data/results: the disk is full (no space left on device)", u.getMessage());
        assertFalse(u.getMessage().contains("nae4j-new"));
    }

    @Test
    void otherReasonsAreNamed() {
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("/x")));
        assertEquals("the file system is read-only",
                IoErrors.reason(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("the disk quota is exceeded",
                IoErrors.reason(new FileSystemException("/x", null, "Disk quota exceeded")));
        assertTrue(IoErrors.reason(new java.io.IOException("Input/output error")).contains("Input/output"));
    }
}
