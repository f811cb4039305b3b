package org.nae4j.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A {@link ColorScale} resolved against one data set: the shown range in display units (dB for the
 * log scale, data units otherwise) and the colour of every value. Also the colour bar's scale.
 */
final class ColorMapping implements PaintScale {
    /** Viridis, sampled at 9 evenly spaced points: perceptually uniform, readable in grey. */
    private static final int[] SEQUENTIAL = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};
    /** ColorBrewer RdBu reversed: blue negative, near-white #f7f7f7 at zero, red positive. */
    private static final int[] DIVERGING = {
        0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b};
    private static final double DB_PER_LOG10_MAGNITUDE = 20.0;
    private static final int BYTE_MASK = 0xff;
    private static final int RED_SHIFT = 16;
    private static final int GREEN_SHIFT = 8;

    private final boolean log;
    private final boolean diverging;
    private final double lower;
    private final double upper;
    private final int[] anchors;
    private final String unitLabel;

    private ColorMapping(boolean log, boolean diverging, double lower, double upper, String unitLabel) {
        this.log = log;
        this.diverging = diverging;
        this.lower = lower;
        this.upper = upper;
        this.anchors = diverging ? DIVERGING : SEQUENTIAL;
        this.unitLabel = unitLabel;
    }

    /** The mapping of {@code scale} for the values of {@code h}. */
    static ColorMapping of(Heatmap h) {
        float[] v = h.values();
        ColorScale scale = h.scale();
        if (scale instanceof ColorScale.Diverging d) {
            return new ColorMapping(false, true, -d.absMax(), d.absMax(), h.valueLabel());
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (scale instanceof ColorScale.Log l) {
            // All-zero (or non-positive) data has no level to refer to: show 0 dB at the top.
            double top = max > 0 ? DB_PER_LOG10_MAGNITUDE * Math.log10(max) : 0.0;
            return new ColorMapping(true, false, top - l.dynamicRangeDb(), top, h.valueLabel() + " (dB)");
        }
        // A constant matrix still needs a non-empty range for the colour bar.
        double hi = max > min ? max : min + 1.0;
        return new ColorMapping(false, false, min, hi, h.valueLabel());
    }

    /** True when pooling must keep the value of largest magnitude (sign matters) instead of the max. */
    boolean poolsByMagnitude() {
        return diverging;
    }

    /** Colour-bar title. */
    String unitLabel() {
        return unitLabel;
    }

    /** 0xRRGGBB colour of a data value (not a display value: dB conversion happens here). */
    int rgb(double value) {
        double shown = value;
        if (log) {
            shown = value > 0 ? DB_PER_LOG10_MAGNITUDE * Math.log10(value) : lower;
        }
        return rgbOfDisplay(shown);
    }

    private int rgbOfDisplay(double shown) {
        double t = (shown - lower) / (upper - lower);
        t = Math.max(0.0, Math.min(1.0, t));
        double pos = t * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double f = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return (mix(a >> RED_SHIFT, b >> RED_SHIFT, f) << RED_SHIFT)
                | (mix(a >> GREEN_SHIFT, b >> GREEN_SHIFT, f) << GREEN_SHIFT)
                | mix(a, b, f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & BYTE_MASK) * (1 - f) + (b & BYTE_MASK) * f);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    /** Colour of a display value (dB for the log scale), as the colour bar asks for it. */
    @Override
    public Paint getPaint(double shown) {
        return new Color(rgbOfDisplay(shown));
    }
}
