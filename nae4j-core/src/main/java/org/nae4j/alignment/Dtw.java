package org.nae4j.alignment;

import java.util.Arrays;

/**
 * Multiscale dynamic time warping (Müller's MsDTW) of score features (rows) against audio features
 * (columns), with steps (1,0), (0,1) weight 1 and (1,1) weight {@link AlignOptions#diagonalWeight()}. Each
 * level stores one step byte per cell of its band only, so memory grows with the lengths of the sequences
 * times the band width, never with their product.
 */
final class Dtw {
    /** Each coarser level averages this many frames. */
    static final int COARSE_FACTOR = 4;
    /** A level with at most this many cells is solved in full, without a coarser guide. */
    static final long FULL_CELLS = 1L << 20;
    private static final int DIMS = 2 * Features.CLASSES;
    private static final byte START = 0;
    private static final byte DIAGONAL = 1;
    private static final byte FROM_ROW_BEFORE = 2;
    private static final byte FROM_COLUMN_BEFORE = 3;

    private Dtw() {
    }

    /**
     * An optimal path from (0, 0) to (rows − 1, cols − 1).
     *
     * @param rows      row index of each path point (non-decreasing)
     * @param cols      column index of each path point (non-decreasing)
     * @param cost      accumulated weighted cost at the end cell
     * @param cells     cells evaluated over all levels
     * @param peakCells the most cells of one level (what bounds the memory)
     * @param levels    number of levels (1 = plain DTW)
     */
    record Path(int[] rows, int[] cols, double cost, long cells, long peakCells, int levels) {
    }

    /** A band of allowed cells: columns lo[i]..hi[i] (inclusive) in row i, both non-decreasing. */
    record Band(int[] lo, int[] hi) {
        long cells() {
            long s = 0;
            for (int i = 0; i < lo.length; i++) {
                s += hi[i] - lo[i] + 1;
            }
            return s;
        }
    }

    static Path multiscale(Features rows, Features cols, AlignOptions o) {
        int nr = rows.frames();
        int nc = cols.frames();
        if ((long) nr * nc <= FULL_CELLS || nr < COARSE_FACTOR || nc < COARSE_FACTOR) {
            int[] lo = new int[nr];
            int[] hi = new int[nr];
            Arrays.fill(hi, nc - 1);
            return banded(rows, cols, new Band(lo, hi), o, 0, 0, 0);
        }
        Path coarse = multiscale(rows.downsample(COARSE_FACTOR), cols.downsample(COARSE_FACTOR), o);
        Band band = project(coarse, COARSE_FACTOR, o.bandRadius(), nr, nc);
        return banded(rows, cols, band, o, coarse.cells(), coarse.peakCells(), coarse.levels());
    }

    /**
     * The band of a finer level: each cell of the coarse path covers factor×factor fine cells, widened by
     * {@code radius} on every side, then made monotone and connected.
     */
    static Band project(Path coarse, int factor, int radius, int nr, int nc) {
        int[] lo = new int[nr];
        int[] hi = new int[nr];
        Arrays.fill(lo, Integer.MAX_VALUE);
        Arrays.fill(hi, -1);
        for (int p = 0; p < coarse.rows().length; p++) {
            int r0 = Math.max(0, coarse.rows()[p] * factor - radius);
            int r1 = Math.min(nr - 1, coarse.rows()[p] * factor + factor - 1 + radius);
            int c0 = Math.max(0, coarse.cols()[p] * factor - radius);
            int c1 = Math.min(nc - 1, coarse.cols()[p] * factor + factor - 1 + radius);
            for (int i = r0; i <= r1; i++) {
                lo[i] = Math.min(lo[i], c0);
                hi[i] = Math.max(hi[i], c1);
            }
        }
        lo[0] = 0;
        hi[nr - 1] = nc - 1;
        for (int i = nr - 2; i >= 0; i--) {
            lo[i] = Math.min(lo[i], lo[i + 1]);
        }
        for (int i = 1; i < nr; i++) {
            hi[i] = Math.max(hi[i], hi[i - 1]);
            // Reachable from the row before: at worst by a diagonal step from its last cell.
            lo[i] = Math.min(lo[i], hi[i - 1] + 1);
        }
        return new Band(lo, hi);
    }

    /** DTW restricted to {@code band}; the counts of coarser levels are added to the result's. */
    static Path banded(Features rows, Features cols, Band band, AlignOptions o, long cellsBefore,
                       long peakBefore, int levelsBefore) {
        int nr = rows.frames();
        int nc = cols.frames();
        int[] lo = band.lo();
        int[] hi = band.hi();
        long total = band.cells();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the DTW band is too large: " + total + " cells");
        }
        float[] x = frameMajor(rows);
        float[] y = frameMajor(cols);
        double wo = o.onsetWeight();
        double wd = o.diagonalWeight();
        int[] offset = new int[nr];
        byte[] steps = new byte[(int) total];
        double[] prev = new double[nc];
        double[] cur = new double[nc];
        int at = 0;
        for (int i = 0; i < nr; i++) {
            offset[i] = at;
            int pLo = i > 0 ? lo[i - 1] : 0;
            int pHi = i > 0 ? hi[i - 1] : -1;
            for (int j = lo[i]; j <= hi[i]; j++, at++) {
                double c = cost(x, i, y, j, wo);
                double best = Double.POSITIVE_INFINITY;
                byte step = START;
                if (i == 0 && j == 0) {
                    best = c;
                }
                if (j - 1 >= pLo && j - 1 <= pHi && prev[j - 1] + wd * c < best) {
                    best = prev[j - 1] + wd * c;
                    step = DIAGONAL;
                }
                if (j >= pLo && j <= pHi && prev[j] + c < best) {
                    best = prev[j] + c;
                    step = FROM_ROW_BEFORE;
                }
                if (j > lo[i] && cur[j - 1] + c < best) {
                    best = cur[j - 1] + c;
                    step = FROM_COLUMN_BEFORE;
                }
                cur[j] = best;
                steps[at] = step;
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        double endCost = prev[nc - 1];
        int[] pr = new int[nr + nc];
        int[] pc = new int[nr + nc];
        int len = 0;
        int i = nr - 1;
        int j = nc - 1;
        while (true) {
            pr[len] = i;
            pc[len] = j;
            len++;
            byte s = steps[offset[i] + j - lo[i]];
            if (s == START) {
                break;
            } else if (s == DIAGONAL) {
                i--;
                j--;
            } else if (s == FROM_ROW_BEFORE) {
                i--;
            } else {
                j--;
            }
        }
        if (i != 0 || j != 0) {
            throw new IllegalStateException("DTW path did not reach (0, 0): the band is not connected");
        }
        int[] rowsOut = new int[len];
        int[] colsOut = new int[len];
        for (int p = 0; p < len; p++) {
            rowsOut[p] = pr[len - 1 - p];
            colsOut[p] = pc[len - 1 - p];
        }
        return new Path(rowsOut, colsOut, endCost, cellsBefore + total, Math.max(peakBefore, total),
                levelsBefore + 1);
    }

    /**
     * Local cost: cosine distance of the chroma vectors (both unit norm) plus {@code onsetWeight} times the
     * Euclidean distance of the onset vectors.
     */
    static double cost(float[] x, int i, float[] y, int j, double onsetWeight) {
        int a = i * DIMS;
        int b = j * DIMS;
        double dot = 0;
        for (int c = 0; c < Features.CLASSES; c++) {
            dot += x[a + c] * y[b + c];
        }
        double d2 = 0;
        for (int c = Features.CLASSES; c < DIMS; c++) {
            double d = x[a + c] - y[b + c];
            d2 += d * d;
        }
        return Math.max(0, 1 - dot) + onsetWeight * Math.sqrt(d2);
    }

    /** Chroma then onsets of each frame, contiguous per frame: frames × 24. */
    static float[] frameMajor(Features f) {
        int n = f.frames();
        float[] chroma = f.chromaValues();
        float[] onsets = f.onsetValues();
        float[] out = new float[n * DIMS];
        for (int c = 0; c < Features.CLASSES; c++) {
            for (int t = 0; t < n; t++) {
                out[t * DIMS + c] = chroma[c * n + t];
                out[t * DIMS + Features.CLASSES + c] = onsets[c * n + t];
            }
        }
        return out;
    }
}
