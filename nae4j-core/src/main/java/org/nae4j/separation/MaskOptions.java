package org.nae4j.separation;

import java.util.Locale;
import org.nae4j.io.InvalidOptionException;

/**
 * How the decomposition becomes time–frequency masks (method §6). With Y_G = W H_G, the group's model
 * magnitude, the mask of group G is Y_G^p / Σ_G' Y_G'^p where W H &gt; 0. {@link Type#SOFT} is p = 1, i.e.
 * M_G = W H_G ⊘ W H (the groups' activations add up to H); {@link Type#WIENER} takes another exponent
 * (p = 2 is the Wiener-like power mask of NMF toolboxes, e.g. the NMF Toolbox's alphaWienerFilter; a larger
 * p makes the masks harder, towards a binary mask).
 *
 * <p>Cells where W H = 0 (no template band or no allowed note covers them) are, by method §6, in no group's
 * mask and end up in the residual. But a partial's STFT peak is as wide as the window's main lobe
 * (±2 bins for the Hann window), wider than the ±5 % template bands of low pitches (f0 &lt; 430 Hz at the
 * default 22050 Hz / 2048 samples), so much of the low notes' sound falls just outside the bands. With
 * {@code spreadBins} b &gt; 0, such a cell is given to the groups in proportion to their model magnitude
 * summed over the bins k−b … k+b of the same frame (the same formula, on those sums); cells with no model
 * magnitude within b bins stay in the residual. b = 0 gives the plain masks of method §6.
 *
 * @param type       the mask family
 * @param power      the exponent p: exactly 1 for SOFT; in (0, {@value #MAX_POWER}] for WIENER
 * @param spreadBins b, 0 ≤ b ≤ {@value #MAX_SPREAD_BINS} (default {@value #DEFAULT_SPREAD_BINS})
 */
public record MaskOptions(Type type, double power, int spreadBins) {
    /** Above this the masks are binary for all practical purposes. */
    public static final double MAX_POWER = 20;
    /** The exponent of the usual Wiener-like mask (power spectrogram ratios). */
    public static final double DEFAULT_WIENER_POWER = 2;
    /** The half-width of the periodic Hann window's main lobe, in bins. */
    public static final int DEFAULT_SPREAD_BINS = 2;
    /** A bound that keeps the gap filling local (64 bins ≈ 690 Hz at the default STFT). */
    public static final int MAX_SPREAD_BINS = 64;
    /** Soft masks M_G = W H_G ⊘ W H, with the default spread. */
    public static final MaskOptions SOFT = new MaskOptions(Type.SOFT, 1, DEFAULT_SPREAD_BINS);

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
            throw new InvalidOptionException("power", "a soft mask's power", "must be 1; use a Wiener mask for power "
                    + power);
        }
        if (!(power > 0 && power <= MAX_POWER)) {
            throw new InvalidOptionException("power", "mask power", "must be in (0, " + MAX_POWER + "], got " + power);
        }
        if (spreadBins < 0 || spreadBins > MAX_SPREAD_BINS) {
            throw new InvalidOptionException("spreadBins", "mask spread", "must be in 0.." + MAX_SPREAD_BINS
                    + " bins, got " + spreadBins);
        }
    }

    /** A Wiener-like power mask with exponent {@code power} and the default spread. */
    public static MaskOptions wiener(double power) {
        return new MaskOptions(Type.WIENER, power, DEFAULT_SPREAD_BINS);
    }

    /** The same masks with another spread (0: the plain masks of method §6). */
    public MaskOptions withSpreadBins(int bins) {
        return new MaskOptions(type, power, bins);
    }
}
