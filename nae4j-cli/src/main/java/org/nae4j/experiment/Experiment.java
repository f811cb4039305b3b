package org.nae4j.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionResult;
import org.nae4j.plot.ResultPlots;
import org.nae4j.report.DecompositionPage;
import org.nae4j.report.ReportPage;
import org.nae4j.Results;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.Json;
import org.nae4j.io.OutputFolder;
import org.nae4j.model.Method;
import org.nae4j.model.ProgressListener;

/**
 * Reproduces the paper's experiments on a folder of recordings: every method on every recording, each run
 * written to {@code OUT/runs/<recording>/<method>/} (complete or absent), then the report (Table I,
 * Fig. 3–5) from those folders. With {@code resume}, finished runs are kept, so an interrupted experiment
 * loses at most the run in progress.
 */
public final class Experiment {
    private Experiment() {
    }

    /** Hears about the runs of an experiment (the library prints nothing itself). */
    public interface Listener {
        /** A run starts; returns the listener for its iterations. */
        ProgressListener started(int index, int total, Recording recording, Method method, double etaSeconds);

        /** A finished run was found and kept (resume). */
        void skipped(int index, int total, Recording recording, Method method);
    }

    /**
     * A recording made ready for decomposition, with files to add to each of its run folders.
     *
     * @param analysis the analysed recording and its (possibly aligned) score
     * @param extra    writes further files into a run folder (e.g. the aligned score); may be null
     */
    public record Input(Analysis analysis, AtomicFiles.FolderContent extra) {
    }

    /** Turns a recording into an {@link Input} (e.g. aligning its score first). */
    @FunctionalInterface
    public interface Preparer {
        Input prepare(Recording recording);
    }

    /** The folder of one run. */
    public static Path runDir(Path out, Recording r, Method m) {
        return out.resolve("runs").resolve(r.name()).resolve(m.id());
    }

    /** Runs every method on every recording in {@code data} and writes the report into {@code out}. */
    public static Report run(Path data, Path out, ExperimentOptions o, Listener listener) {
        return run(data, out, o, listener,
                rec -> new Input(Analysis.of(rec.audio(), rec.score(), o.stft(), o.constraints()), null));
    }

    /** As {@link #run(Path, Path, ExperimentOptions, Listener)}, preparing each recording with {@code preparer}. */
    public static Report run(Path data, Path out, ExperimentOptions o, Listener listener, Preparer preparer) {
        List<Recording> recordings = Recording.discover(data);
        ReportFolder.open(out, data, o.resume(), o.overwrite());
        ReportFolder.checkFinishedRuns(out, recordings, o);
        int total = recordings.size() * o.methods().size();
        int index = 0;
        double spent = 0;
        int measured = 0;
        for (Recording rec : recordings) {
            Input input = null;
            for (Method m : o.methods()) {
                index++;
                Path dir = runDir(out, rec, m);
                if (o.resume() && ReportFolder.sameRun(dir, rec, o, m)) {
                    listener.skipped(index, total, rec, m);
                    continue;
                }
                if (input == null) {
                    Input full = preparer.prepare(rec);
                    // Only V and the constraints are needed from here on; free the signal and complex STFT.
                    input = new Input(full.analysis().withoutSignal(), full.extra());
                }
                try (OutputFolder folder = OutputFolder.claim(dir, "experiment", o.overwrite(),
                        List.of(data, rec.audio(), rec.score()))) {
                    double eta = measured == 0 ? Double.NaN : spent / measured * (total - index + 1);
                    long t0 = System.nanoTime();
                    runOne(folder, input, rec, o, m, listener.started(index, total, rec, m, eta));
                    spent += (System.nanoTime() - t0) * 1e-9;
                    measured++;
                }
            }
        }
        Report report = Report.collect(out, recordings, o.methods());
        // Before the report: its page shows the environment.
        Json.write(out.resolve("environment.json"), Environment.describe(o.run().threads()));
        report.write(out, o);
        ReportFolder.record(out, report.files(o));
        return report;
    }

    private static void runOne(OutputFolder folder, Input input, Recording rec, ExperimentOptions o, Method m,
                               ProgressListener progress) {
        Analysis a = input.analysis();
        DecompositionResult r = Decomposition.fit(a.magnitude(), a.constraints(), o.run().withMethod(m), progress);
        AtomicFiles.FolderContent extra = input.extra();
        Map<String, Object> parameters = parameters(rec, o, m);
        parameters.put("tuning_cents", a.tuningCents());
        Results.write(folder, r, parameters, d -> {
            if (o.plots()) {
                ResultPlots.write(d.resolve("plots"), a, r);
            }
            if (extra != null) {
                extra.fill(d);
            }
            if (o.report()) {
                // The run's folder is runs/RECORDING/METHOD: the experiment's page is three levels up.
                DecompositionPage.write(d, "experiment", "nae4j experiment: " + rec.name() + ", " + m.id(),
                        Map.of("the experiment's report (Table I, Fig. 3–5)", "../../../" + ReportPage.FILE));
            }
        });
    }

    /** Every parameter of a run, for its summary.json: where it came from, then what defines its result. */
    private static Map<String, Object> parameters(Recording rec, ExperimentOptions o, Method m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("recording", rec.name());
        p.put("audio", rec.audio().toString());
        p.put("score", rec.score().toString());
        p.put("kernels", o.run().kernels().id());
        p.putAll(defining(o, m));
        return p;
    }

    /**
     * The parameters that define a run's result, compared on resume. Threads and kernels are left out: they
     * change the speed and the float rounding, not the method; paths too, so a moved data folder resumes.
     */
    static Map<String, Object> defining(ExperimentOptions o, Method m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("method", m.id());
        p.put("iterations", o.run().iterations());
        p.put("seed", o.run().seed());
        p.put("history_every", o.run().historyEvery());
        p.putAll(o.run().nae().describe(m));
        p.put("n_fft", o.stft().nFft());
        p.put("hop", o.stft().hop());
        p.put("tau", o.constraints().tau());
        p.put("partials", o.constraints().partials());
        p.put("onset_tolerance_s", o.constraints().onsetTolerance());
        p.put("offset_tolerance_s", o.constraints().offsetTolerance());
        p.put("tuning", o.constraints().tuning().toString());
        p.put("band_rounding", o.constraints().bandRounding().id());
        p.put("inharmonicity", o.constraints().inharmonicity().id());
        p.put("preparation", o.preparation());
        return p;
    }
}
