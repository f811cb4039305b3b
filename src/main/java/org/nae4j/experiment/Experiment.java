package org.nae4j.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionResult;
import org.nae4j.ResultPlots;
import org.nae4j.Results;
import org.nae4j.io.Json;
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

    /** The folder of one run. */
    public static Path runDir(Path out, Recording r, Method m) {
        return out.resolve("runs").resolve(r.name()).resolve(m.id());
    }

    /** Runs every method on every recording in {@code data} and writes the report into {@code out}. */
    public static Report run(Path data, Path out, ExperimentOptions o, Listener listener) {
        List<Recording> recordings = Recording.discover(data);
        int total = recordings.size() * o.methods().size();
        int index = 0;
        double spent = 0;
        int measured = 0;
        for (Recording rec : recordings) {
            Analysis analysis = null;
            for (Method m : o.methods()) {
                index++;
                Path dir = runDir(out, rec, m);
                if (o.resume() && Files.isRegularFile(dir.resolve("summary.json"))) {
                    listener.skipped(index, total, rec, m);
                    continue;
                }
                if (analysis == null) {
                    analysis = Analysis.of(rec.audio(), rec.score(), o.stft(), o.constraints());
                }
                double eta = measured == 0 ? Double.NaN : spent / measured * (total - index + 1);
                long t0 = System.nanoTime();
                ProgressListener p = listener.started(index, total, rec, m, eta);
                DecompositionResult r = Decomposition.fit(analysis.magnitude(), analysis.constraints(),
                        o.run().withMethod(m), p);
                Analysis a = analysis;
                Results.write(dir, r, parameters(rec, o, m), o.plots() ? d -> ResultPlots.write(d.resolve("plots"), a, r) : null);
                spent += (System.nanoTime() - t0) * 1e-9;
                measured++;
            }
        }
        Report report = Report.collect(out, recordings, o.methods());
        report.write(out);
        Json.write(out.resolve("environment.json"), Environment.describe(o.run().threads()));
        return report;
    }

    private static Map<String, Object> parameters(Recording rec, ExperimentOptions o, Method m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("recording", rec.name());
        p.put("audio", rec.audio().toString());
        p.put("score", rec.score().toString());
        p.put("method", m.id());
        p.put("history_every", o.run().historyEvery());
        p.put("n_fft", o.stft().nFft());
        p.put("hop", o.stft().hop());
        p.put("tau", o.constraints().tau());
        p.put("partials", o.constraints().partials());
        p.put("onset_tolerance_s", o.constraints().onsetTolerance());
        p.put("offset_tolerance_s", o.constraints().offsetTolerance());
        return p;
    }
}
