package org.nae4j.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nae4j.Analysis;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.score.Examples;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

/** The recording the benchmarks run on. */
final class Pieces {
    private Pieces() {
    }

    /** The analysis of {@code dir}/mix.wav with {@code dir}/score.csv, or of the bundled example if absent. */
    static Analysis load(String dir) {
        Path d = Path.of(dir);
        if (Files.isRegularFile(d.resolve("mix.wav"))) {
            return Analysis.of(d.resolve("mix.wav"), d.resolve("score.csv"), ConstraintOptions.DEFAULT);
        }
        Score s = Examples.bundledScore();
        float[] x = Synth.render(s, StftParams.DEFAULT_SAMPLE_RATE, SynthOptions.DEFAULT);
        return Analysis.of(x, StftParams.DEFAULT_SAMPLE_RATE, s, StftParams.DEFAULT, ConstraintOptions.DEFAULT,
                Path.of("example.wav"), Path.of("example.csv"));
    }
}
