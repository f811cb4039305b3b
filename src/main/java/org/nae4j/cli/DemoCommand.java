package org.nae4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.Analysis;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Examples;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nae4j demo}: synthesize the bundled example and decompose it. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the bundled example (" + Examples.BUNDLED_COMPOSER + ", " + Examples.BUNDLED_TITLE
                + ") with the built-in synthesizer and decompose it; writes the audio, the score and the results."})
final class DemoCommand implements Callable<Integer> {
    /** Fewer than the paper's 10000: the demo should finish in seconds; NMF has converged by then. */
    static final int DEMO_ITERATIONS = 1000;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("nae4j-demo");

    @Mixin
    MethodOption method;

    @Mixin
    RunOptions run;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OutputOptions output;

    DemoCommand() {
        run = new RunOptions();
        run.iterations = DEMO_ITERATIONS;
    }

    @Override
    public Integer call() {
        Score score = Examples.bundledScore();
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        float[] x = Synth.render(score, rate, SynthOptions.DEFAULT);
        output.log("demo: " + Examples.BUNDLED_COMPOSER + ", " + Examples.BUNDLED_TITLE + " (" + score.size()
                + " notes, " + String.format(java.util.Locale.ROOT, "%.1f", x.length / (double) rate) + " s)");
        Path audioFile = out.resolve("example.wav");
        Path scoreFile = out.resolve("example-score.csv");
        Analysis a = Analysis.of(x, rate, score, analysis.stft(), analysis.constraints(), audioFile, scoreFile);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("audio", audioFile.toString());
        inputs.put("score", scoreFile.toString());
        inputs.put("example", Examples.BUNDLED_COMPOSER + ", " + Examples.BUNDLED_TITLE + " (" + Examples.BUNDLED_LICENCE + ")");
        Path results = out.resolve("results");
        DecomposeCommand.execute(a, inputs, method.method, run, analysis, output, results, null);
        Wav.write(audioFile, x, rate, WavEncoding.PCM_16);
        CsvScores.write(score, scoreFile);
        System.out.println("demo: example audio and score in " + out + ", decomposition in " + results
                + " (see " + results.resolve("plots") + ")");
        return 0;
    }
}
