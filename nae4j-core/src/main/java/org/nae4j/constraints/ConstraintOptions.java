package org.nae4j.constraints;

import org.nae4j.io.InvalidOptionException;

/**
 * Parameters of the score-informed constraints (method §2).
 *
 * @param tau              relative frequency tolerance of each harmonic band, 0 ≤ τ &lt; 1 (default 0.05)
 * @param partials         number of harmonics per template; 0 means all below Nyquist (default 0)
 * @param onsetTolerance   seconds an activation may start before the score onset, ≥ 0 (default 0.2)
 * @param offsetTolerance  seconds an activation may last after the score offset, ≥ 0 (default 0.5)
 */
public record ConstraintOptions(double tau, int partials, double onsetTolerance, double offsetTolerance) {
    public static final double DEFAULT_TAU = 0.05;
    public static final int ALL_PARTIALS = 0;
    public static final double DEFAULT_ONSET_TOLERANCE = 0.2;
    public static final double DEFAULT_OFFSET_TOLERANCE = 0.5;
    public static final ConstraintOptions DEFAULT = new ConstraintOptions(
            DEFAULT_TAU, ALL_PARTIALS, DEFAULT_ONSET_TOLERANCE, DEFAULT_OFFSET_TOLERANCE);

    public ConstraintOptions {
        if (!(tau >= 0 && tau < 1)) {
            throw new InvalidOptionException("tau", "tau", "must be in [0, 1), got " + tau);
        }
        if (partials < 0) {
            throw new InvalidOptionException("partials", "partials", "must be ≥ 0 (0 = all below Nyquist), got " + partials);
        }
        if (!(onsetTolerance >= 0) || !Double.isFinite(onsetTolerance)) {
            throw new InvalidOptionException("onsetTolerance", "onset tolerance",
                    "must be a finite number ≥ 0 s, got " + onsetTolerance);
        }
        if (!(offsetTolerance >= 0) || !Double.isFinite(offsetTolerance)) {
            throw new InvalidOptionException("offsetTolerance", "offset tolerance",
                    "must be a finite number ≥ 0 s, got " + offsetTolerance);
        }
    }
}
