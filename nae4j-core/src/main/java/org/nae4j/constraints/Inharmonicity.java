package org.nae4j.constraints;

import java.util.Locale;
import org.nae4j.io.InvalidOptionException;

/**
 * Where W^C places the partials of a pitch: at k·f0 ({@link #NONE}) or, as on a stiff piano string, at
 * k·f0·√(1 + B·k²) with a coefficient B that depends on the register ({@link #PIANO}).
 */
public enum Inharmonicity {
    /** Harmonic partials k·f0, as the paper and libfmp. */
    NONE("none"),
    /**
     * A typical grand piano's B per key: log-linear in the MIDI pitch m on both sides of a minimum at m = 45
     * (A2), 10^(−3.82 + 0.029·(m − 45)) above it (1.5·10⁻⁴ at A2, 4·10⁻⁴ at C4, 2·10⁻³ at C6, 10⁻² at C8) and
     * 10^(−3.82 + 0.02·(45 − m)) below it (about 5·10⁻⁴ at A0), the shape of the two-asymptote model of
     * Rigaud, David and Daudet (2013); the constants are a rough fit to published grand-piano values, not
     * those of a particular instrument (docs/tuning.md).
     */
    PIANO("piano");

    /** Pitch of the smallest B. */
    private static final int MINIMUM_PITCH = 45;
    private static final double LOG10_MINIMUM = -3.82;
    private static final double TREBLE_SLOPE = 0.029;
    private static final double BASS_SLOPE = 0.02;

    private final String id;

    Inharmonicity(String id) {
        this.id = id;
    }

    /** The name on the command line and in summary.json. */
    public String id() {
        return id;
    }

    /** The coefficient B of MIDI pitch {@code pitch} (0 for {@link #NONE}). */
    public double coefficient(int pitch) {
        if (this == NONE) {
            return 0;
        }
        double slope = pitch >= MINIMUM_PITCH ? TREBLE_SLOPE : -BASS_SLOPE;
        return Math.pow(10, LOG10_MINIMUM + slope * (pitch - MINIMUM_PITCH));
    }

    /** Frequency of partial k (1 = the fundamental) of a pitch whose fundamental is {@code f0}. */
    public double partial(int pitch, double f0, int k) {
        return k * f0 * Math.sqrt(1 + coefficient(pitch) * k * k);
    }

    /** The model named {@code text} ({@code none} or {@code piano}, any case). */
    public static Inharmonicity parse(String text) {
        for (Inharmonicity i : values()) {
            if (i.id.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new InvalidOptionException("inharmonicity", "inharmonicity", "must be none or piano, got '" + text + "'");
    }
}
