package org.nae4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.experiment.Experiment;
import org.nae4j.experiment.ExperimentOptions;
import org.nae4j.experiment.Recording;
import org.nae4j.experiment.Report;
import org.nae4j.model.Method;
import org.nae4j.model.ProgressListener;
import org.nae4j.report.ReportPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nae4j experiment}: the paper's Table I and Fig. 3–5 on a folder of recordings. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run every method on every recording of a folder (one sub-folder per recording with a WAV "
                + "file and an aligned score.csv or score.mid) and write the paper's Table I (table1.csv, report.md), "
                + "Fig. 3 (fig3-<recording>.png), Fig. 4 (fig4.png) and Fig. 5 (fig5.png); these are written also with --no-plots, which skips only each run's "
                + "own plots. index.html shows them all, with a link to each run's own page."})
final class ExperimentCommand implements Callable<Integer>, CheckedOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder with one sub-folder per recording.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "REPORT_DIR",
            description = "Report folder, new or empty (or an earlier one with --resume or --overwrite); each run is "
                    + "written to REPORT_DIR/runs/<recording>/<method>/.")
    Path out;

    @Option(names = "--methods", paramLabel = "NAME", split = ",", converter = MethodOption.Converter.class,
            description = "Methods to run, comma-separated, each once: ${COMPLETION-CANDIDATES} (default: all).")
    List<Method> methods = Arrays.asList(Method.values());

    @Option(names = "--resume", description = "Continue an interrupted experiment in the same REPORT_DIR: keep the "
            + "runs that finished with the same parameters (a run made with others is an error, or is rerun with "
            + "--overwrite).")
    boolean resume;

    @Mixin
    OverwriteOption overwrite;

    @Mixin
    AlignFlag alignment;

    @Mixin
    RunOptions run;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OutputOptions output;

    private ExperimentOptions options() {
        return BadOptionValue.build(() -> new ExperimentOptions(methods,
                run.options(methods.isEmpty() ? Method.NMF : methods.get(0)), analysis.stft(), analysis.constraints(),
                resume, overwrite.overwrite, output.plots, output.report,
                alignment.align ? Map.of("align", alignment.settings.describe()) : Map.of()), "methods", "--methods");
    }

    @Override
    public void check() {
        options();
    }

    @Override
    public Integer call() {
        ExperimentOptions o = options();
        Report report = Experiment.run(data, out, o, new Experiment.Listener() {
            @Override
            public ProgressListener started(int index, int total, Recording r, Method m, double eta) {
                String left = Double.isNaN(eta) ? "" : String.format(Locale.ROOT, ", about %.0f s left in all", eta);
                output.log(String.format(Locale.ROOT, "run %d of %d: %s with %s%s", index, total, r.name(), m.id(), left));
                return new RunProgress(m.id(), run.iterations, output.quiet);
            }

            @Override
            public void skipped(int index, int total, Recording r, Method m) {
                output.log(String.format(Locale.ROOT, "run %d of %d: %s with %s finished earlier, kept", index, total,
                        r.name(), m.id()));
            }
        }, rec -> {
            Aligner.Prepared p = Aligner.prepare(rec.audio(), rec.score(), alignment, analysis, output);
            return new Experiment.Input(p.analysis(), p.files(output.plots));
        });
        System.out.print(report.markdown());
        System.out.println("report in " + out.resolve("report.md")
                + (output.report ? ", page " + out.resolve(ReportPage.FILE) : ""));
        return 0;
    }

    /** A progress bar that closes itself when its run reaches the last iteration. */
    private static final class RunProgress implements ProgressListener {
        private final Progress bar;

        RunProgress(String name, int total, boolean quiet) {
            this.bar = new Progress(name, total, quiet);
            if (total == 0) {
                bar.close();
            }
        }

        @Override
        public void progress(int done, int total, double seconds) {
            bar.progress(done, total, seconds);
            if (done == total) {
                bar.close();
            }
        }
    }
}
