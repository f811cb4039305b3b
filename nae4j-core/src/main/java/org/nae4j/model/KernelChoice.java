package org.nae4j.model;

import java.util.Locale;
import org.nae4j.kernels.Products;

/**
 * Which kernels a model runs its large products with. {@link #MASKED} computes only the entries that the
 * score's masks allow (the same results as {@link #DENSE} up to float rounding); {@link #DENSE} is the
 * straightforward reference; {@link #AUTO} picks the masked path unless the masks are so dense that it
 * would not save work.
 */
public enum KernelChoice {
    /** Masked when it saves work (see {@link #resolve(double)}), else dense. */
    AUTO,
    /** The dense reference kernels (the reference products). */
    DENSE,
    /** The mask-aware kernels (the mask-aware kernels). */
    MASKED;

    /**
     * Above this fraction of the dense multiply-adds, AUTO runs dense: the masked kernels' tiling and
     * bookkeeping no longer pay off.
     */
    public static final double AUTO_MAX_FRACTION = 0.6;

    /**
     * The concrete choice for a problem.
     *
     * @param maskedFraction multiply-adds of the masked products over those of the dense ones, in [0, 1]
     */
    public KernelChoice resolve(double maskedFraction) {
        if (this != AUTO) {
            return this;
        }
        return maskedFraction <= AUTO_MAX_FRACTION ? MASKED : DENSE;
    }

    /**
     * Whether the SIMD kernels (the incubating Vector API) are in use: the JVM was started with
     * {@code --add-modules jdk.incubator.vector}; otherwise scalar kernels give the same results, slower.
     */
    public static boolean simd() {
        return Products.vectorized();
    }

    /** A one-line description of the kernels in use, for reports. */
    public static String describeSimd() {
        return Products.describe();
    }

    /** The command-line name: {@code auto}, {@code dense} or {@code masked}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name (case-insensitive). */
    public static KernelChoice parse(String s) {
        for (KernelChoice c : values()) {
            if (c.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown kernels '" + s + "'; expected auto, dense or masked");
    }
}
