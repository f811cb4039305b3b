package org.nae4j.separation;

import java.util.Locale;

/**
 * How the decomposition becomes time–frequency masks (SPEC 6). With Y_G = W H_G, the group's model
 * magnitude, the mask of group G is Y_G^p / Σ_G' Y_G'^p where the denominator is positive, 0 elsewhere.
 * {@link Type#SOFT} is p = 1, i.e. M_G = W H_G ⊘ W H (the groups' activations add up to H); {@link Type#WIENER}
 * takes another exponent (p = 2 is the Wiener-like power mask of NMF toolboxes, e.g. libfmp/NMFToolbox;
 * larger p makes the masks harder, towards a binary mask).
 *
 * @param type  the mask family
 * @param power the exponent p: exactly 1 for SOFT; finite and in (0, {@value #MAX_POWER}] for WIENER
 */
public record MaskOptions(Type type, double power) {
    /** Above this the masks are binary for all practical purposes and Y^p may overflow a double. */
    public static final double MAX_POWER = 20;
    /** The exponent of the usual Wiener-like mask (power spectrogram ratios). */
    public static final double DEFAULT_WIENER_POWER = 2;
    /** Soft masks M_G = W H_G ⊘ W H. */
    public static final MaskOptions SOFT = new MaskOptions(Type.SOFT, 1);

    /** The mask family. */
    public enum Type {
        /** Ratio of model magnitudes (p = 1). */
        SOFT,
        /** Ratio of model magnitudes raised to a power p. */
        WIENER;

        /** The command-line name: soft, wiener. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MaskOptions {
        if (type == null) {
            throw new IllegalArgumentException("mask type must not be null");
        }
        if (type == Type.SOFT && power != 1) {
            throw new IllegalArgumentException("a soft mask has power 1; use a Wiener mask for power " + power);
        }
        if (!(power > 0 && power <= MAX_POWER)) {
            throw new IllegalArgumentException("mask power must be in (0, " + MAX_POWER + "], got " + power);
        }
    }

    /** A Wiener-like power mask with exponent {@code power}. */
    public static MaskOptions wiener(double power) {
        return new MaskOptions(Type.WIENER, power);
    }
}
