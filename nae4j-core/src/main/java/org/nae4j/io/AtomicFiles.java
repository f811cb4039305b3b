package org.nae4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writes files and folders so that a reader never sees half of one: write beside, then rename. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code file} through a temporary file in the same folder and an atomic rename. */
    public static void write(Path file, Content content) {
        Path abs = file.toAbsolutePath();
        Path dir = parent(abs, file, "file");
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = sibling(abs, ".tmp");
            // The name holds this process' id and thread: a file by that name is a leftover of a dead process.
            Files.deleteIfExists(tmp);
            // CREATE_NEW with the default mode (not createTempFile's 0600), so others can read the result.
            try (OutputStream out = new java.io.BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            move(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw IoErrors.cannotWrite(file, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Writes bytes atomically. */
    public static void write(Path file, byte[] bytes) {
        write(file, out -> out.write(bytes));
    }

    /** Writes text (UTF-8) atomically. */
    public static void writeString(Path file, String text) {
        write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Something that fills a fresh folder (see {@link OutputFolder#write}). */
    @FunctionalInterface
    public interface FolderContent {
        void fill(Path folder) throws IOException;
    }

    /** The folder that holds {@code abs}; a root such as "/" has none and cannot be written. */
    private static Path parent(Path abs, Path given, String what) {
        Path parent = abs.getParent();
        if (parent == null) {
            throw InvalidInputException.of(given, "cannot be an output " + what + " (a file-system root)");
        }
        return parent;
    }

    /** A fresh hidden name beside {@code target}, unique per process, thread and moment. */
    private static Path sibling(Path target, String suffix) {
        return OutputPaths.hiddenSibling(target, ".nae4j-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId() + suffix);
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a stray temporary file is harmless
            }
        }
    }

    /** Deletes a folder and everything in it (best effort; null is ignored). */
    public static void deleteTree(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
