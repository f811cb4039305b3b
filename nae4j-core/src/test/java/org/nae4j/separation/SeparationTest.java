package org.nae4j.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Method;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

class SeparationTest {
    /** NMF has converged well enough for masks after 100 iterations on this short signal (300 change < 0.1 dB). */
    private static final int ITERATIONS = 100;
    /**
     * Required SI-SDR per hand. Measured: 16.7 / 17.2 dB (soft), 17.6 / 17.9 dB (Wiener, p = 2); with the
     * shared G3 split evenly between the hands (what pitch alone would do) 8.7 / 9.0 dB, given wholly to
     * the wrong hand 4.8 / 5.9 dB. 12 dB (error at 1/16 of the signal's power) lies between.
     */
    private static final double MIN_SI_SDR_DB = 12;
    private static final double SUM_TOLERANCE = 1e-4;

    private static TwoVoices voices;
    private static Analysis analysis;
    private static DecompositionResult result;

    @BeforeAll
    static void decompose() {
        voices = new TwoVoices();
        analysis = Analysis.of(voices.mix, TwoVoices.RATE, voices.score, StftParams.DEFAULT, ConstraintOptions.DEFAULT,
                Path.of("two-voices.wav"), Path.of("two-voices.csv"));
        result = Decomposition.fit(analysis.magnitude(), analysis.constraints(),
                DecompositionOptions.defaults(Method.NMF).withIterations(ITERATIONS));
    }

    @Test
    void handsAreSeparatedFromTheirMixture() {
        for (MaskOptions mask : List.of(MaskOptions.SOFT, MaskOptions.wiener(2))) {
            List<Source> out = Separation.separate(analysis, result, Grouping.byTrack(voices.score), mask);
            // Groups come in order of each label's first note: the bass starts with the lower pitch.
            assertEquals(List.of("left", "right", Separation.RESIDUAL), out.stream().map(Source::name).toList());
            for (Source s : out) {
                assertEquals(voices.mix.length, s.samples().length);
                assertEquals(TwoVoices.RATE, s.sampleRate());
            }
            double left = Metrics.siSdr(out.get(0).samples(), voices.left);
            double right = Metrics.siSdr(out.get(1).samples(), voices.right);
            assertTrue(right > MIN_SI_SDR_DB && left > MIN_SI_SDR_DB,
                    mask + ": SI-SDR right " + right + " dB, left " + left + " dB");
            assertSumsToInput(out, voices.mix);
        }
    }

    @Test
    void pitchGroupsAddUpToTheInput() {
        List<Source> out = Separation.separate(analysis, result, Grouping.byPitch(voices.score), MaskOptions.wiener(3));
        assertEquals(analysis.constraints().rank() + 1, out.size());
        assertSumsToInput(out, voices.mix);
        // The masks cover every bin and frame that a template and a note allow: the rest is quiet.
        double residual = energy(out.get(out.size() - 1).samples()) / energy(voices.mix);
        assertTrue(residual < 0.01, "residual energy ratio " + residual);
    }

    @Test
    void spreadingIntoUncoveredBinsShrinksTheResidual() {
        Grouping hands = Grouping.byTrack(voices.score);
        List<Source> plain = Separation.separate(analysis, result, hands, MaskOptions.SOFT.withSpreadBins(0));
        List<Source> spread = Separation.separate(analysis, result, hands, MaskOptions.SOFT);
        assertSumsToInput(plain, voices.mix);
        double plainResidual = energy(plain.get(2).samples());
        double spreadResidual = energy(spread.get(2).samples());
        // Low notes leak out of their narrow template bands (measured: the residual falls from 1.8 % of the input energy to 0.03 %).
        assertTrue(spreadResidual < plainResidual / 10, plainResidual + " -> " + spreadResidual);
    }

    @Test
    void wienerWithPowerOneIsTheSoftMask() {
        List<Source> soft = Separation.separate(analysis, result, Grouping.byTrack(voices.score), MaskOptions.SOFT);
        List<Source> wiener = Separation.separate(analysis, result, Grouping.byTrack(voices.score), MaskOptions.wiener(1));
        for (int g = 0; g < soft.size(); g++) {
            assertTrue(Metrics.sdr(wiener.get(g).samples(), soft.get(g).samples()) > 100);
        }
    }

    @Test
    void theSamePitchGoesToTheHandThatPlaysIt() {
        float[][] hg = Separation.groupActivations(analysis, result, Grouping.byTrack(voices.score));
        int row = Arrays.binarySearch(result.pitches(), TwoVoices.SHARED_PITCH);
        int n = result.frames();
        double hopS = StftParams.DEFAULT.hop() / (double) TwoVoices.RATE;
        // Right hand plays G3 at 3.75 s, the left hand at 1.25 s: each frame goes wholly to its own hand.
        int leftFrame = (int) (1.6 / hopS);
        int rightFrame = (int) (4.0 / hopS);
        float[] h = result.h();
        assertTrue(h[row * n + leftFrame] > 0 && h[row * n + rightFrame] > 0);
        int left = 0;
        int right = 1;
        assertEquals(h[row * n + leftFrame], hg[left][row * n + leftFrame]);
        assertEquals(0f, hg[right][row * n + leftFrame]);
        assertEquals(h[row * n + rightFrame], hg[right][row * n + rightFrame]);
        assertEquals(0f, hg[left][row * n + rightFrame]);
        for (int i = 0; i < h.length; i++) {
            assertEquals(h[i], hg[0][i] + hg[1][i], 1e-6f * h[i]);
        }
    }

    @Test
    void overlapsPreferTheSoundingNoteThenSplitEvenly() {
        int rate = TwoVoices.RATE;
        int hop = StftParams.DEFAULT.hop();
        double hopS = hop / (double) rate;
        int frames = 100;
        // Right holds C4 for 0–1 s; left strikes it at 1.3 s. Offset tolerance 0.5 s, onset tolerance 0.2 s.
        Score s = new Score(List.of(new Note(0.0, 1.0, 60, 80, "right"), new Note(1.3, 0.7, 60, 80, "left")));
        float[] h = new float[frames];
        Arrays.fill(h, 2f);
        float[][] hg = Separation.groupActivations(h, new int[] {60}, frames, rate, hop, ConstraintOptions.DEFAULT,
                Grouping.byTrack(s));
        int bothTolerant = (int) (1.2 / hopS);   // right's offset tolerance, left's onset tolerance
        int leftSounds = (int) (1.4 / hopS);     // right's offset tolerance, left sounding
        int nobody = (int) (3.0 / hopS);
        assertEquals(1f, hg[0][bothTolerant]);
        assertEquals(1f, hg[1][bothTolerant]);
        assertEquals(0f, hg[0][leftSounds]);
        assertEquals(2f, hg[1][leftSounds]);
        assertEquals(0f, hg[0][nobody] + hg[1][nobody]);
    }

    @Test
    void rejectsADecompositionOfAnotherRecording() {
        Score other = voices.score.filter(n -> n.instrument().equals("right"));
        Analysis a = Analysis.of(voices.mix, TwoVoices.RATE, other, StftParams.DEFAULT, ConstraintOptions.DEFAULT,
                Path.of("x.wav"), Path.of("x.csv"));
        assertThrows(IllegalArgumentException.class,
                () -> Separation.separate(a, result, Grouping.byTrack(other), MaskOptions.SOFT));
    }

    private static void assertSumsToInput(List<Source> out, float[] input) {
        double err = 0;
        for (int i = 0; i < input.length; i++) {
            double sum = 0;
            for (Source s : out) {
                sum += s.samples()[i];
            }
            err += (sum - input[i]) * (sum - input[i]);
        }
        double relative = Math.sqrt(err / energy(input));
        assertTrue(relative < SUM_TOLERANCE, "relative error of the sum " + relative);
    }

    private static double energy(float[] x) {
        double e = 0;
        for (float v : x) {
            e += (double) v * v;
        }
        return e;
    }
}
