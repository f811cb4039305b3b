package org.nae4j;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;

/**
 * The tests' one way to compare float arrays within a tolerance, so that every comparison means the same:
 * {@link #assertClose} has the semantics of numpy.allclose, {@link #relativeDifference} is the relative ℓ2
 * error.
 */
public final class Tolerance {
    private Tolerance() {
    }

    /**
     * Asserts, element by element, |actual − expected| ≤ atol + rtol·|expected| (numpy.allclose; a NaN is
     * never close) and equal lengths. The failure names the worst element.
     */
    public static void assertClose(float[] expected, float[] actual, double rtol, double atol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + ", expected " + expected.length);
        }
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) actual[i] - expected[i]);
            double allowed = atol + rtol * Math.abs(expected[i]);
            // NaN fails the comparison, as in numpy; an equal infinity passes.
            if (!(diff <= allowed) && expected[i] != actual[i]) {
                double excess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff - allowed;
                if (worst < 0 || excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (worst >= 0) {
            fail(String.format(Locale.ROOT, "%s: element %d is %s, expected %s (|difference| %.3g > atol %.3g"
                            + " + rtol %.3g · |expected|)", what, worst, actual[worst], expected[worst],
                    Math.abs((double) actual[worst] - expected[worst]), atol, rtol));
        }
    }

    /** The largest |x[i]|, the scale for an atol relative to a whole array. */
    public static double maxAbs(float[] x) {
        double m = 0;
        for (float v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** ‖actual − expected‖₂ / ‖expected‖₂, in double; NaN when expected is all zero. */
    public static double relativeDifference(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException("lengths " + expected.length + " and " + actual.length);
        }
        double err = 0;
        double energy = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = (double) actual[i] - expected[i];
            err += d * d;
            energy += (double) expected[i] * expected[i];
        }
        return Math.sqrt(err / energy);
    }
}
