package org.nae4j.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double TOL_DB = 1e-9;

    @Test
    void orthogonalErrorGivesTheEnergyRatio() {
        // ŝ = s + e with e ⟂ s and ‖e‖² = 0.01 ‖s‖²: α = 1, both metrics are 20 dB.
        float[] s = {1, 0, -1, 0};
        float[] est = {1, 0.1f, -1, -0.1f};
        double expected = 10 * Math.log10(2 / (2 * (double) 0.1f * 0.1f));
        assertEquals(expected, Metrics.siSdr(est, s), TOL_DB);
        assertEquals(expected, Metrics.sdr(est, s), TOL_DB);
    }

    @Test
    void siSdrIgnoresGainButSdrDoesNot() {
        float[] s = {0.5f, -0.25f, 1, 0.125f};
        float[] doubled = new float[s.length];
        float[] noisy = {0.6f, -0.25f, 1, 0.125f};
        float[] noisyDoubled = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            doubled[i] = 2 * s[i];
            noisyDoubled[i] = 2 * noisy[i];
        }
        assertEquals(Double.POSITIVE_INFINITY, Metrics.siSdr(doubled, s));
        // ‖s − 2s‖² = ‖s‖²: 0 dB.
        assertEquals(0.0, Metrics.sdr(doubled, s), TOL_DB);
        assertEquals(Metrics.siSdr(noisy, s), Metrics.siSdr(noisyDoubled, s), TOL_DB);
        assertTrue(Metrics.sdr(noisyDoubled, s) < Metrics.sdr(noisy, s));
    }

    @Test
    void undefinedAndInvalidCases() {
        float[] zero = new float[3];
        float[] s = {1, 2, 3};
        assertTrue(Double.isNaN(Metrics.siSdr(s, zero)));
        assertTrue(Double.isNaN(Metrics.sdr(s, zero)));
        float[] opposite = {-1, -2, -3};
        assertEquals(Double.NEGATIVE_INFINITY, Metrics.siSdr(new float[] {3, 0, -1}, new float[] {1, 0, 3}));
        assertTrue(Metrics.sdr(opposite, s) < 0);
        assertThrows(IllegalArgumentException.class, () -> Metrics.siSdr(new float[2], s));
        assertThrows(IllegalArgumentException.class, () -> Metrics.sdr(new float[2], s));
    }
}
