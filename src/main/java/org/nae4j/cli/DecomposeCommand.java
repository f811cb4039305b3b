package org.nae4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionResult;
import org.nae4j.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nae4j decompose}: decompose one recording with its score and write W, H, history, plots. */
@Command(name = "decompose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decompose a recording into note templates W (K x R) and activations H (R x N) "
                + "under its score's constraints, and write them with the loss history, a summary and plots."})
final class DecomposeCommand implements Callable<Integer> {
    @Option(names = "--audio", required = true, paramLabel = "FILE",
            description = "The recording: WAV (PCM 8/16/24/32-bit or float), any rate, mono or multichannel.")
    Path audio;

    @Option(names = "--score", required = true, paramLabel = "FILE",
            description = "Its score, aligned to the recording: CSV (Start;Duration;Pitch;Velocity;Instrument, seconds) or MIDI.")
    Path score;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (replaced as a whole if it exists; never left half-written).")
    Path out;

    @Mixin
    RunOptions run;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Analysis a = Analysis.of(audio, score, analysis.stft(), analysis.constraints());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("audio", audio.toString());
        inputs.put("score", score.toString());
        execute(a, inputs, run, analysis, output, out);
        return 0;
    }

    /** Decomposes an analysed recording, writes the results folder and prints a one-line summary. */
    static DecompositionResult execute(Analysis a, Map<String, Object> inputs, RunOptions run,
                                       AnalysisOptions analysis, OutputOptions output, Path out) {
        output.log(String.format(Locale.ROOT, "%s: K=%d bins, N=%d frames, R=%d pitches; W^C %.1f %%, H^C %.1f %% nonzero",
                run.method.id(), a.constraints().bins(), a.constraints().frames(), a.constraints().rank(),
                100 * a.constraints().support().templateDensity(), 100 * a.constraints().support().activationDensity()));
        DecompositionResult r;
        try (Progress p = new Progress(run.method.id(), run.iterations, output.quiet)) {
            r = Decomposition.fit(a.magnitude(), a.constraints(), run.options(), RunOptions.warnOnCollapse(p));
        }
        Map<String, Object> parameters = new LinkedHashMap<>(inputs);
        parameters.put("run", run.describe());
        parameters.put("analysis", analysis.describe());
        Results.write(out, r, parameters, output.plotWriter(a, r));
        System.out.printf(Locale.ROOT, "%s: column-wise l1 error %.4g (relative %.4f) after %d iterations in %.2f s (%.3g ms/iteration); results in %s%n",
                run.method.id(), r.errors().columnL1(), r.errors().relativeL1(), run.iterations, r.seconds(),
                run.iterations == 0 ? 0.0 : 1000 * r.seconds() / run.iterations, out);
        return r;
    }
}
