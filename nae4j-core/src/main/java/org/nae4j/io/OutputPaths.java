package org.nae4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The paths an output may never replace, and the hidden names of nae4j's temporary files. Paths are compared
 * as real paths (symbolic links resolved) so that {@code --out ./x/..} or a link cannot dodge the rules.
 */
public final class OutputPaths {
    /** Longest file name, in bytes, that common Linux, macOS and Windows file systems accept. */
    static final int MAX_NAME_BYTES = 255;
    /** Characters of a long name kept in a hidden sibling's name before the hash that keeps it unique. */
    private static final int KEPT_NAME_CHARS = 80;

    private OutputPaths() {
    }

    /** The absolute, normalised form of {@code p}, with symbolic links of its existing part resolved. */
    public static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            if (existing.getFileName() != null) {
                rest.add(0, existing.getFileName());
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path r;
        try {
            r = existing.toRealPath();
        } catch (IOException e) {
            // A dangling link: compare by its own path.
            r = existing;
        }
        for (Path part : rest) {
            r = r.resolve(part);
        }
        return r;
    }

    /**
     * Refuses an output path that would replace something a user cannot lose: a file-system root, the home
     * folder, the current folder or a folder above it, an input, or a folder holding an input.
     *
     * @param target what would be written or replaced
     * @param inputs the run's input files and folders
     * @param what   how messages call the target, e.g. "output folder"
     */
    public static void refuseProtected(Path target, Collection<Path> inputs, String what) {
        Path t = real(target);
        if (t.getParent() == null || t.getFileName() == null) {
            throw InvalidInputException.of(target, "is a file-system root and cannot be " + article(what) + what);
        }
        Path home = real(Path.of(System.getProperty("user.home")));
        if (t.equals(home) || home.startsWith(t)) {
            throw InvalidInputException.of(target, "is your home folder or holds it; it cannot be "
                    + article(what) + what + ": choose a new folder");
        }
        Path cwd = real(Path.of(""));
        if (cwd.startsWith(t)) {
            throw InvalidInputException.of(target, "is the current folder or holds it; it cannot be "
                    + article(what) + what + ": choose a new folder");
        }
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            Path in = real(input);
            if (in.equals(t)) {
                throw InvalidInputException.of(target, "is an input of this run (" + input + "); it cannot be "
                        + article(what) + what);
            }
            if (in.startsWith(t)) {
                throw InvalidInputException.of(target, "holds an input of this run (" + input + "); it cannot be "
                        + article(what) + what + ": choose a new folder");
            }
        }
        int bytes = t.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw InvalidInputException.of(target, "its name is " + bytes + " bytes long, more than the "
                    + MAX_NAME_BYTES + " that file systems accept");
        }
    }

    private static String article(String what) {
        return "aeiou".indexOf(Character.toLowerCase(what.charAt(0))) >= 0 ? "an " : "a ";
    }

    /**
     * Refuses to create {@code real} (the absolute form of {@code given}, which messages name) where its nearest
     * existing ancestor is not a folder or is read-only: found now, not after the computation.
     */
    static void refuseUncreatable(Path given, Path real) {
        Path p = real.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw InvalidInputException.of(given, "cannot be created: " + p + " is not a folder");
        }
        if (readOnly(p)) {
            throw InvalidInputException.of(given, "cannot be created: the folder " + p + " is read-only");
        }
    }

    /** Whether the folder {@code dir} holds nothing. */
    public static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /**
     * A hidden sibling of {@code target} named after it, such as {@code .results.nae4j-new}. Long names are
     * shortened and given a hash, so the sibling is valid whenever the target's name is.
     */
    static Path hiddenSibling(Path target, String suffix) {
        String name = target.getFileName().toString();
        String full = "." + name + suffix;
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return target.resolveSibling(full);
        }
        String kept = name.codePoints().limit(KEPT_NAME_CHARS)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String hash = String.format(Locale.ROOT, "%08x", name.hashCode());
        return target.resolveSibling("." + kept + "-" + hash + suffix);
    }

    /**
     * Whether the owner may not write to {@code dir}. The permission bits are read, not {@code access(2)}:
     * as root every folder is writable, yet a user who made one read-only meant to protect it.
     */
    static boolean readOnly(Path dir) {
        PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (posix != null) {
            try {
                return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
            } catch (IOException e) {
                return !Files.isWritable(dir);
            }
        }
        return !Files.isWritable(dir);
    }
}
