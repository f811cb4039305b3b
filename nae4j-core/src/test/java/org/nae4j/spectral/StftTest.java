package org.nae4j.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nae4j.Tolerance;

class StftTest {
    private static final int FS = 22050;

    private static float[] sine(double freq, double amp, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freq * i / FS));
        }
        return x;
    }

    @Test
    void frameCountAndBinsFollowCentredConvention() {
        ComplexSpectrogram s = Stft.forward(new float[10_000], FS, StftParams.DEFAULT);
        assertEquals(1025, s.bins());
        assertEquals(1 + 10_000 / 1024, s.frames());
    }

    @Test
    void windowIsPeriodicHann() {
        float[] w = Stft.hann(8);
        assertEquals(0f, w[0], 0f);
        assertEquals(1f, w[4], 1e-7f); // the periodic window peaks at n/2, the symmetric one would not
        assertEquals(0.5f, w[2], 1e-7f);
    }

    @Test
    void sinePeakHasAnalyticBinAndMagnitude() {
        // A sine centred on bin 100 gives |X| = A * sum(w) / 2 = A * N/4 for the periodic Hann window.
        double freq = 100.0 * FS / 2048;
        double amp = 0.5;
        ComplexSpectrogram s = Stft.forward(sine(freq, amp, FS * 2), FS, StftParams.DEFAULT);
        float[] v = s.magnitude();
        int n = s.frames() / 2;
        int best = 0;
        for (int k = 0; k < s.bins(); k++) {
            if (v[k * s.frames() + n] > v[best * s.frames() + n]) {
                best = k;
            }
        }
        assertEquals(100, best);
        assertEquals(amp * 2048 / 4, v[100 * s.frames() + n], 1e-3 * amp * 2048 / 4);
        // Neighbours hold half of the peak (Hann main lobe), bins further out almost nothing.
        assertEquals(0.5 * amp * 2048 / 4, v[101 * s.frames() + n], 1e-3 * amp * 2048 / 4);
        assertTrue(v[110 * s.frames() + n] < 1e-3 * v[100 * s.frames() + n]);
    }

    @Test
    void inverseReconstructsTheSignal() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        float[] x = new float[30_001];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        float[] y = Stft.inverse(Stft.forward(x, FS, StftParams.DEFAULT), x.length);
        double relative = Tolerance.relativeDifference(x, y);
        assertTrue(relative < 1e-5, "relative error " + relative);
    }
}
