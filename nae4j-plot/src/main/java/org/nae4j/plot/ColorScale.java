package org.nae4j.plot;

import java.util.Objects;

/**
 * How heatmap values become colours. Sequential scales ({@link Log}, {@link Linear}) run from dark
 * blue-purple (low) to yellow (high); the {@link Diverging} scale runs blue (negative) – white (0) –
 * red (positive). Every heatmap shows its scale as a colour bar.
 */
public sealed interface ColorScale permits ColorScale.Log, ColorScale.Linear, ColorScale.Diverging {
    /** Default dynamic range of {@link #log()}, in dB. */
    double DEFAULT_DYNAMIC_RANGE_DB = 80.0;

    /** {@link #log(double)} with {@value #DEFAULT_DYNAMIC_RANGE_DB} dB. */
    static ColorScale log() {
        return new Log(DEFAULT_DYNAMIC_RANGE_DB);
    }

    /**
     * Decibels of magnitudes, {@code 20·log10(v)}, shown from {@code max − dynamicRangeDb} (and
     * anything below, including zeros and negative values) up to the maximum of the data.
     *
     * @param dynamicRangeDb shown range in dB, finite and &gt; 0
     */
    static ColorScale log(double dynamicRangeDb) {
        return new Log(dynamicRangeDb);
    }

    /** Values as they are, from the data's minimum to its maximum. */
    static ColorScale linear() {
        return new Linear();
    }

    /**
     * Signed values, e.g. differences W − W_ref: −absMax is blue, 0 white, +absMax red; values
     * beyond ±absMax get the end colours. Give several panels the same absMax to compare them.
     *
     * @param absMax value shown in full colour, finite and &gt; 0
     */
    static ColorScale diverging(double absMax) {
        return new Diverging(absMax);
    }

    /**
     * A {@link #diverging(double)} scale whose absMax is the largest |value| in all the given
     * arrays (1 when they are all zero), for panels that share one scale.
     *
     * @param data arrays of finite values
     */
    static ColorScale divergingCovering(float[]... data) {
        double absMax = 0;
        for (float[] a : Objects.requireNonNull(data, "data")) {
            for (float v : Objects.requireNonNull(a, "data array")) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("non-finite value " + v + " in data");
                }
                absMax = Math.max(absMax, Math.abs(v));
            }
        }
        return new Diverging(absMax > 0 ? absMax : 1.0);
    }

    /** See {@link ColorScale#log(double)}. */
    record Log(double dynamicRangeDb) implements ColorScale {
        public Log {
            if (!(dynamicRangeDb > 0) || !Double.isFinite(dynamicRangeDb)) {
                throw new IllegalArgumentException(
                        "dynamic range must be finite and > 0 dB, got " + dynamicRangeDb);
            }
        }
    }

    /** See {@link ColorScale#linear()}. */
    record Linear() implements ColorScale {
    }

    /** See {@link ColorScale#diverging(double)}. */
    record Diverging(double absMax) implements ColorScale {
        public Diverging {
            if (!(absMax > 0) || !Double.isFinite(absMax)) {
                throw new IllegalArgumentException("absMax must be finite and > 0, got " + absMax);
            }
        }
    }
}
