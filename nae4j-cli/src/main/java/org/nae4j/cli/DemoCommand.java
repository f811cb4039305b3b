package org.nae4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.io.AtomicFiles;
import org.nae4j.report.ReportPage;
import org.nae4j.io.OutputFolder;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Examples;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nae4j demo}: synthesize the bundled example and decompose it. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the bundled example (" + Examples.BUNDLED_COMPOSER + ", " + Examples.BUNDLED_TITLE
                + ") with the built-in synthesizer and decompose it; writes the audio, the score and the results."})
final class DemoCommand implements Callable<Integer>, CheckedOptions {
    /** Fewer than the paper's 10000: the demo should finish in seconds; NMF has converged by then. */
    static final int DEMO_ITERATIONS = 1000;

    static final Path DEFAULT_OUT = Path.of("nae4j-demo");

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}; a demo "
            + "folder left there by an earlier demo is replaced, as with --overwrite).")
    Path out = DEFAULT_OUT;

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
    OverwriteOption overwrite;

    @Override
    public void check() {
        run.checkFor(method.method);
    }

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
        // The default folder holds nothing but what demo wrote: running the README's first command again replaces it.
        boolean replace = overwrite.overwrite || out.equals(DEFAULT_OUT);
        try (OutputFolder folder = OutputFolder.claim(out, "demo", replace, java.util.List.of())) {
            run(folder, score, x, rate);
        }
        return 0;
    }

    private void run(OutputFolder folder, Score score, float[] x, int rate) {
        Path audioFile = out.resolve("example.wav");
        Path scoreFile = out.resolve("example-score.csv");
        Analysis a = Analysis.of(x, rate, score, analysis.stft(), analysis.constraints(), audioFile, scoreFile);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("audio", audioFile.toString());
        inputs.put("score", scoreFile.toString());
        inputs.put("example", Examples.BUNDLED_COMPOSER + ", " + Examples.BUNDLED_TITLE + " (" + Examples.BUNDLED_LICENCE + ")");
        Path results = out.resolve("results");
        DecompositionResult r = DecomposeCommand.fit(a, method.method, run, output);
        AtomicFiles.FolderContent files = DecomposeCommand.results(a, r, inputs, method.method, run, analysis, output,
                null, null, "demo");
        folder.write(dir -> {
            files.fill(Files.createDirectories(dir.resolve("results")));
            Wav.write(dir.resolve("example.wav"), x, rate, WavEncoding.PCM_16);
            CsvScores.write(score, dir.resolve("example-score.csv"));
        });
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        DecomposeCommand.report(stdout, r, method.method, run, results);
        stdout.println("demo: example audio and score in " + out + ", decomposition in " + results
                + " (see " + results.resolve("plots") + ")");
        if (output.report) {
            // Last, so that it is the line to copy into a browser.
            System.out.println("demo: report page " + results.resolve(ReportPage.FILE).toAbsolutePath());
        }
    }
}
