package org.nae4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.SharedData;
import org.nae4j.audio.AudioLoader;
import org.nae4j.model.Method;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/**
 * The tuning estimate on a rendered piece (../shared/data, skipped when absent) pitched up by 30 and down by
 * 40 cents: the estimate follows the shift, and W^C at the estimate fits the shifted piece as well as the
 * unshifted one.
 */
class SharedDataTuningTest {
    private static final int RATE = StftParams.DEFAULT_SAMPLE_RATE;
    /** The first 30 s of the piece, to keep the test fast. */
    private static final double CROP_SECONDS = 30;
    private static final int ITERATIONS = 200;
    private static final double MAX_ESTIMATE_ERROR_CENTS = 5;
    /** The shifted piece's NMF error may exceed the unshifted one's by at most this fraction. */
    private static final double MAX_ERROR_INCREASE = 0.02;

    @Test
    void estimateFollowsAPitchShiftAndKeepsTheFit() {
        Path dir = SharedData.require(SharedData.ROOT.resolve("rendered/satie-gymnopedie-no1-excerpt"));
        Score full = Score.read(dir.resolve("score.csv"));
        Score score = new Score(full.notes().stream().filter(n -> n.start() < CROP_SECONDS)
                .map(n -> new Note(n.start(), Math.min(n.end(), CROP_SECONDS) - n.start(), n.pitch(), n.velocity(),
                        n.instrument())).toList());
        float[] x = Arrays.copyOf(AudioLoader.loadMono(dir.resolve("mix.wav"), RATE), (int) (CROP_SECONDS * RATE));
        Analysis base = Analysis.of(x, RATE, score);
        double baseError = relativeError(base);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "unshifted: %.2f cents, error %.4f",
                base.tuningCents(), baseError));
        for (double cents : new double[] {30, -40}) {
            Analysis shifted = Analysis.of(TuningTest.shift(x, cents), RATE, TuningTest.shift(score, cents));
            double error = relativeError(shifted);
            report.append(String.format(Locale.ROOT, "; %+.0f: %.2f cents, error %.4f", cents, shifted.tuningCents(),
                    error));
            assertEquals(base.tuningCents() + cents, shifted.tuningCents(), MAX_ESTIMATE_ERROR_CENTS, report.toString());
            // The relative error: the shifted audio is shorter or longer, so its absolute error sums fewer or more frames.
            assertTrue(error <= (1 + MAX_ERROR_INCREASE) * baseError, report.toString());
        }
    }

    private static double relativeError(Analysis a) {
        return Decomposition.fit(a.magnitude(), a.constraints(),
                DecompositionOptions.defaults(Method.NMF).withIterations(ITERATIONS).withThreads(1)).errors().relativeL1();
    }
}
