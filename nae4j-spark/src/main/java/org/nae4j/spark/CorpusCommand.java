package org.nae4j.spark;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nae4j.cli.SingleRun;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code nae4j corpus}: one single-recording command over a whole collection, on Apache Spark. */
@Command(name = "corpus", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run decompose, separate or encode on every recording of a collection with Apache Spark: "
                + "embedded in this JVM (--master local[*], the default) or on a cluster through spark-submit. "
                + "Writes OUT/recordings/<id>/ (what the single-recording command writes, whole or not at all), "
                + "OUT/summary.csv and OUT/summary.parquet (one row per recording: id, status, error, K, N, R, "
                + "iterations, errors, seconds, executor host, parameters). A recording that fails (a corrupt WAV, an "
                + "empty score, too long for a task's memory) is a failed row; the others go on. A rerun with the "
                + "same OUT keeps the recordings done with the same parameters and runs the others.",
            "Every other option is the chosen command's (decompose --help, separate --help, encode --help), "
                + "e.g. --method, --iterations, --align, --no-plots; --threads is --threads-per-task here."})
public final class CorpusCommand implements Callable<Integer> {
    /** Options of the single-recording command that corpus sets itself. */
    private static final Set<String> OWN = Set.of("--audio", "--score", "--model", "--out", "--threads");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    /** Where the recordings are listed. */
    static final class Inputs {
        @Option(names = "--manifest", paramLabel = "FILE",
                description = "CSV, one recording a line: id,audio,score[,model] (model: the trained folder, for "
                        + "--task encode). Paths relative to the manifest's folder, or URIs Hadoop reads "
                        + "(hdfs://, s3a://, file:); ids name the result folders (letters, digits, '.', '_', '-').")
        String manifest;

        @Option(names = "--data", paramLabel = "DIR",
                description = "A local folder of sub-folders, one recording each (a WAV file and score.csv or "
                        + "score.mid), as experiment reads it; the sub-folder's name is the id.")
        Path data;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (a local path or a URI Hadoop writes): new, empty, or the OUT of an earlier "
                    + "corpus run, which is continued.")
    String out;

    @Option(names = "--task", paramLabel = "COMMAND", defaultValue = "decompose",
            description = "The command run on each recording: decompose, separate or encode (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--threads-per-task", paramLabel = "COUNT", defaultValue = "1",
            description = "Kernel threads inside each task, >= 1; Spark runs (cores / COUNT) tasks at once per "
                    + "executor (spark.task.cpus) (default: ${DEFAULT-VALUE}).")
    int threadsPerTask;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[*] (all cores of this machine), local[N], spark://HOST:PORT ... "
                    + "(default: the one spark-submit set, else local[*]).")
    String master;

    @Option(names = "--overwrite",
            description = "Run again the recordings that OUT holds with other parameters (without it, that is an error).")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (the summary line on stdout stays).")
    boolean quiet;

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!SingleRun.COMMANDS.contains(task)) {
            throw usage("--task must be one of " + String.join(", ", SingleRun.COMMANDS) + ", got " + task);
        }
        if (threadsPerTask < 1) {
            throw usage("--threads-per-task must be ≥ 1, got " + threadsPerTask);
        }
        for (String o : options) {
            String name = o.contains("=") ? o.substring(0, o.indexOf('=')) : o;
            if (name.equals("--threads")) {
                throw usage("--threads is not a corpus option: tasks run in parallel; use --threads-per-task");
            }
            if (OWN.contains(name)) {
                throw usage(name + " is set per recording by corpus (from the manifest and --out); remove it");
            }
        }
        String problem = SingleRun.usageError(probe());
        if (problem != null) {
            throw usage(problem + " (an option of " + task + ")");
        }
        PrintWriter err = spec.commandLine().getErr();
        return new Corpus(this, spec.commandLine().getOut(), quiet ? new PrintWriter(Writer.nullWriter()) : err).run();
    }

    /** The command line of one recording, with placeholders for the inputs, to check the options once. */
    private List<String> probe() {
        List<String> args = new ArrayList<>(List.of(task, "--audio", "a.wav", "--score", "a.csv", "--out", "o"));
        if (task.equals("encode")) {
            args.addAll(List.of("--model", "m"));
        }
        args.addAll(options);
        return args;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
