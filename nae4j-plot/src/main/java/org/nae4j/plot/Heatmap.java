package org.nae4j.plot;

import java.util.Objects;

/**
 * A matrix to draw as a heatmap: row 0 at the bottom (low frequency / low pitch), column 0 at the
 * left (time zero). E.g. a spectrogram V (K×N: rows {@link Axis#frequency}, columns
 * {@link Axis#time}), templates W (K×R: frequency × {@link Axis#pitches}) or activations H
 * (R×N: pitches × time).
 *
 * @param data       row-major values, {@code rows·cols} finite numbers; copied, so later changes
 *                   to the caller's array do not show
 * @param rows       number of rows ≥ 1
 * @param cols       number of columns ≥ 1
 * @param rowAxis    labels of the rows (vertical axis); a pitch axis must have {@code rows} pitches
 * @param colAxis    labels of the columns (horizontal axis); a pitch axis must have {@code cols} pitches
 * @param title      panel title, may be empty
 * @param scale      how values become colours
 * @param valueLabel what the values are, shown on the colour bar (e.g. "Magnitude"; the log scale
 *                   appends " (dB)")
 */
public record Heatmap(float[] data, int rows, int cols, Axis rowAxis, Axis colAxis, String title,
                      ColorScale scale, String valueLabel) {
    /** Colour-bar title used by the constructor without a value label. */
    public static final String DEFAULT_VALUE_LABEL = "Value";

    public Heatmap {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(rowAxis, "rowAxis");
        Objects.requireNonNull(colAxis, "colAxis");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(valueLabel, "valueLabel");
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("heatmap needs rows ≥ 1 and cols ≥ 1, got " + rows + "×" + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(
                    "data has " + data.length + " values, expected " + rows + "×" + cols);
        }
        checkAxisLength(rowAxis, rows, "rows");
        checkAxisLength(colAxis, cols, "columns");
        data = data.clone();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("non-finite value " + data[i] + " at row "
                        + i / cols + ", column " + i % cols + " of heatmap '" + title + "'");
            }
        }
    }

    /** A heatmap whose colour bar is titled {@value #DEFAULT_VALUE_LABEL}. */
    public Heatmap(float[] data, int rows, int cols, Axis rowAxis, Axis colAxis, String title,
                   ColorScale scale) {
        this(data, rows, cols, rowAxis, colAxis, title, scale, DEFAULT_VALUE_LABEL);
    }

    /** A copy of the values (row-major, rows × cols). */
    @Override
    public float[] data() {
        return data.clone();
    }

    /** The values without copying, for drawing; never handed out of the package. */
    float[] values() {
        return data;
    }

    private static void checkAxisLength(Axis axis, int cells, String what) {
        int required = axis.requiredCells();
        if (required >= 0 && required != cells) {
            throw new IllegalArgumentException(
                    "pitch axis has " + required + " pitches but the heatmap has " + cells + " " + what);
        }
    }
}
