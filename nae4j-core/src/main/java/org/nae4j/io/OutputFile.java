package org.nae4j.io;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;

/**
 * The rule for outputs that are single files ({@code align --out}, {@code synth --out}, {@code evaluate}'s
 * tables): a file is never written over an input of the run, over a folder, or over an existing file unless
 * the user passed {@code --overwrite}. The file itself is written atomically ({@link AtomicFiles#write}).
 */
public final class OutputFile {
    private OutputFile() {
    }

    /**
     * Checks that {@code file} may be written; call it before the computation so that a refusal costs nothing.
     *
     * @param file      the file to write
     * @param overwrite replace an existing file (the command line's {@code --overwrite})
     * @param inputs    the run's inputs, which are never replaced
     * @param extension the required extension with its dot, case-insensitive ({@code ".wav"}), or null for any
     */
    public static void check(Path file, boolean overwrite, Collection<Path> inputs, String extension) {
        OutputPaths.refuseProtected(file, inputs, "output file");
        if (extension != null && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw InvalidInputException.of(file, "the file name must end in " + extension
                    + " (nae4j writes that format and nothing else)");
        }
        Path real = OutputPaths.real(file);
        if (Files.isDirectory(real)) {
            throw InvalidInputException.of(file, "is a folder; give the name of the file to write");
        }
        if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            if (!overwrite) {
                throw InvalidInputException.of(file, "exists; pass --overwrite to replace it, or choose another name");
            }
            if (!Files.isRegularFile(real)) {
                throw InvalidInputException.of(file, "exists and is not a regular file; nae4j does not replace it");
            }
            if (OutputPaths.readOnly(real)) {
                throw InvalidInputException.of(file, "is read-only; make it writable to let nae4j replace it");
            }
        }
        OutputPaths.refuseUncreatable(file, real);
    }
}
