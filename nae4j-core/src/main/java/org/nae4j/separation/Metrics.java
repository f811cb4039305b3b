package org.nae4j.separation;

/**
 * Separation quality in dB against a reference signal (method §6). Both take the signals as they are (no
 * mean removal, no time shift, no filtering): the separated signals share the mixture's time axis.
 * Sums are in double precision.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Scale-invariant SDR (Le Roux et al., "SDR – half-baked or well done?", ICASSP 2019):
     * with α = ⟨ŝ, s⟩ / ⟨s, s⟩, SI-SDR = 10 log10(‖α s‖² / ‖α s − ŝ‖²). Unchanged when the estimate is
     * scaled by a nonzero factor.
     *
     * @param estimate  ŝ
     * @param reference s, of the same length
     * @return dB; +∞ for an estimate that is an exact nonzero multiple of the reference, −∞ for one
     *         orthogonal to it; NaN (undefined) when the reference or the estimate is all zero
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double siSdr(float[] estimate, float[] reference) {
        checkLengths(estimate, reference);
        double ss = 0;
        double se = 0;
        for (int i = 0; i < reference.length; i++) {
            ss += (double) reference[i] * reference[i];
            se += (double) reference[i] * estimate[i];
        }
        if (ss == 0) {
            return Double.NaN;
        }
        double alpha = se / ss;
        double target = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            double t = alpha * reference[i];
            double e = t - estimate[i];
            target += t * t;
            noise += e * e;
        }
        return decibels(target, noise);
    }

    /**
     * Plain signal-to-distortion ratio SDR = 10 log10(‖s‖² / ‖s − ŝ‖²) (not the BSS Eval v3 SDR, which
     * first allows a 512-tap distortion filter; this one penalises any gain error as well).
     *
     * @return dB; +∞ for an exact estimate; NaN when the reference is all zero
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double sdr(float[] estimate, float[] reference) {
        checkLengths(estimate, reference);
        double ss = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            ss += (double) reference[i] * reference[i];
            double e = (double) reference[i] - estimate[i];
            noise += e * e;
        }
        if (ss == 0) {
            return Double.NaN;
        }
        return decibels(ss, noise);
    }

    private static double decibels(double signal, double noise) {
        if (noise == 0) {
            return signal == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(signal / noise);
    }

    private static void checkLengths(float[] estimate, float[] reference) {
        if (estimate.length != reference.length) {
            throw new IllegalArgumentException("estimate has " + estimate.length + " samples, reference "
                    + reference.length);
        }
    }
}
