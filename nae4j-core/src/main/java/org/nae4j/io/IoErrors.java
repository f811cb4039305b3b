package org.nae4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns an {@link IOException} into words a user can act on. The operating system's reason ("No space left
 * on device") is kept, but the path it names is often one of nae4j's hidden temporary files: messages name
 * the user's path instead.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** Why {@code e} happened, in a few words, without the path it names. */
    public static String reason(IOException e) {
        String os = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        String lower = os == null ? "" : os.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return "the disk is full (no space left on device)";
        }
        if (lower.contains("quota")) {
            return "the disk quota is exceeded";
        }
        if (lower.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (lower.contains("file name too long")) {
            return "the file name is too long for the file system";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        return os == null || os.isBlank() ? e.getClass().getSimpleName() : os;
    }

    /** An unchecked "cannot write {@code target}: reason" that names the user's path, not a temporary one. */
    public static UncheckedIOException cannotWrite(Path target, IOException e) {
        return new UncheckedIOException("cannot write " + target + ": " + reason(e), e);
    }
}
