package org.nae4j.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.nae4j.io.InvalidInputException;
import org.nae4j.spectral.StftParams;

/**
 * The driver of a corpus run: reads the recordings, keeps those done before with the same parameters, checks
 * the inputs of the others, runs them as one Spark task each (longest first), and writes the summary.
 */
final class Corpus {
    private final CorpusCommand c;
    private final PrintWriter out;
    private final PrintWriter err;

    Corpus(CorpusCommand c, PrintWriter out, PrintWriter err) {
        this.c = c;
        this.out = out;
        this.err = err;
    }

    int run() throws IOException {
        long t0 = System.nanoTime();
        QuietLogs.apply();
        SparkConf conf = sparkConf();
        // What the driver reads before Spark starts (manifest, commit markers) sees the spark.hadoop.* settings too.
        Configuration hadoop = new Configuration();
        for (scala.Tuple2<String, String> kv : conf.getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(kv._1(), kv._2());
        }
        List<Manifest.Entry> entries = c.inputs.manifest != null ? Manifest.read(c.inputs.manifest, hadoop)
                : Manifest.fromFolder(c.inputs.data);
        if (c.task.equals("encode")) {
            for (Manifest.Entry e : entries) {
                if (e.model() == null) {
                    throw new InvalidInputException("recording " + e.id() + " has no model: --task encode needs "
                            + "manifest lines id,audio,score,model");
                }
            }
        }
        CorpusOutput output = new CorpusOutput(c.out, hadoop);
        String refusal = output.refusal();
        if (refusal != null) {
            throw InvalidInputException.of(java.nio.file.Path.of(c.out), refusal);
        }
        String busy = output.lock(owner());
        if (busy != null) {
            throw InvalidInputException.of(java.nio.file.Path.of(c.out), busy);
        }
        try {
            return run(conf, entries, output, t0);
        } finally {
            output.unlock();
        }
    }

    /** Host, process and start time of this run, for its lock. */
    private static String owner() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown";
        }
        return "host " + host + ", process " + ProcessHandle.current().pid() + ", started " + java.time.Instant.now();
    }

    private int run(SparkConf conf, List<Manifest.Entry> entries, CorpusOutput output, long t0) throws IOException {
        Map<String, SummaryRow> rows = new LinkedHashMap<>();
        List<Manifest.Entry> todo = earlierResults(entries, output, rows);
        int kept = rows.size();

        SparkSession spark;
        try {
            spark = SparkSession.builder().config(conf).getOrCreate();
        } catch (RuntimeException e) {
            // A master that cannot be reached, or settings it refuses (more --threads-per-task than local cores).
            throw new InvalidInputException("Spark could not start on " + conf.get("spark.master") + ": "
                    + e.getMessage());
        }
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            if (spark.sparkContext().uiWebUrl().isDefined()) {
                err.println("corpus: Spark UI at " + spark.sparkContext().uiWebUrl().get());
            }
            List<RecordingTask.Job> jobs = check(todo, jsc, rows);
            int failedChecks = rows.size() - kept;
            err.printf(Locale.ROOT, "corpus: %d recordings: %d done before (kept), %d failed the input checks, %d to "
                    + "run on %s%n", entries.size(), kept, failedChecks, jobs.size(), jsc.master());
            err.flush();
            for (SummaryRow r : run(jobs, jsc, output, kept, failedChecks, entries.size())) {
                rows.put(r.id(), r);
            }
            List<SummaryRow> summary = new ArrayList<>();
            for (Manifest.Entry e : entries) {
                summary.add(rows.get(e.id()));
            }
            output.writeCsv(summary);
            spark.createDataFrame(summary.stream().map(SummaryRow::toRow).toList(), SummaryRow.schema())
                    .coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(new org.apache.hadoop.fs.Path(output.root(), CorpusOutput.SUMMARY_PARQUET).toString());
            long done = summary.stream().filter(SummaryRow::done).count();
            out.printf(Locale.ROOT, "corpus: %d done, %d failed of %d in %.1f s; results in %s, summary in %s%n", done,
                    summary.size() - done, summary.size(), (System.nanoTime() - t0) / 1e9,
                    new org.apache.hadoop.fs.Path(c.out, CorpusOutput.RECORDINGS),
                    new org.apache.hadoop.fs.Path(c.out, CorpusOutput.SUMMARY_CSV));
            out.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * Puts the rows of recordings committed before with the same parameters into {@code rows}, and returns the
     * recordings to run. A recording committed with other parameters is an error without --overwrite.
     */
    private List<Manifest.Entry> earlierResults(List<Manifest.Entry> entries, CorpusOutput output,
                                                Map<String, SummaryRow> rows) throws IOException {
        List<Manifest.Entry> todo = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Manifest.Entry e : entries) {
            Map<String, Object> commit = output.readCommit(e.id());
            if (commit == null) {
                todo.add(e);
            } else if (parameters(e).equals(commit.get("parameters")) && commit.get("row") instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) m;
                rows.put(e.id(), SummaryRow.fromMap(row));
            } else {
                changed.add(e.id());
                todo.add(e);
            }
        }
        if (!changed.isEmpty() && !c.overwrite) {
            throw InvalidInputException.of(java.nio.file.Path.of(c.out), "holds results of " + changed.size()
                    + " of these recordings made with other parameters or inputs (" + String.join(", ",
                    changed.subList(0, Math.min(5, changed.size()))) + (changed.size() > 5 ? ", ..." : "")
                    + "); pass --overwrite to run them again with these, or choose another --out");
        }
        for (String id : changed) {
            output.discard(id);
        }
        return todo;
    }

    /** What a recording's result depends on: its inputs, the command, its options and the threads. */
    private Map<String, Object> parameters(Manifest.Entry e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("audio", e.audio());
        p.put("score", e.score());
        if (e.model() != null) {
            p.put("model", e.model());
        }
        p.put("task", c.task);
        p.put("options", new ArrayList<>(c.options));
        p.put("threads_per_task", c.threadsPerTask);
        return p;
    }

    private SparkConf sparkConf() {
        SparkConf conf = new SparkConf();
        if (c.master != null) {
            conf.setMaster(c.master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", "nae4j corpus");
        conf.set("spark.ui.showConsoleProgress", "false");
        if (c.threadsPerTask > 1) {
            conf.setIfMissing("spark.task.cpus", Integer.toString(c.threadsPerTask));
        }
        return conf;
    }

    /** Checks the inputs: failed rows into {@code rows}, the rest as jobs, longest recording first. */
    private List<RecordingTask.Job> check(List<Manifest.Entry> todo, JavaSparkContext jsc,
                                          Map<String, SummaryRow> rows) {
        SparkConf conf = jsc.getConf();
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        boolean local = jsc.isLocal();
        long heap = local ? Runtime.getRuntime().maxMemory() : conf.getSizeAsBytes("spark.executor.memory", "1g");
        int tasks = Math.max(1, (local ? jsc.defaultParallelism() : conf.getInt("spark.executor.cores", 1)) / taskCpus);
        long perTask = Math.max(0, heap - Precheck.SPARK_RESERVED_BYTES) / tasks;
        String hint = local ? "raise the heap (e.g. NAE4J_JAVA_OPTS=-Xmx16g) or run fewer tasks at once (--master local[N])"
                : "raise spark.executor.memory or lower spark.executor.cores";
        Precheck precheck = new Precheck(jsc.hadoopConfiguration(), c.task, stft(), perTask, hint);
        List<RecordingTask.Job> jobs = new ArrayList<>();
        for (Manifest.Entry e : todo) {
            try {
                jobs.add(new RecordingTask.Job(e, precheck.check(e), parameters(e)));
            } catch (Precheck.Failed f) {
                rows.put(e.id(), SummaryRow.failed(e, f.getMessage(), null, null, null,
                        CorpusOutput.compactJson(parameters(e))));
            }
        }
        jobs.sort(Comparator.comparingDouble(RecordingTask.Job::seconds).reversed());
        return jobs;
    }

    /** The STFT the options ask for, for the memory estimate (the command itself checks the values). */
    private StftParams stft() {
        int nFft = StftParams.DEFAULT.nFft();
        int hop = StftParams.DEFAULT.hop();
        for (int i = 0; i < c.options.size(); i++) {
            String o = c.options.get(i);
            String value = o.contains("=") ? o.substring(o.indexOf('=') + 1)
                    : i + 1 < c.options.size() ? c.options.get(i + 1) : "";
            try {
                if (o.startsWith("--n-fft")) {
                    nFft = Integer.parseInt(value);
                } else if (o.startsWith("--hop")) {
                    hop = Integer.parseInt(value);
                }
            } catch (NumberFormatException ignored) {
                // checked by the command itself before this runs
            }
        }
        return new StftParams(nFft, hop);
    }

    /** Runs the jobs, one Spark task each in this order, and returns their rows. */
    private List<SummaryRow> run(List<RecordingTask.Job> jobs, JavaSparkContext jsc, CorpusOutput output,
                                 int kept, int failedChecks, int total) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        LongAccumulator done = jsc.sc().longAccumulator(CorpusProgress.DONE);
        LongAccumulator failed = jsc.sc().longAccumulator(CorpusProgress.FAILED);
        double[] seconds = jobs.stream().mapToDouble(RecordingTask.Job::seconds).toArray();
        CorpusProgress progress = new CorpusProgress(err, total, kept, failedChecks, seconds);
        jsc.sc().addSparkListener(progress);
        try {
            RecordingTask task = new RecordingTask(c.task, c.options, c.threadsPerTask, output.root().toString(),
                    jsc.hadoopConfiguration(), done, failed);
            // One partition per recording, in the list's order: Spark starts the tasks of a stage by index.
            return jsc.parallelize(jobs, jobs.size()).map(task).collect();
        } finally {
            jsc.sc().removeSparkListener(progress);
        }
    }
}
