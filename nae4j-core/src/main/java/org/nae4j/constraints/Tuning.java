package org.nae4j.constraints;

import java.util.Locale;
import org.nae4j.io.InvalidOptionException;

/**
 * The reference pitch at which W^C places its partials, as a deviation from A4 = 440 Hz in cents: either
 * estimated from the recording ({@link #AUTO}, by {@link TuningEstimate}) or given.
 *
 * @param auto  whether the deviation is to be estimated from the recording
 * @param cents the given deviation, |cents| ≤ {@value #MAX_CENTS} (0 when {@code auto}); +100 cents is a
 *              semitone sharp, i.e. A4 = 440·2^(cents/1200) Hz
 */
public record Tuning(boolean auto, double cents) {
    /**
     * Largest deviation that may be given: one semitone. An estimate lies within ±50 cents, since a recording
     * a semitone off looks like its score transposed; for a recording further off (a Baroque A4 = 415 Hz is
     * −101 cents), transpose the score instead.
     */
    public static final double MAX_CENTS = 100;
    /** Estimate the deviation from the recording. */
    public static final Tuning AUTO = new Tuning(true, 0);
    /** A4 = 440 Hz exactly, no estimate. */
    public static final Tuning A440 = new Tuning(false, 0);

    public Tuning {
        if (auto && cents != 0) {
            throw new IllegalArgumentException("an estimated tuning has no given deviation");
        }
        if (!(Math.abs(cents) <= MAX_CENTS)) {
            throw new InvalidOptionException("tuning", "tuning", "must be 'auto' or a deviation from A440 in cents "
                    + "in [-" + (int) MAX_CENTS + ", " + (int) MAX_CENTS + "], got " + cents);
        }
    }

    /** A given deviation from A440 in cents, |cents| ≤ {@value #MAX_CENTS}. */
    public static Tuning cents(double cents) {
        return new Tuning(false, cents);
    }

    /**
     * Parses {@code auto} or a number of cents ({@code 0} = A440).
     *
     * @throws InvalidOptionException if it is neither, or out of range
     */
    public static Tuning parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        double c;
        try {
            c = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("tuning", "tuning", "must be 'auto' or a deviation from A440 in cents, "
                    + "got '" + text + "'");
        }
        return cents(c);
    }

    /** The frequency factor 2^(cents/1200) of a given deviation. */
    public double factor() {
        return Math.pow(2, cents / 1200);
    }

    @Override
    public String toString() {
        return auto ? "auto" : String.format(Locale.ROOT, "%s", cents);
    }
}
