package org.nae4j.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.spectral.ComplexSpectrogram;
import org.nae4j.spectral.Stft;
import org.nae4j.spectral.StftParams;

class SynthTest {
    private static final int RATE = 22050;
    private static final StftParams PARAMS = new StftParams(4096, 1024);

    private static Score single(double start, double duration, int pitch, int velocity) {
        return new Score(List.of(new Note(start, duration, pitch, velocity, "piano")));
    }

    /** Magnitude summed over frames, per bin. */
    private static double[] spectrum(float[] x, int rate) {
        ComplexSpectrogram s = Stft.forward(x, rate, PARAMS);
        float[] v = s.magnitude();
        double[] sum = new double[s.bins()];
        for (int k = 0; k < s.bins(); k++) {
            for (int n = 0; n < s.frames(); n++) {
                sum[k] += v[k * s.frames() + n];
            }
        }
        return sum;
    }

    private static int argmax(double[] a, int from, int to) {
        int best = from;
        for (int i = from; i < to; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void a4HasItsPeakAt440HzAndSilenceOutsideTheNote() {
        SynthOptions o = SynthOptions.DEFAULT;
        double start = 0.5;
        double duration = 1.0;
        float[] x = Synth.render(single(start, duration, 69, 100), RATE, o);
        assertEquals((int) Math.ceil((start + duration + o.tailSeconds()) * RATE), x.length);
        double[] spec = spectrum(x, RATE);
        double binHz = RATE / (double) PARAMS.nFft();
        int peak = argmax(spec, 1, spec.length);
        assertEquals(440 / binHz, peak, 1.0, "peak at " + peak * binHz + " Hz");
        for (int i = 0; i < (int) Math.floor(start * RATE); i++) {
            assertEquals(0f, x[i], "sample " + i + " before the onset");
        }
        int silentFrom = (int) Math.ceil((start + duration + o.releaseSeconds()) * RATE);
        for (int i = silentFrom; i < x.length; i++) {
            assertEquals(0f, x[i], "sample " + i + " after the release");
        }
        double max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(Math.pow(10, -1.0 / 20), max, 1e-6);
        // Sound right after the onset (the attack is 5 ms).
        assertTrue(Math.abs(x[(int) ((start + 0.01) * RATE)]) > 0 || Math.abs(x[(int) ((start + 0.011) * RATE)]) > 0);
    }

    @Test
    void lengthFollowsLastNoteOffPlusTailAndPeakStaysBelowOne() {
        Score s = new Score(List.of(new Note(0, 2, 40, 127, "left"), new Note(0, 2, 52, 127, "left"),
                new Note(0.1, 3.3, 64, 127, "right"), new Note(0.1, 1, 67, 127, "right"),
                new Note(0.1, 1, 72, 127, "right")));
        SynthOptions o = SynthOptions.DEFAULT.withTailSeconds(0.25);
        float[] x = Synth.render(s, 16000, o);
        assertEquals((int) Math.ceil((3.4 + 0.25) * 16000), x.length);
        for (float v : x) {
            assertTrue(Math.abs(v) <= 1f);
        }
    }

    @Test
    void partialsAtOrAboveNyquistAreDropped() {
        // C7 = 2093 Hz at 8 kHz: partial 2 (≈ 4186 Hz) is above Nyquist and would alias to ≈ 3814 Hz.
        int rate = 8000;
        float[] x = Synth.render(single(0, 0.5, 96, 100), rate, SynthOptions.DEFAULT);
        double[] spec = spectrum(x, rate);
        double binHz = rate / (double) PARAMS.nFft();
        int fundamental = (int) Math.round(Note.frequency(96) / binHz);
        int alias = (int) Math.round((rate - 2 * Note.frequency(96) * Math.sqrt(1 + 4 * 3e-4)) / binHz);
        assertEquals(fundamental, argmax(spec, 1, spec.length), 1.0);
        assertTrue(spec[alias] < 1e-3 * spec[fundamental], "alias " + spec[alias] + " vs " + spec[fundamental]);
        // Far above Nyquist: nothing to render, silence rather than an error.
        float[] none = Synth.render(single(0, 0.5, 127, 100), rate, SynthOptions.DEFAULT);
        for (float v : none) {
            assertEquals(0f, v);
        }
    }

    @Test
    void higherPartialsDecayFaster() {
        float[] x = Synth.render(single(0, 3, 57, 100), RATE, SynthOptions.DEFAULT.withTailSeconds(0));
        ComplexSpectrogram s = Stft.forward(x, RATE, PARAMS);
        float[] v = s.magnitude();
        double binHz = RATE / (double) PARAMS.nFft();
        int k1 = (int) Math.round(220 / binHz);
        int k3 = (int) Math.round(3 * 220 * Math.sqrt(1 + 9 * 3e-4) / binHz);
        int early = (int) Math.round(0.3 * RATE / PARAMS.hop());
        int late = (int) Math.round(2.0 * RATE / PARAMS.hop());
        double ratioEarly = v[k3 * s.frames() + early] / v[k1 * s.frames() + early];
        double ratioLate = v[k3 * s.frames() + late] / v[k1 * s.frames() + late];
        assertTrue(ratioLate < 0.5 * ratioEarly, ratioEarly + " → " + ratioLate);
    }

    @Test
    void louderVelocityGivesLargerAmplitudeAndOutputIsDeterministic() {
        Score s = new Score(List.of(new Note(0, 1, 60, 30, "a"), new Note(1.5, 1, 60, 120, "a")));
        float[] x = Synth.render(s, RATE, SynthOptions.DEFAULT);
        double quiet = 0;
        double loud = 0;
        for (int i = 0; i < 1.4 * RATE; i++) {
            quiet = Math.max(quiet, Math.abs(x[i]));
        }
        for (int i = (int) (1.5 * RATE); i < x.length; i++) {
            loud = Math.max(loud, Math.abs(x[i]));
        }
        assertEquals(4.0, loud / quiet, 0.05);
        assertArrayEquals(x, Synth.render(s, RATE, SynthOptions.DEFAULT));
    }

    @Test
    void emptyScoreGivesTailLengthSilenceAndBadOptionsAreRefused() {
        float[] x = Synth.render(new Score(List.of()), RATE, SynthOptions.DEFAULT);
        assertEquals(RATE, x.length);
        assertThrows(IllegalArgumentException.class, () -> new SynthOptions(0, 0, 1, 0, 0.1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new SynthOptions(4, Double.NaN, 1, 0, 0.1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new SynthOptions(4, 0, 1, 0, 0.1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Synth.render(new Score(List.of()), 0, SynthOptions.DEFAULT));
    }
}
