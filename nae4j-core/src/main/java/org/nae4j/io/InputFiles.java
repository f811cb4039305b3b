package org.nae4j.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the user's input files with messages that name the file and say what is wrong. */
public final class InputFiles {
    private InputFiles() {
    }

    /** All bytes of {@code file}; a missing, unreadable or directory path is an {@link InvalidInputException}. */
    public static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of(file, "is a directory, not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.of(file, "permission denied", e);
        } catch (IOException e) {
            throw InvalidInputException.of(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
