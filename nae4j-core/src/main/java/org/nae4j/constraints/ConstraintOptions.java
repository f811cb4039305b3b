package org.nae4j.constraints;

import org.nae4j.io.InvalidOptionException;

/**
 * Parameters of the score-informed constraints (method §2).
 *
 * @param tau              relative frequency tolerance of each harmonic band, 0 ≤ τ &lt; 1 (default 0.05)
 * @param partials         number of harmonics per template; 0 means all below Nyquist (default 0)
 * @param onsetTolerance   seconds an activation may start before the score onset, ≥ 0 (default 0.2)
 * @param offsetTolerance  seconds an activation may last after the score offset, ≥ 0 (default 0.5)
 * @param tuning           reference pitch of W^C's partials (default {@link Tuning#AUTO}: estimated from the
 *                         recording by {@link org.nae4j.Analysis}; {@link Tuning#A440} places them at A4 = 440 Hz,
 *                         as the paper and the NumPy reference do)
 * @param bandRounding     how band edges become bins (default {@link BandRounding#NEAREST}, centred on the partial;
 *                         {@link BandRounding#LIBFMP} as the paper and the NumPy reference)
 * @param inharmonicity    where the partials lie (default {@link Inharmonicity#NONE}: k·f0, as the paper)
 */
public record ConstraintOptions(double tau, int partials, double onsetTolerance, double offsetTolerance,
                                Tuning tuning, BandRounding bandRounding, Inharmonicity inharmonicity) {
    public static final double DEFAULT_TAU = 0.05;
    public static final int ALL_PARTIALS = 0;
    public static final double DEFAULT_ONSET_TOLERANCE = 0.2;
    public static final double DEFAULT_OFFSET_TOLERANCE = 0.5;
    public static final ConstraintOptions DEFAULT = new ConstraintOptions(
            DEFAULT_TAU, ALL_PARTIALS, DEFAULT_ONSET_TOLERANCE, DEFAULT_OFFSET_TOLERANCE, Tuning.AUTO,
            BandRounding.NEAREST, Inharmonicity.NONE);
    /**
     * W^C as the paper, libfmp and the NumPy reference of scripts/reference build it: A4 = 440 Hz, edges
     * rounded down; the default tolerances.
     */
    public static final ConstraintOptions REFERENCE = DEFAULT.withTuning(Tuning.A440)
            .withBandRounding(BandRounding.LIBFMP);

    /** The given tolerances with the default tuning, band rounding and inharmonicity of {@link #DEFAULT}. */
    public ConstraintOptions(double tau, int partials, double onsetTolerance, double offsetTolerance) {
        this(tau, partials, onsetTolerance, offsetTolerance, Tuning.AUTO, BandRounding.NEAREST, Inharmonicity.NONE);
    }

    public ConstraintOptions {
        if (tuning == null) {
            throw new InvalidOptionException("tuning", "tuning", "is required (Tuning.AUTO to estimate it)");
        }
        if (bandRounding == null || inharmonicity == null) {
            throw new InvalidOptionException(bandRounding == null ? "bandRounding" : "inharmonicity",
                    bandRounding == null ? "band rounding" : "inharmonicity", "is required");
        }
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

    /** The same options with another tuning. */
    public ConstraintOptions withTuning(Tuning t) {
        return new ConstraintOptions(tau, partials, onsetTolerance, offsetTolerance, t, bandRounding, inharmonicity);
    }

    /** The same options with another band rounding. */
    public ConstraintOptions withBandRounding(BandRounding b) {
        return new ConstraintOptions(tau, partials, onsetTolerance, offsetTolerance, tuning, b, inharmonicity);
    }

    /** The same options with another inharmonicity model. */
    public ConstraintOptions withInharmonicity(Inharmonicity i) {
        return new ConstraintOptions(tau, partials, onsetTolerance, offsetTolerance, tuning, bandRounding, i);
    }
}
