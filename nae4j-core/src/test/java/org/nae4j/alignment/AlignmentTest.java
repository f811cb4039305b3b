package org.nae4j.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.score.Examples;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** Alignment of a synthesized performance, without the shared data. */
class AlignmentTest {
    private static final int RATE = 22050;
    private static final double MAX_MEAN_ERROR_S = 0.050;
    /** The "performance" sounds different from the alignment's own rendering: fewer partials, longer decay. */
    private static final SynthOptions PERFORMER = new SynthOptions(6, 1e-4, 3.0, 0.01, 0.2, 1.0, -3.0);

    private static final Score TRUTH = Examples.bundledScore();
    private static final float[] AUDIO = Synth.render(TRUTH, RATE, PERFORMER);

    @Test
    void undoesAKnownTempoCurveWithJitter() {
        TempoDistortion warp = new TempoDistortion(TRUTH.end() + 5, 0.2, 15, 0.1, 0.3, 7);
        Score distorted = warp.apply(TRUTH);
        double[] before = TempoDistortion.onsetErrors(distorted, TRUTH);
        assertTrue(TempoDistortion.mean(before) > 0.3, "the distortion must be large enough to matter");
        AlignmentResult r = Alignment.align(AUDIO, RATE, distorted, AlignOptions.DEFAULT);
        double[] e = TempoDistortion.onsetErrors(r.aligned(), TRUTH);
        assertTrue(TempoDistortion.mean(e) < MAX_MEAN_ERROR_S, "mean onset error " + TempoDistortion.mean(e));
        assertTrue(TempoDistortion.quantile(e, 0.95) < 2 * MAX_MEAN_ERROR_S, "95th percentile "
                + TempoDistortion.quantile(e, 0.95));
    }

    @Test
    void aScoreLongerThanTheRecordingIsCompressedIntoIt() {
        // The score plays 30 % slower than the recording and ends after the audio does.
        double stretch = 1.3;
        List<Note> slow = new ArrayList<>();
        for (Note n : TRUTH.notes()) {
            slow.add(new Note(n.start() * stretch, n.duration() * stretch, n.pitch(), n.velocity(), n.instrument()));
        }
        Score score = new Score(slow);
        assertTrue(score.end() > AUDIO.length / (double) RATE);
        AlignmentResult r = Alignment.align(AUDIO, RATE, score, AlignOptions.DEFAULT);
        double[] e = TempoDistortion.onsetErrors(r.aligned(), TRUTH);
        assertTrue(TempoDistortion.mean(e) < MAX_MEAN_ERROR_S, "mean onset error " + TempoDistortion.mean(e));
        assertTrue(r.aligned().end() <= AUDIO.length / (double) RATE);
    }

    @Test
    void keepsPitchVelocityAndLabelAndNeverShortensBelowZero() {
        AlignmentResult r = Alignment.align(AUDIO, RATE, TRUTH, AlignOptions.DEFAULT);
        assertEquals(TRUTH.size(), r.aligned().size());
        for (int i = 0; i < TRUTH.size(); i++) {
            Note a = r.aligned().notes().get(i);
            Note t = TRUTH.notes().get(i);
            assertEquals(t.pitch(), a.pitch());
            assertEquals(t.velocity(), a.velocity());
            assertEquals(t.instrument(), a.instrument());
            assertTrue(a.duration() >= 0);
            // An already aligned score stays where it is (within two 20 ms frames).
            assertEquals(t.start(), a.start(), 0.040, "note " + i);
        }
        assertTrue(r.meanCost() >= 0 && r.meanCost() < 1, "mean cost " + r.meanCost());
        assertEquals(r.scoreFeatures().frameSeconds(), r.path().frameSeconds());
    }

    @Test
    void refusesEmptyInputs() {
        assertThrows(IllegalArgumentException.class,
                () -> Alignment.align(AUDIO, RATE, new Score(List.of()), AlignOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> Alignment.align(new float[0], RATE, TRUTH, AlignOptions.DEFAULT));
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> AlignOptions.DEFAULT.withFeatureRateHz(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AlignOptions.DEFAULT.withFeatureRateHz(1000));
        assertThrows(IllegalArgumentException.class, () -> AlignOptions.DEFAULT.withOnsetWeight(-1));
        assertThrows(IllegalArgumentException.class, () -> AlignOptions.DEFAULT.withBandRadius(0));
        assertThrows(IllegalArgumentException.class, () -> AlignOptions.DEFAULT.withDiagonalWeight(0.1));
        assertEquals(4096, AlignOptions.DEFAULT.fftSize(22050));
        assertEquals(441, AlignOptions.DEFAULT.hop(22050));
    }
}
