package org.nae4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.LongAccumulator;
import org.nae4j.cli.SingleRun;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.Json;
import org.nae4j.io.Printable;

/**
 * What an executor does with one recording: fetch its inputs (local files are read in place), run the
 * single-recording command into a local temporary folder, copy the folder to OUT/recordings/&lt;id&gt; and commit
 * it. Never throws: a recording that fails, whatever the reason, is a failed row.
 */
final class RecordingTask implements Function<RecordingTask.Job, SummaryRow>, Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One recording to run.
     *
     * @param seconds    its duration, for the order of the tasks and the ETA
     * @param parameters its parameters (inputs, task, options), kept in the commit marker
     */
    record Job(Manifest.Entry entry, double seconds, Map<String, Object> parameters) implements Serializable {
        private static final long serialVersionUID = 1L;

        String parametersJson() {
            return CorpusOutput.compactJson(parameters);
        }
    }

    private final String task;
    private final List<String> options;
    private final int threads;
    private final String out;
    private final HadoopConf conf;
    private final LongAccumulator done;
    private final LongAccumulator failed;

    RecordingTask(String task, List<String> options, int threads, String out, Configuration conf,
                  LongAccumulator done, LongAccumulator failed) {
        this.task = task;
        this.options = List.copyOf(options);
        this.threads = threads;
        this.out = out;
        this.conf = new HadoopConf(conf);
        this.done = done;
        this.failed = failed;
    }

    @Override
    public SummaryRow call(Job job) {
        System.setProperty("java.awt.headless", "true");
        Manifest.Entry e = job.entry();
        long t0 = System.nanoTime();
        String host = host();
        String executor = SparkEnv.get() == null ? "" : SparkEnv.get().executorId();
        Path tmp = null;
        SummaryRow row;
        try {
            tmp = Files.createTempDirectory("nae4j-corpus-");
            Map<String, String> staged = new LinkedHashMap<>();
            Path audio = stage(e.audio(), tmp.resolve("input-audio.wav"), staged);
            Path score = stage(e.score(), tmp.resolve("input-" + fileName(e.score())), staged);
            Path model = e.model() == null ? null : stage(e.model(), tmp.resolve("input-model"), staged);
            Path result = tmp.resolve("result");
            SingleRun.Outcome o = SingleRun.run(arguments(audio, score, model, result));
            if (!o.ok()) {
                row = SummaryRow.failed(e, unstage(o.error(), staged), elapsed(t0), host, executor, job.parametersJson());
            } else {
                Map<String, Object> s = Json.readObject(result.resolve(task.equals("separate")
                        ? "decomposition/summary.json" : "summary.json"));
                row = new SummaryRow(e.id(), SummaryRow.DONE, "", e.audio(), e.score(), e.model(), integer(s, "K"),
                        integer(s, "N"), integer(s, "R"), integer(s, "iterations"), real(s, "l1_error"),
                        real(s, "relative_l1_error"), elapsed(t0), host, executor, job.parametersJson());
                Map<String, Object> commit = new LinkedHashMap<>();
                commit.put("id", e.id());
                commit.put("parameters", job.parameters());
                commit.put("row", row.toMap());
                TaskContext tc = TaskContext.get();
                new CorpusOutput(out, conf.get()).publish(e.id(), result, commit,
                        tc == null ? "0" : Long.toString(tc.taskAttemptId()));
            }
        } catch (Throwable t) {
            // Out of memory, a full disk, an unreachable file system: this recording fails, the others go on.
            String what = t instanceof OutOfMemoryError ? "out of memory (" + t.getMessage() + "); raise "
                    + "spark.executor.memory or lower the tasks per executor" : String.valueOf(t.getMessage());
            row = SummaryRow.failed(e, "nae4j: error: " + e.id() + ": " + Printable.escape(what), elapsed(t0), host,
                    executor, job.parametersJson());
        } finally {
            if (tmp != null) {
                AtomicFiles.deleteTree(tmp);
            }
        }
        (row.done() ? done : failed).add(1);
        return row;
    }

    private List<String> arguments(Path audio, Path score, Path model, Path result) {
        List<String> args = new ArrayList<>(List.of(task, "--audio", audio.toString(), "--score", score.toString()));
        if (model != null) {
            args.addAll(List.of("--model", model.toString()));
        }
        args.addAll(List.of("--out", result.toString(), "--quiet", "--threads", Integer.toString(threads)));
        args.addAll(options);
        return args;
    }

    /** A local path of {@code uri}: the file itself when local, else a copy in {@code local}. */
    private Path stage(String uri, Path local, Map<String, String> staged) throws IOException {
        URI u = URI.create(uri);
        if ("file".equals(u.getScheme())) {
            return Path.of(u);
        }
        org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(u);
        FileSystem fs = src.getFileSystem(conf.get());
        fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
        staged.put(local.toString(), uri);
        return local;
    }

    /** The message with the local copies named by their URIs, as the user wrote them. */
    private static String unstage(String message, Map<String, String> staged) {
        String m = message;
        for (Map.Entry<String, String> s : staged.entrySet()) {
            m = m.replace(s.getKey(), s.getValue());
        }
        return m;
    }

    private static String fileName(String uri) {
        String path = URI.create(uri).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Integer integer(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number x ? x.intValue() : null;
    }

    private static Double real(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number x ? x.doubleValue() : null;
    }
}
