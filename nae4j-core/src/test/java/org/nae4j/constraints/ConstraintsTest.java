package org.nae4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

class ConstraintsTest {
    /** libfmp's W^C, which these tests check: A4 = 440 Hz, band edges rounded down. */
    private static final ConstraintOptions A440 = ConstraintOptions.REFERENCE;

    private static final int FS = 22050;

    @Test
    void templateBandsFollowLibfmp() {
        // A4 = 440 Hz, Δf = 22050/2048 ≈ 10.767 Hz: first band floor(418/Δf) = 38 .. floor(462/Δf) = 42.
        int[] bands = Constraints.harmonicBands(69, FS, 2048, 1025, A440);
        assertEquals(38, bands[0]);
        assertEquals(43, bands[1]);
        // Second harmonic 880 Hz: floor(836/Δf) = 77 .. floor(924/Δf) = 85.
        assertEquals(77, bands[2]);
        assertEquals(86, bands[3]);
        // All partials below Nyquist: the last band ends at or below K.
        assertEquals(true, bands[bands.length - 1] <= 1025);
    }

    @Test
    void partialsLimitTheTemplate() {
        ConstraintOptions three = new ConstraintOptions(0.05, 3, 0.2, 0.5, Tuning.A440, BandRounding.LIBFMP,
                Inharmonicity.NONE);
        int[] bands = Constraints.harmonicBands(69, FS, 2048, 1025, three);
        assertEquals(6, bands.length);
        assertEquals((int) Math.floor(1.05 * 3 * 440 / (FS / 2048.0)) + 1, bands[5]);
    }

    @Test
    void activationMaskCoversNoteWithTolerances() {
        double hopS = 1024.0 / FS;
        Score s = new Score(List.of(new Note(1.0, 0.5, 60, 80, "right"), new Note(0.1, 0.2, 64, 80, "left")));
        Constraints c = Constraints.build(s, FS, StftParams.DEFAULT, 100, A440);
        assertArrayEquals(new int[] {60, 64}, c.pitches());
        int from = (int) Math.floor(0.8 / hopS);
        int to = (int) Math.floor(2.0 / hopS);
        for (int f = 0; f < 100; f++) {
            assertEquals(f >= from && f < to ? 1f : 0f, c.hc()[f], "frame " + f);
        }
        // The onset tolerance is clipped at frame 0.
        assertEquals(1f, c.hc()[100]);
        assertEquals((int) Math.floor(0.8 / hopS), c.support().activationCount(1));
    }

    @Test
    void denseMasksMatchTheSupport() {
        Score s = new Score(List.of(new Note(0.5, 1, 40, 80, "x"), new Note(1.5, 1, 90, 80, "x")));
        Constraints c = Constraints.build(s, FS, StftParams.DEFAULT, 200, A440);
        float sumW = 0;
        for (float x : c.wc()) {
            sumW += x;
        }
        assertEquals(c.support().templateCount(0) + c.support().templateCount(1), sumW);
        assertEquals(2, c.rank());
        assertEquals(1025, c.bins());
    }

    @Test
    void activationMaskOfASubsetUsesTheFullScoresRows() {
        Score s = new Score(List.of(new Note(1.0, 0.5, 60, 80, "right"), new Note(0.1, 0.2, 64, 80, "left"),
                new Note(2.0, 0.5, 64, 80, "right")));
        Constraints full = Constraints.build(s, FS, StftParams.DEFAULT, 100, A440);
        List<Note> right = s.filter(n -> n.instrument().equals("right")).notes();
        float[] mask = Constraints.activationMask(right, full.pitches(), FS, StftParams.DEFAULT.hop(), 100,
                A440);
        float[] expected = Constraints.build(new Score(right), FS, StftParams.DEFAULT, 100, A440).hc();
        assertArrayEquals(expected, mask);
        float[] none = Constraints.activationMask(List.of(), full.pitches(), FS, StftParams.DEFAULT.hop(), 100,
                A440);
        assertArrayEquals(new float[200], none);
        assertThrows(IllegalArgumentException.class, () -> Constraints.activationMask(right, new int[] {60, 62}, FS,
                StftParams.DEFAULT.hop(), 100, A440));
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ConstraintOptions(1.0, 0, 0.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ConstraintOptions(0.05, -1, 0.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ConstraintOptions(0.05, 0, -0.2, 0.5));
    }

    @Test
    void masksShapeAndSupportMustAgree() {
        Score s = new Score(List.of(new Note(0.1, 0.5, 60, 80, "right"), new Note(0.2, 0.3, 64, 80, "left")));
        Constraints c = Constraints.build(s, FS, StftParams.DEFAULT, 20, A440);
        float[] hc = c.hc().clone();
        hc[hc.length - 1] = 1 - hc[hc.length - 1];
        assertThrows(IllegalArgumentException.class,
                () -> new Constraints(c.wc(), hc, c.bins(), c.frames(), c.pitches(), c.support()));
        assertThrows(IllegalArgumentException.class,
                () -> new Constraints(c.wc(), c.hc(), c.bins(), c.frames() + 1, c.pitches(), c.support()));
        assertThrows(IllegalArgumentException.class,
                () -> new Constraints(c.wc(), c.hc(), c.bins(), c.frames(), new int[] {64, 60}, c.support()));
        assertEquals(c, new Constraints(c.wc(), c.hc(), c.bins(), c.frames(), c.pitches(), c.support()));
    }
}
