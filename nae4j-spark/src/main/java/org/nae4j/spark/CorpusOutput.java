package org.nae4j.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.nae4j.io.Json;

/**
 * The output folder of a corpus, read and written through Hadoop's FileSystem API (so hdfs:// and s3a:// work):
 * <ul>
 * <li>{@code recordings/<id>/}: what the single-recording command writes, byte for byte;</li>
 * <li>{@code _commits/<id>.json}: the commit marker of that folder, written after it is complete, with the
 * recording's parameters and summary row. A folder without its marker is not a result (a task that died while
 * copying it) and is replaced. Where renames are atomic (local files, HDFS) the folder is also copied beside its
 * place and renamed, so it is there whole or not at all;</li>
 * <li>{@code summary.csv} and {@code summary.parquet}: one row per recording;</li>
 * <li>{@code _nae4j-corpus.lock}: present while a run writes into the folder, so that a second run on the same
 * folder is refused instead of replacing what the first is writing.</li>
 * </ul>
 */
final class CorpusOutput {
    static final String RECORDINGS = "recordings";
    static final String COMMITS = "_commits";
    static final String SUMMARY_CSV = "summary.csv";
    static final String SUMMARY_PARQUET = "summary.parquet";
    static final String LOCK = "_nae4j-corpus.lock";
    /** File systems whose rename of a folder is atomic. */
    private static final Set<String> ATOMIC_RENAME = Set.of("file", "hdfs", "viewfs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final FileSystem fs;

    CorpusOutput(String out, Configuration conf) throws IOException {
        Path p = new Path(out);
        FileSystem f = p.getFileSystem(conf);
        this.root = f.makeQualified(p);
        // The local file system's checksum wrapper would add .crc files beside the results.
        this.fs = f instanceof LocalFileSystem local ? local.getRawFileSystem() : f;
    }

    /** {@code value} as one line of JSON. */
    static String compactJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not representable as JSON: " + value, e);
        }
    }

    Path root() {
        return root;
    }

    FileSystem fs() {
        return fs;
    }

    Path recording(String id) {
        return new Path(new Path(root, RECORDINGS), id);
    }

    Path commit(String id) {
        return new Path(new Path(root, COMMITS), id + ".json");
    }

    /**
     * Null if the folder may hold a corpus (missing, empty, or one written before), else why not.
     */
    String refusal() throws IOException {
        if (!fs.exists(root)) {
            return null;
        }
        if (!fs.getFileStatus(root).isDirectory()) {
            return "exists and is not a folder; corpus writes a folder of results there: choose another name";
        }
        FileStatus[] children = fs.listStatus(root);
        boolean onlyALock = children.length == 1 && children[0].getPath().getName().equals(LOCK);
        if (children.length == 0 || onlyALock || fs.exists(new Path(root, COMMITS))
                || fs.exists(new Path(root, RECORDINGS))) {
            return null;
        }
        return "is not empty and holds no corpus results of nae4j's (no " + RECORDINGS + "/ or " + COMMITS
                + "/); choose a new or empty folder";
    }

    /**
     * Takes the folder for this run: creates {@link #LOCK} (which {@link #unlock} removes), or returns why not:
     * another run is writing into it, or one that was killed left its lock behind. A file that exists is never
     * created again: atomically on a local disk (created with CREATE_NEW; Hadoop's local create checks first,
     * then writes) and on HDFS; on object stores, as far as their create refuses an existing key.
     *
     * @param owner what the lock says of this run (host, process, start)
     */
    String lock(String owner) throws IOException {
        Path lock = new Path(root, LOCK);
        byte[] text = (owner + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if ("file".equals(lock.toUri().getScheme())) {
                java.nio.file.Path local = java.nio.file.Path.of(lock.toUri());
                java.nio.file.Files.createDirectories(local.getParent());
                java.nio.file.Files.write(local, text, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            } else {
                try (OutputStream o = fs.create(lock, false)) {
                    o.write(text);
                }
            }
            return null;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
            String holder;
            try (InputStream in = fs.open(lock)) {
                holder = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException unreadable) {
                holder = "unknown";
            }
            return "another corpus run is writing into this folder (its lock " + lock + " says: " + holder
                    + "); wait for it to end, or, if none runs (one was killed), delete that file and run again";
        }
    }

    /** Removes the lock that {@link #lock} created. */
    void unlock() throws IOException {
        fs.delete(new Path(root, LOCK), false);
    }

    /** The commit marker of {@code id}, or null if the recording has none. */
    Map<String, Object> readCommit(String id) throws IOException {
        Path c = commit(id);
        if (!fs.exists(c)) {
            return null;
        }
        try (InputStream in = fs.open(c)) {
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        }
    }

    /** Forgets a result that is to be replaced: its commit marker first, then its folder. */
    void discard(String id) throws IOException {
        fs.delete(commit(id), false);
        fs.delete(recording(id), true);
    }

    /**
     * Copies a finished local result folder to {@code recordings/<id>} and commits it: replaces whatever an
     * earlier attempt left there, then writes the marker last.
     */
    void publish(String id, java.nio.file.Path local, Map<String, Object> commit, String attempt) throws IOException {
        Path target = recording(id);
        fs.delete(target, true);
        fs.mkdirs(target.getParent());
        if (atomicRename()) {
            Path staging = new Path(target.getParent(), "." + id + ".nae4j-new-" + attempt);
            fs.delete(staging, true);
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), staging);
            if (!fs.rename(staging, target)) {
                throw new IOException("cannot rename " + staging + " to " + target);
            }
        } else {
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), target);
        }
        write(commit(id), (Json.toString(commit) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file whole: a temporary file renamed into place where renames are atomic, else one upload. */
    void write(Path file, byte[] bytes) throws IOException {
        fs.mkdirs(file.getParent());
        Path tmp = atomicRename() ? new Path(file.getParent(), "." + file.getName() + ".nae4j-tmp") : file;
        try (OutputStream o = fs.create(tmp, true)) {
            o.write(bytes);
        }
        if (tmp != file) {
            fs.delete(file, false);
            if (!fs.rename(tmp, file)) {
                throw new IOException("cannot rename " + tmp + " to " + file);
            }
        }
    }

    /** Writes summary.csv: a header line, then one line per row (RFC 4180 quoting where needed). */
    void writeCsv(List<SummaryRow> rows) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", SummaryRow.COLUMNS)).append('\n');
        for (SummaryRow r : rows) {
            List<Object> v = r.values();
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(csv(v.get(i)));
            }
            b.append('\n');
        }
        write(new Path(root, SUMMARY_CSV), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String csv(Object o) {
        if (o == null) {
            return "";
        }
        String s = String.valueOf(o);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private boolean atomicRename() {
        return ATOMIC_RENAME.contains(root.toUri().getScheme());
    }
}
