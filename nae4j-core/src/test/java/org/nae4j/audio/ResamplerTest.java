package org.nae4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    /** Output samples ignored at each end, where the zero extension of the signal shows. */
    private static final double EDGE_SECONDS = 0.05;
    private static final double PASSBAND_TOLERANCE_DB = 0.1;
    private static final double STOPBAND_DB = 60;

    private static float[] sine(double freq, int rate, double seconds) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(2 * Math.PI * freq * i / rate);
        }
        return x;
    }

    /** RMS of y over its interior, in dB relative to a unit-amplitude sine (RMS 1/√2). */
    private static double levelDb(float[] y, int rate) {
        int skip = (int) (EDGE_SECONDS * rate);
        double s = 0;
        for (int i = skip; i < y.length - skip; i++) {
            s += y[i] * (double) y[i];
        }
        return 10 * Math.log10(s / (y.length - 2 * skip) / 0.5);
    }

    /** RMS of (y − unit sine at the output times), dB relative to the sine: catches gain and delay errors. */
    private static double errorDb(float[] y, double freq, int rate) {
        float[] ideal = sine(freq, rate, y.length / (double) rate);
        float[] d = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i] - ideal[i];
        }
        return levelDb(d, rate);
    }

    @ParameterizedTest(name = "1 kHz, {0} → {1} Hz")
    @CsvSource({"44100, 22050", "48000, 22050", "8000, 22050", "96000, 22050", "22050, 44100",
        "44101, 22050", "96001, 22050"})
    void keepsAmplitudeAndPhaseOfInBandSine(int from, int to) {
        float[] y = Resampler.resample(sine(1000, from, 1.0), from, to);
        assertEquals(0, levelDb(y, to), PASSBAND_TOLERANCE_DB);
        // A delay of even 0.01 output samples would leave an error near −37 dB.
        assertTrue(errorDb(y, 1000, to) < -STOPBAND_DB, "error " + errorDb(y, 1000, to) + " dB");
    }

    @ParameterizedTest(name = "{2} × Nyquist, {0} → {1} Hz")
    @CsvSource({"44100, 22050, 0.9", "48000, 22050, 0.9", "8000, 22050, 0.9", "96000, 22050, 0.9"})
    void passBandIsFlatToNinetyPercentOfNyquist(int from, int to, double fraction) {
        double f = fraction * Math.min(from, to) / 2.0;
        float[] y = Resampler.resample(sine(f, from, 1.0), from, to);
        assertEquals(0, levelDb(y, to), PASSBAND_TOLERANCE_DB);
    }

    @ParameterizedTest(name = "{2} Hz, {0} → {1} Hz")
    @CsvSource({"44100, 22050, 15000", "44100, 22050, 11600", "48000, 22050, 11600",
        "96000, 22050, 30000", "96001, 22050, 30000"})
    void attenuatesAboveTheNewNyquist(int from, int to, double freq) {
        float[] y = Resampler.resample(sine(freq, from, 1.0), from, to);
        assertTrue(levelDb(y, to) <= -STOPBAND_DB, "level " + levelDb(y, to) + " dB");
    }

    @Test
    void upsamplingRejectsImages() {
        // At 8 kHz a 3.5 kHz sine has images at 4.5, 11.5, … kHz; after resampling only the sine may remain.
        float[] y = Resampler.resample(sine(3500, 8000, 1.0), 8000, 22050);
        assertTrue(errorDb(y, 3500, 22050) < -STOPBAND_DB, "error " + errorDb(y, 3500, 22050) + " dB");
    }

    @Test
    void bothKernelPathsAreCovered() {
        assertTrue(Resampler.usesPolyphaseTable(48000, 22050, ResamplerOptions.DEFAULT));
        assertTrue(Resampler.usesPolyphaseTable(44101, 22050, ResamplerOptions.DEFAULT));
        assertFalse(Resampler.usesPolyphaseTable(96001, 22050, ResamplerOptions.DEFAULT));
    }

    @Test
    void impulseResponseIsCentredAndSymmetric() {
        float[] x = new float[4001];
        x[2000] = 1;
        float[] y = Resampler.resample(x, 44100, 22050);
        assertEquals(2001, y.length);
        int peak = 0;
        for (int i = 1; i < y.length; i++) {
            peak = Math.abs(y[i]) > Math.abs(y[peak]) ? i : peak;
        }
        assertEquals(1000, peak);
        for (int k = 1; k < 200; k++) {
            assertEquals(y[1000 - k], y[1000 + k], 1e-7f);
        }
    }

    @Test
    void preservesDc() {
        float[] x = new float[3000];
        java.util.Arrays.fill(x, 0.5f);
        float[] y = Resampler.resample(x, 48000, 22050);
        for (int i = 200; i < y.length - 200; i++) {
            assertEquals(0.5f, y[i], 1e-5f);
        }
    }

    @ParameterizedTest(name = "{0} samples, {1} → {2} Hz")
    @CsvSource({"1000, 48000, 22050", "1001, 44100, 22050", "1, 8000, 22050", "0, 44100, 22050",
        "12345, 96000, 22050", "7, 22050, 44100", "1, 96000, 22050", "10000019, 44100, 48000"})
    void outputLengthIsRoundedRatio(int n, int from, int to) {
        long expected = Math.round(n * (double) to / from);
        assertEquals(expected, Resampler.outputLength(n, from, to));
        if (n < 100_000) {
            assertEquals(expected, Resampler.resample(new float[n], from, to).length);
        }
    }

    @Test
    void equalRatesGiveAnEqualCopy() {
        float[] x = sine(440, 22050, 0.01);
        float[] y = Resampler.resample(x, 22050, 22050);
        assertNotSame(x, y);
        assertArrayEquals(x, y);
    }

    @Test
    void doesNotModifyInput() {
        float[] x = sine(440, 44100, 0.01);
        float[] copy = x.clone();
        Resampler.resample(x, 44100, 22050);
        assertArrayEquals(copy, x);
    }

    @Test
    void customOptionsAreHonoured() {
        ResamplerOptions loose = new ResamplerOptions(60, 0.2);
        float[] pass = Resampler.resample(sine(0.8 * 11025, 44100, 1.0), 44100, 22050, loose);
        assertEquals(0, levelDb(pass, 22050), PASSBAND_TOLERANCE_DB);
        float[] stop = Resampler.resample(sine(11300, 44100, 1.0), 44100, 22050, loose);
        assertTrue(levelDb(stop, 22050) <= -STOPBAND_DB, "level " + levelDb(stop, 22050) + " dB");
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[4], 0, 22050));
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[4], 44100, -1));
        assertThrows(IllegalArgumentException.class, () -> new ResamplerOptions(20, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ResamplerOptions(80, 0));
        assertThrows(IllegalArgumentException.class, () -> new ResamplerOptions(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Resampler.outputLength(Integer.MAX_VALUE, 1, 4));
    }
}
