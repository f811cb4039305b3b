package org.nae4j.score;

import org.nae4j.io.InvalidOptionException;

/**
 * Settings of the additive piano-like {@link Synth}.
 *
 * @param partials       number of partials per note, 1–64 (default 12); partials at or above the
 *                       Nyquist frequency are dropped
 * @param inharmonicity  string inharmonicity coefficient B, 0–0.01 (default 3e-4): partial k sounds at
 *                       k·f0·√(1 + B·k²)
 * @param decaySeconds   e-folding time in seconds of the fundamental of A4 (440 Hz), &gt; 0 and ≤ 60
 *                       (default 1.5); lower notes ring longer (∝ 1/√f0), partial k decays k^0.7 times faster
 * @param attackSeconds  linear attack ramp in seconds, 0–1 (default 0.005)
 * @param releaseSeconds linear release ramp after the note-off in seconds, &gt; 0 and ≤ 10 (default 0.1);
 *                       the note is exactly silent from note-off + release on
 * @param tailSeconds    length of the output after the last note-off in seconds, 0–600 (default 1.0);
 *                       a release longer than the tail is cut off at the end
 * @param peakDbfs       the rendered signal is scaled so that its peak is this level in dBFS,
 *                       −120 to 0 (default −1, i.e. peak 0.891)
 */
public record SynthOptions(int partials, double inharmonicity, double decaySeconds, double attackSeconds,
                           double releaseSeconds, double tailSeconds, double peakDbfs) {
    public static final int MAX_PARTIALS = 64;
    public static final double MAX_INHARMONICITY = 0.01;
    public static final double MAX_DECAY_SECONDS = 60;
    public static final double MAX_ATTACK_SECONDS = 1;
    public static final double MAX_RELEASE_SECONDS = 10;
    public static final double MAX_TAIL_SECONDS = 600;
    public static final double MIN_PEAK_DBFS = -120;

    /** 12 partials, B = 3e-4, 1.5 s decay at A4, 5 ms attack, 100 ms release, 1 s tail, peak −1 dBFS. */
    public static final SynthOptions DEFAULT = new SynthOptions(12, 3e-4, 1.5, 0.005, 0.1, 1.0, -1.0);

    public SynthOptions {
        if (partials < 1 || partials > MAX_PARTIALS) {
            throw new InvalidOptionException("partials", "partials", "must be in 1.." + MAX_PARTIALS + ", got "
                    + partials);
        }
        check("inharmonicity", "inharmonicity", inharmonicity, 0, MAX_INHARMONICITY);
        check("attackSeconds", "attack", attackSeconds, 0, MAX_ATTACK_SECONDS);
        check("tailSeconds", "tail", tailSeconds, 0, MAX_TAIL_SECONDS);
        check("peakDbfs", "peak level (dBFS)", peakDbfs, MIN_PEAK_DBFS, 0);
        if (!(decaySeconds > 0 && decaySeconds <= MAX_DECAY_SECONDS)) {
            throw new InvalidOptionException("decaySeconds", "decay", "must be in (0, " + MAX_DECAY_SECONDS
                    + "] s, got " + decaySeconds);
        }
        if (!(releaseSeconds > 0 && releaseSeconds <= MAX_RELEASE_SECONDS)) {
            throw new InvalidOptionException("releaseSeconds", "release", "must be in (0, " + MAX_RELEASE_SECONDS
                    + "] s, got " + releaseSeconds);
        }
    }

    /** The same options with another tail length in seconds. */
    public SynthOptions withTailSeconds(double seconds) {
        return new SynthOptions(partials, inharmonicity, decaySeconds, attackSeconds, releaseSeconds, seconds, peakDbfs);
    }

    /** The same options with another number of partials. */
    public SynthOptions withPartials(int count) {
        return new SynthOptions(count, inharmonicity, decaySeconds, attackSeconds, releaseSeconds, tailSeconds, peakDbfs);
    }

    private static void check(String parameter, String what, double v, double min, double max) {
        // Written as !(in range) so that NaN is refused too.
        if (!(v >= min && v <= max)) {
            throw new InvalidOptionException(parameter, what, "must be in [" + min + ", " + max + "], got " + v);
        }
    }
}
