package org.nae4j.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nae4j.InvalidInputException;

/** Writes a file through a temporary file in the same directory, so readers never see half a file. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path file, byte[] content) {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw InvalidInputException.of(file, "cannot write: " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed and is being reported; a leftover temp file is secondary.
                }
            }
        }
    }
}
