package org.nae4j.constraints;

import java.util.Locale;
import org.nae4j.io.InvalidOptionException;

/**
 * How the edges (1 ± τ)·f of a harmonic band of W^C become bins.
 */
public enum BandRounding {
    /**
     * libfmp's template_pitch: bins ⌊(1−τ)·f/Δf⌋ to ⌊(1+τ)·f/Δf⌋. Rounding both edges down shifts the band
     * half a bin below f on average; for low notes, whose bands are one or two bins wide, a partial then
     * often falls onto the band's upper edge, and a recording tuned flat loses it (docs/tuning.md).
     */
    LIBFMP("libfmp"),
    /** The bins nearest to both edges and all between: round((1−τ)·f/Δf) to round((1+τ)·f/Δf), centred on f. */
    NEAREST("nearest");

    private final String id;

    BandRounding(String id) {
        this.id = id;
    }

    /** The name on the command line and in summary.json. */
    public String id() {
        return id;
    }

    /** First bin of the band whose lower edge is at bin position {@code a}. */
    int first(double a) {
        return (int) Math.floor(this == NEAREST ? a + 0.5 : a);
    }

    /** Last bin (inclusive) of the band whose upper edge is at bin position {@code b}. */
    int last(double b) {
        return (int) Math.floor(this == NEAREST ? b + 0.5 : b);
    }

    /** The rounding named {@code text} ({@code libfmp} or {@code nearest}, any case). */
    public static BandRounding parse(String text) {
        for (BandRounding b : values()) {
            if (b.id.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new InvalidOptionException("bandRounding", "band rounding", "must be libfmp or nearest, got '" + text
                + "'");
    }
}
