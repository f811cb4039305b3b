package org.nae4j.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.nae4j.experiment.Recording;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.IoErrors;
import org.nae4j.io.Printable;

/**
 * The recordings of a corpus: a manifest, one recording a line as {@code id,audio,score[,model]} (paths relative
 * to the manifest's folder, or URIs of Hadoop's file systems; a first line {@code id,audio,score...} is a header,
 * blank lines and lines starting with '#' are skipped), or a folder of sub-folders as {@code experiment} reads
 * them ({@code --data}).
 */
final class Manifest {
    /** An id names a folder: letters, digits, '.', '_', '-', not starting with '.'. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    /** A manifest is a list of paths: larger is not one. */
    private static final long MAX_BYTES = 64L << 20;

    private Manifest() {
    }

    /**
     * One recording, its inputs as fully qualified URIs (file:/... for local files).
     *
     * @param model the model folder for {@code encode}; null when the manifest has none
     */
    record Entry(String id, String audio, String score, String model) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Reads a manifest through Hadoop's file systems. */
    static List<Entry> read(String manifest, Configuration conf) {
        Path file = new Path(manifest);
        java.nio.file.Path label = java.nio.file.Path.of(manifest);
        List<Entry> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try {
            FileSystem fs = file.getFileSystem(conf);
            file = fs.makeQualified(file);
            if (!fs.exists(file)) {
                throw InvalidInputException.of(label, "file not found");
            }
            if (fs.getFileStatus(file).isDirectory() || fs.getFileStatus(file).getLen() > MAX_BYTES) {
                throw InvalidInputException.of(label, "is not a manifest (a CSV file of id,audio,score[,model] lines)");
            }
            Path base = file.getParent();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = r.readLine()) != null) {
                    number++;
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")
                            || (number == 1 && t.toLowerCase(Locale.ROOT).startsWith("id,audio,score"))) {
                        continue;
                    }
                    Entry e = entry(t.split(",", -1), base, conf, label, number);
                    if (!ids.add(e.id())) {
                        throw InvalidInputException.of(label, "line " + number + ": id " + e.id() + " appears twice");
                    }
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.of(label, "cannot read: " + IoErrors.reason(e), e);
        }
        if (out.isEmpty()) {
            throw InvalidInputException.of(label, "lists no recording (expected lines id,audio,score[,model])");
        }
        return out;
    }

    private static Entry entry(String[] cells, Path base, Configuration conf, java.nio.file.Path label, int line)
            throws IOException {
        if (cells.length < 3 || cells.length > 4) {
            throw InvalidInputException.of(label, "line " + line + ": expected id,audio,score[,model], found "
                    + cells.length + " fields");
        }
        String id = cells[0].strip();
        if (!ID.matcher(id).matches()) {
            throw InvalidInputException.of(label, "line " + line + ": id '" + Printable.snippet(id) + "' is not a "
                    + "folder name (letters, digits, '.', '_', '-'; not starting with '.')");
        }
        for (int i = 1; i < cells.length; i++) {
            if (cells[i].isBlank() && i < 3) {
                throw InvalidInputException.of(label, "line " + line + ": empty " + (i == 1 ? "audio" : "score") + " path");
            }
        }
        String model = cells.length == 4 && !cells[3].isBlank() ? resolve(cells[3], base, conf) : null;
        return new Entry(id, resolve(cells[1], base, conf), resolve(cells[2], base, conf), model);
    }

    private static String resolve(String cell, Path base, Configuration conf) throws IOException {
        Path p = new Path(cell.strip());
        if (!p.isAbsoluteAndSchemeAuthorityNull() && p.toUri().getScheme() == null) {
            p = new Path(base, p);
        }
        return canonical(p.getFileSystem(conf).makeQualified(p).toUri());
    }

    /** One spelling per local file (file:/a, not file:///a), so that reruns compare inputs as equal. */
    private static String canonical(java.net.URI u) {
        return "file".equals(u.getScheme()) ? "file:" + u.getRawPath() : u.toString();
    }

    /** The recordings of a local folder of sub-folders, as {@code experiment} finds them. */
    static List<Entry> fromFolder(java.nio.file.Path data) {
        List<Entry> out = new ArrayList<>();
        for (Recording r : Recording.discover(data)) {
            if (!ID.matcher(r.name()).matches()) {
                throw InvalidInputException.of(data.resolve(r.name()), "is not usable as a recording id (letters, "
                        + "digits, '.', '_', '-')");
            }
            out.add(new Entry(r.name(), uri(r.audio()), uri(r.score()), null));
        }
        return out;
    }

    /** The URI of a local file, written as for the lines of a manifest (file:/path). */
    private static String uri(java.nio.file.Path p) {
        try {
            return canonical(FileSystem.getLocal(new Configuration()).makeQualified(new Path(p.toAbsolutePath()
                    .normalize().toString())).toUri());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot name " + p + " as a URI: " + IoErrors.reason(e), e);
        }
    }
}
