package org.nae4j.alignment;

import org.nae4j.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.audio.AudioLoader;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Method;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/** Alignment on the shared pieces (../shared/data, skipped when absent). */
class SharedDataAlignmentTest {
    private static final Path DATA = Path.of("../shared/data");
    private static final int RATE = StftParams.DEFAULT_SAMPLE_RATE;
    /** The bar: mean absolute onset error below 50 ms. */
    private static final double MAX_MEAN_ERROR_S = 0.050;
    /** Aligning a piece's own exact score to it must not shift onsets: median signed error within ± this. */
    private static final double MAX_IDENTITY_BIAS_S = 0.005;
    /** ... and the mean absolute error of that identity alignment at most this. */
    private static final double MAX_IDENTITY_MEAN_ERROR_S = 0.010;
    /** Signed median bound under the tempo warp: well under one 20 ms feature frame late or early. */
    private static final double MAX_WARP_BIAS_S = 0.015;
    /** Only the first minute of each piece, to keep the test fast. */
    private static final double CROP_SECONDS = 60;
    /** NMF iterations of the real-recording check: enough for the errors to separate clearly. */
    private static final int NMF_ITERATIONS = 100;

    private static Path piece(String group, String name) {
        Path dir = DATA.resolve(group).resolve(name);
        SharedData.require(dir);
        return dir;
    }

    /**
     * Crops a rendered piece at the first onset at or after {@value #CROP_SECONDS} s: score notes before it
     * (held notes cut there) and the audio up to it, so that no note sounds that the score lacks.
     */
    private static Object[] firstMinute(Path dir) {
        Score full = Score.read(dir.resolve("score.csv"));
        double cut = full.notes().stream().mapToDouble(Note::start).filter(t -> t >= CROP_SECONDS).min()
                .orElse(full.end());
        Score truth = new Score(full.notes().stream().filter(n -> n.start() < cut)
                .map(n -> new Note(n.start(), Math.min(n.end(), cut) - n.start(), n.pitch(), n.velocity(),
                        n.instrument())).toList());
        float[] x = AudioLoader.loadMono(dir.resolve("mix.wav"), RATE);
        return new Object[]{truth, Arrays.copyOf(x, (int) Math.min(x.length, Math.round(cut * RATE)))};
    }

    @ParameterizedTest
    @ValueSource(strings = {"satie-gymnopedie-no1-excerpt", "bach-prelude-bwv846"})
    void alignsADistortedScoreBackToItsRendering(String name) {
        Object[] piece = firstMinute(piece("rendered", name));
        Score truth = (Score) piece[0];
        float[] x = (float[]) piece[1];
        // Smooth ±20 % tempo curve (period 20 s) plus ±10 % local jitter, within ±30 %.
        TempoDistortion warp = new TempoDistortion(truth.end() + 10, 0.2, 20, 0.1, 0.3, 1);
        Score distorted = warp.apply(truth);
        AlignmentResult r = Alignment.align(x, RATE, distorted, AlignOptions.DEFAULT);
        double[] before = TempoDistortion.onsetErrors(distorted, truth);
        double[] e = TempoDistortion.onsetErrors(r.aligned(), truth);
        double signedMedian = TempoDistortion.quantile(TempoDistortion.signedOnsetErrors(r.aligned(), truth), 0.5);
        String errors = String.format(Locale.ROOT, "%s (first %.0f s, %d notes): onset error before %.0f ms; after: "
                        + "mean %.1f ms, median %.1f ms, 95th percentile %.1f ms, signed median %+.1f ms", name,
                CROP_SECONDS, truth.size(), 1000 * TempoDistortion.mean(before), 1000 * TempoDistortion.mean(e),
                1000 * TempoDistortion.quantile(e, 0.5), 1000 * TempoDistortion.quantile(e, 0.95),
                1000 * signedMedian);
        assertTrue(TempoDistortion.mean(before) > 0.2, "the distortion must be large enough to matter: " + errors);
        assertTrue(TempoDistortion.mean(e) < MAX_MEAN_ERROR_S, errors);
        assertTrue(Math.abs(signedMedian) <= MAX_WARP_BIAS_S, errors);
    }

    /**
     * A rendered piece's exact score aligned to its own audio: the ideal answer is the identity, so every onset
     * should stay where it is; a systematic shift would be a bias of the features or of the time map.
     */
    @ParameterizedTest
    @ValueSource(strings = {"satie-gymnopedie-no1-excerpt", "bach-prelude-bwv846", "mozart-k545-mvt1-excerpt",
        "long-joplin-the-entertainer"})
    void alignsAnExactScoreToItselfWithoutBias(String name) {
        Path dir = piece("rendered", name);
        Score truth = Score.read(dir.resolve("score.csv"));
        float[] x = AudioLoader.loadMono(dir.resolve("mix.wav"), RATE);
        AlignmentResult r = Alignment.align(x, RATE, truth, AlignOptions.DEFAULT);
        double[] signed = TempoDistortion.signedOnsetErrors(r.aligned(), truth);
        double median = TempoDistortion.quantile(signed, 0.5);
        double meanAbs = TempoDistortion.mean(TempoDistortion.onsetErrors(r.aligned(), truth));
        String errors = String.format(Locale.ROOT, "%s (%d notes), identity alignment: signed median %+.1f ms, "
                + "mean absolute %.1f ms", name, truth.size(), 1000 * median, 1000 * meanAbs);
        assertTrue(Math.abs(median) <= MAX_IDENTITY_BIAS_S, errors);
        assertTrue(meanAbs <= MAX_IDENTITY_MEAN_ERROR_S, errors);
    }

    @Test
    void theAlignedChopinScoreDecomposesBetterThanTheUnalignedOne() {
        Path dir = piece("real", "chopin-op10-3-igoshina");
        float[] x = AudioLoader.loadMono(dir.resolve("audio.wav"), RATE);
        Score score = Score.read(dir.resolve("score.csv"));
        AlignmentResult r = Alignment.align(x, RATE, score, AlignOptions.DEFAULT);
        // The data README: the first sample above −40 dBFS comes at about 0.478 s (score onset 0.400 s + 78 ms).
        assertEquals(0.478, r.aligned().notes().get(0).start(), 0.1);
        // The performance is slower than the score's 150 bpm and ends before the end of the audio.
        assertTrue(r.aligned().end() > score.end() && r.aligned().end() <= x.length / (double) RATE);
        double unaligned = nmfError(x, score, dir);
        double aligned = nmfError(x, r.aligned(), dir);
        assertTrue(aligned < 0.8 * unaligned, String.format(Locale.ROOT,
                "chopin: NMF (%d iterations) column-wise l1 error unaligned %.1f, aligned %.1f",
                NMF_ITERATIONS, unaligned, aligned));
    }

    private static double nmfError(float[] x, Score score, Path dir) {
        Analysis a = Analysis.of(x, RATE, score, StftParams.DEFAULT, ConstraintOptions.DEFAULT,
                dir.resolve("audio.wav"), dir.resolve("score.csv"));
        return Decomposition.fit(a.magnitude(), a.constraints(),
                DecompositionOptions.defaults(Method.NMF).withIterations(NMF_ITERATIONS)).errors().columnL1();
    }
}
