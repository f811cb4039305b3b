package org.nae4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionResult;
import org.nae4j.Results;
import org.nae4j.alignment.AlignmentResult;
import org.nae4j.constraints.Constraints;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.OutputFolder;
import org.nae4j.model.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nae4j decompose}: decompose one recording with its score and write W, H, history, plots. */
@Command(name = "decompose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decompose a recording into note templates W (K x R) and activations H (R x N) "
                + "under its score's constraints, and write them with the loss history, a summary, plots and a page that "
                + "shows them all (index.html)."})
final class DecomposeCommand implements Callable<Integer>, CheckedOptions {
    @Option(names = "--audio", required = true, paramLabel = "FILE",
            description = "The recording: WAV (PCM 8/16/24/32-bit or float), any rate, mono or multichannel (channels are averaged). "
                    + "Repeat --audio and --score (paired in order) to train one autoencoder on several performances of a piece.")
    List<Path> audio;

    @Option(names = "--score", required = true, paramLabel = "FILE",
            description = "Its score, aligned to the recording (or use --align): CSV (Start;Duration;Pitch;Velocity;Instrument, seconds) or MIDI.")
    List<Path> score;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, written whole or not at all; it must be new or empty, or hold an earlier "
                    + "result of nae4j's with --overwrite.")
    Path out;

    /** Its summary goes to the command line's out (System.out unless an embedding caller set another). */
    @Spec
    CommandSpec spec;

    @Mixin
    MethodOption method;

    @Mixin
    RunOptions run;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OutputOptions output;

    @Mixin
    AlignFlag alignment;

    @Mixin
    OverwriteOption overwrite;

    @Override
    public void check() {
        run.checkFor(method.method);
    }

    @Override
    public Integer call() {
        if (audio.size() != score.size()) {
            throw new BadOptionValue("--score", "is given " + score.size() + " times but --audio " + audio.size()
                    + " times; pair each recording with its score");
        }
        if (audio.size() > 1 && !method.method.hasEncoder()) {
            throw new BadOptionValue("--method", method.method.id() + " cannot be trained on several performances: "
                    + "only an autoencoder (nae-*) learns a model shared by them");
        }
        List<Path> inputs = new ArrayList<>(audio);
        inputs.addAll(score);
        try (OutputFolder folder = overwrite.claim(out, "decompose", inputs.toArray(Path[]::new))) {
            if (audio.size() > 1) {
                return new MultiPerformance(this).run(folder);
            }
            return call(folder, audio.get(0), score.get(0));
        }
    }

    private Integer call(OutputFolder folder, Path audio, Path score) {
        Aligner.Prepared prepared = Aligner.prepare(audio, score, alignment, analysis, output);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("audio", audio.toString());
        inputs.put("score", score.toString());
        if (prepared.alignment() != null) {
            inputs.put("alignment", prepared.describe(alignment));
        }
        Analysis a = prepared.analysis().withoutSignal();
        AtomicFiles.FolderContent files = prepared.files(output.plots);
        AlignmentResult alignment = prepared.alignment();
        // Drop the samples and the complex STFT before decomposing: for long recordings they are most of the heap.
        prepared = null;
        DecompositionResult r = fit(a, method.method, run, output);
        folder.write(results(a, r, inputs, method.method, run, analysis, output, alignment, files, "decompose"));
        report(spec.commandLine().getOut(), r, method.method, run, out);
        return 0;
    }

    /** Decomposes an analysed recording, with its size on stderr and a progress bar. */
    static DecompositionResult fit(Analysis a, Method method, RunOptions run, OutputOptions output) {
        return fit(a.magnitude(), a.constraints(), method, run, output);
    }

    /** Decomposes V under constraints c, with its size on stderr and a progress bar. */
    static DecompositionResult fit(float[] v, Constraints c, Method method, RunOptions run, OutputOptions output) {
        output.log(String.format(Locale.ROOT, "%s: K=%d bins, N=%d frames, R=%d pitches; W^C %.1f %%, H^C %.1f %% nonzero",
                method.id(), c.bins(), c.frames(), c.rank(),
                100 * c.support().templateDensity(), 100 * c.support().activationDensity()));
        DecompositionResult r;
        try (Progress p = new Progress(method.id(), run.iterations, output.quiet)) {
            r = Decomposition.fit(v, c, run.options(method), RunOptions.warnOnCollapse(p));
        }
        return r;
    }

    /**
     * The files of a results folder: matrices, history, summary.json with every parameter, the plots (with the
     * score before and after {@code alignment}, which may be null), {@code extra} (may be null), e.g. the
     * aligned score, and last the page (index.html) that shows them.
     */
    static AtomicFiles.FolderContent results(Analysis a, DecompositionResult r, Map<String, Object> inputs,
                                             Method method, RunOptions run, AnalysisOptions analysis,
                                             OutputOptions output, AlignmentResult alignment,
                                             AtomicFiles.FolderContent extra, String command) {
        Map<String, Object> parameters = new LinkedHashMap<>(inputs);
        parameters.put("method", method.id());
        parameters.put("run", run.describe(method));
        parameters.put("analysis", analysis.describe(a));
        AtomicFiles.FolderContent plots = Aligner.both(Aligner.both(output.plotWriter(a, r, alignment), extra),
                output.pageWriter(command));
        return dir -> {
            Results.writeInto(dir, r, parameters);
            if (plots != null) {
                plots.fill(dir);
            }
        };
    }

    /** Prints the one-line summary of a decomposition on {@code stdout}. */
    static void report(PrintWriter stdout, DecompositionResult r, Method method, RunOptions run, Path out) {
        stdout.printf(Locale.ROOT, "%s: column-wise l1 error %.4g (relative %.4f) after %d iterations in %.2f s (%.3g ms/iteration); results in %s%n",
                method.id(), r.errors().columnL1(), r.errors().relativeL1(), run.iterations, r.seconds(),
                run.iterations == 0 ? 0.0 : 1000 * r.seconds() / run.iterations, out);
    }
}
