package org.nae4j.plot;

import java.util.Arrays;

/**
 * Shrinks a matrix to at most the number of pixels it is drawn on. Pooling keeps extremes, so a
 * one-frame transient or a single large difference stays visible however much the image shrinks.
 */
final class Pooling {
    private Pooling() {
    }

    /**
     * Pools a {@code rows×cols} row-major matrix into {@code outRows×outCols} blocks of nearly equal
     * size (each block at least one cell).
     *
     * @param byMagnitude keep the value of largest |value| (signed maps); otherwise keep the maximum
     * @return a new row-major {@code outRows×outCols} array; row 0 pools the lowest input rows
     */
    static float[] pool(float[] data, int rows, int cols, int outRows, int outCols, boolean byMagnitude) {
        if (outRows < 1 || outRows > rows || outCols < 1 || outCols > cols) {
            throw new IllegalArgumentException("cannot pool " + rows + "×" + cols + " into " + outRows + "×" + outCols);
        }
        int[] colBlock = new int[cols];
        for (int c = 0; c < cols; c++) {
            colBlock[c] = (int) ((long) c * outCols / cols);
        }
        float[] out = new float[outRows * outCols];
        // NaN marks "nothing pooled yet"; the data is finite, and !(cur >= v) is true for NaN.
        Arrays.fill(out, Float.NaN);
        for (int r = 0; r < rows; r++) {
            int base = (int) ((long) r * outRows / rows) * outCols;
            int in = r * cols;
            if (byMagnitude) {
                for (int c = 0; c < cols; c++) {
                    float v = data[in + c];
                    int o = base + colBlock[c];
                    if (!(Math.abs(out[o]) >= Math.abs(v))) {
                        out[o] = v;
                    }
                }
            } else {
                for (int c = 0; c < cols; c++) {
                    float v = data[in + c];
                    int o = base + colBlock[c];
                    if (!(out[o] >= v)) {
                        out[o] = v;
                    }
                }
            }
        }
        return out;
    }
}
