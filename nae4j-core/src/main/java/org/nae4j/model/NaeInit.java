package org.nae4j.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an autoencoder's encoder W_E and decoder W_D start (method §4). */
public enum NaeInit {
    /**
     * The default: W_D = W^C with unit-ℓ2 columns, W_E seeded uniform [0, 1) with unit-ℓ2 rows, both
     * multiplied by √α, α the least-squares scale of the first reconstruction.
     */
    RANDOM("random"),
    /** As {@link #RANDOM} but W_E = W_Dᵀ before the scaling: converges faster. */
    TIED("tied"),
    /**
     * The paper's setup taken literally, for reproducing its failure: W_D = W^C (binary, unscaled), W_E seeded
     * Glorot-uniform (Keras' default, half of it negative), no scaling. Adam and RMSprop collapse from it.
     */
    LITERAL("literal");

    private final String id;

    NaeInit(String id) {
        this.id = id;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /** Parses a command-line name (case-insensitive). */
    public static NaeInit parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (NaeInit i : values()) {
            if (i.id.equals(t)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + s + "'; expected one of " + names());
    }

    /** All names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(NaeInit::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
