package org.nae4j.constraints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.Analysis;
import org.nae4j.audio.Resampler;
import org.nae4j.io.InvalidOptionException;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

/** The tuning option, its estimate and the band rounding, on synthetic signals. */
class TuningTest {
    private static final int RATE = 22050;

    /** A resampling rate pair that raises the pitch by {@code cents} when the result plays at the old rate. */
    static int[] rates(double cents) {
        int from = 1_000_000;
        return new int[] {from, (int) Math.round(from / Math.pow(2, cents / 1200))};
    }

    /** {@code x} pitched up by {@code cents} (and shortened by the same factor), as tape played faster. */
    static float[] shift(float[] x, double cents) {
        int[] r = rates(cents);
        return Resampler.resample(x, r[0], r[1]);
    }

    /** {@code s} with every time scaled as {@link #shift} scales the audio. */
    static Score shift(Score s, double cents) {
        int[] r = rates(cents);
        double k = r[1] / (double) r[0];
        List<Note> out = new ArrayList<>();
        for (Note n : s.notes()) {
            out.add(new Note(n.start() * k, n.duration() * k, n.pitch(), n.velocity(), n.instrument()));
        }
        return new Score(out);
    }

    @Test
    void parsesAutoAndCentsAndRefusesTheRest() {
        assertEquals(Tuning.AUTO, Tuning.parse("auto"));
        assertEquals(Tuning.cents(-12.5), Tuning.parse(" -12.5 "));
        assertEquals(Tuning.A440, Tuning.parse("0"));
        assertThrows(InvalidOptionException.class, () -> Tuning.parse("101"));
        assertThrows(InvalidOptionException.class, () -> Tuning.parse("NaN"));
        assertThrows(InvalidOptionException.class, () -> Tuning.parse("sharp"));
        assertEquals(Math.pow(2, 30 / 1200.0), Tuning.cents(30).factor(), 1e-12);
        assertEquals(BandRounding.LIBFMP, BandRounding.parse("LibFMP"));
        assertThrows(InvalidOptionException.class, () -> BandRounding.parse("up"));
    }

    @Test
    void bandsMoveWithTheTuningAndNearestRoundingCentresThem() {
        ConstraintOptions nearest = ConstraintOptions.DEFAULT.withTuning(Tuning.A440);
        // A4's fundamental at 440 Hz is bin 40.87 (Δf = 10.77 Hz); its ±5 % edges are bins 38.8 and 42.9.
        assertEquals(List.of(39, 44), List.of(first(69, nearest)[0], first(69, nearest)[1]));
        int[] libfmp = first(69, ConstraintOptions.REFERENCE);
        assertEquals(List.of(38, 43), List.of(libfmp[0], libfmp[1]));
        // A semitone up (100 cents) is exactly the next pitch's band.
        int[] up = first(69, nearest.withTuning(Tuning.cents(100)));
        int[] next = first(70, nearest);
        assertEquals(List.of(next[0], next[1]), List.of(up[0], up[1]));
        Score one = new Score(List.of(new Note(0, 1, 69, 90, "piano")));
        assertThrows(IllegalArgumentException.class,
                () -> Constraints.build(one, RATE, StftParams.DEFAULT, 30, ConstraintOptions.DEFAULT));
    }

    private static int[] first(int pitch, ConstraintOptions o) {
        return Constraints.harmonicBands(pitch, RATE, StftParams.DEFAULT.nFft(), StftParams.DEFAULT.bins(), o);
    }

    @Test
    void theEstimateFollowsAShiftedSynthesizedScale() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            notes.add(new Note(0.5 * i, 0.6, 48 + i, 90, "piano"));
        }
        Score score = new Score(notes);
        float[] x = Synth.render(score, RATE, SynthOptions.DEFAULT);
        double base = Analysis.of(x, RATE, score).tuningCents();
        assertTrue(Math.abs(base) < 3, "a synthesizer at A440 (slightly sharp partials): " + base);
        for (double cents : new double[] {25, -35}) {
            double estimate = Analysis.of(shift(x, cents), RATE, shift(score, cents)).tuningCents();
            assertEquals(base + cents, estimate, 2, "shifted by " + cents + " cents");
        }
        assertEquals(0, Analysis.of(x, RATE, score, StftParams.DEFAULT, ConstraintOptions.DEFAULT.withTuning(
                Tuning.A440), null, null).tuningCents());
        assertEquals(12.0, Analysis.of(x, RATE, score, StftParams.DEFAULT, ConstraintOptions.DEFAULT.withTuning(
                Tuning.cents(12)), null, null).tuningCents());
    }
}
