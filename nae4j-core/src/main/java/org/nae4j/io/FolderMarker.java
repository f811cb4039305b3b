package org.nae4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The file by which nae4j recognises a folder it wrote: {@value #NAME}, a JSON object whose {@code entries}
 * lists every file and folder nae4j put there (relative, '/'-separated, folders ending in '/'). A folder is
 * replaced only if it holds nothing but those entries, so a file a user added is never deleted with it.
 */
public final class FolderMarker {
    /** The marker's file name (hidden: it is bookkeeping, not a result). */
    public static final String NAME = ".nae4j-output.json";
    /** Markers are small; a larger file is not one of nae4j's and is not read whole. */
    private static final long MAX_BYTES = 16L << 20;
    /** How many unexpected entries a message names before "and N more". */
    private static final int NAMED = 5;

    private FolderMarker() {
    }

    /** Whether {@code dir} holds a marker. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(NAME), LinkOption.NOFOLLOW_LINKS);
    }

    /** Writes the marker of {@code dir}, listing everything now in it; {@code command} says what wrote it. */
    public static void write(Path dir, String command) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("written_by", "nae4j");
        String version = FolderMarker.class.getPackage().getImplementationVersion();
        m.put("version", version == null ? "development build" : version);
        m.put("command", command);
        m.put("note", "nae4j replaces this folder (with --overwrite) only while it holds nothing but these entries");
        m.put("entries", new ArrayList<>(list(dir)));
        AtomicFiles.writeString(dir.resolve(NAME), Json.toString(m) + "\n");
    }

    /** Adds entries (relative names) to the marker of {@code dir}, if it has one; a no-op otherwise. */
    public static void add(Path dir, Collection<String> names) {
        if (!present(dir)) {
            return;
        }
        Map<String, Object> m = readMap(dir);
        TreeSet<String> entries = new TreeSet<>(entries(dir, m));
        entries.addAll(names);
        m.put("entries", new ArrayList<>(entries));
        AtomicFiles.writeString(dir.resolve(NAME), Json.toString(m) + "\n");
    }

    /** The entries the marker of {@code dir} lists. */
    public static TreeSet<String> entries(Path dir) {
        return entries(dir, readMap(dir));
    }

    /** What wrote {@code dir}, as its marker says ("decompose", "separate", ...), or "" if unknown. */
    public static String command(Path dir) {
        Object c = readMap(dir).get("command");
        return c instanceof String s ? s : "";
    }

    private static TreeSet<String> entries(Path dir, Map<String, Object> m) {
        Object e = m.get("entries");
        if (!(e instanceof List<?> list) || !"nae4j".equals(m.get("written_by"))) {
            throw InvalidInputException.of(dir.resolve(NAME), "is not a marker of nae4j (no 'entries' list)");
        }
        TreeSet<String> out = new TreeSet<>();
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static Map<String, Object> readMap(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw InvalidInputException.of(file, "is too large to be a marker of nae4j");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + IoErrors.reason(e), e);
        }
        return Json.readObject(file);
    }

    /** Every file and folder under {@code dir} but the marker, relative, sorted; folders end in '/'. */
    static TreeSet<String> list(Path dir) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir) && !p.equals(dir.resolve(NAME))).forEach(p -> {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? rel + "/" : rel);
            });
        }
        return out;
    }

    /** Up to a few names of what {@code dir} holds, for a message: "a, b, c and 12 more". */
    static String sample(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        int count = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (count++ < NAMED) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        return describe(names, count);
    }

    /** "a, b, c" or "a, b, c and 7 more" for {@code total} names of which {@code names} are shown. */
    static String describe(List<String> names, int total) {
        String shown = String.join(", ", names.stream().map(Printable::escape).toList());
        return total > names.size() ? shown + " and " + (total - names.size()) + " more" : shown;
    }

    /** Names of the entries in {@code dir} that its marker does not list (at most a few, and their count). */
    static String unexpected(Path dir, TreeSet<String> listed) throws IOException {
        List<String> extra = new ArrayList<>();
        int count = 0;
        for (String e : list(dir)) {
            if (!listed.contains(e)) {
                if (count++ < NAMED) {
                    extra.add(e);
                }
            }
        }
        return count == 0 ? null : describe(extra, count);
    }
}
