package org.nae4j.constraints;

import java.util.Arrays;
import org.nae4j.linalg.RowRanges;

/**
 * The structure of the constraint masks: per component r, the frequency bands where W^C[:, r] is 1 and the
 * frame intervals where H^C[r, :] is 1, each as a flat array of half-open ranges {lo0, hi0, lo1, hi1, ...},
 * sorted and disjoint. Mask-aware kernels iterate over these ranges instead of testing 0/1 entries.
 *
 * <p>Its arrays are handed out as they are, not copied (copies would cost the memory of the signal or
 * the matrices again): treat them as read-only.
 *
 * @param bins      K
 * @param frames    N
 * @param bands     per component, bin ranges of W^C
 * @param intervals per component, frame ranges of H^C
 */
public record Support(int bins, int frames, int[][] bands, int[][] intervals) {
    public Support {
        if (bands.length != intervals.length) {
            throw new IllegalArgumentException("bands and intervals must have one entry per component");
        }
        bands = deepCopy(bands);
        intervals = deepCopy(intervals);
        for (int[] b : bands) {
            checkRanges(b, bins, "bin");
        }
        for (int[] iv : intervals) {
            checkRanges(iv, frames, "frame");
        }
    }

    /** R, the number of components. */
    public int rank() {
        return bands.length;
    }

    /** Number of nonzero entries of W^C[:, r]. */
    public int templateCount(int r) {
        return total(bands[r]);
    }

    /** Number of nonzero entries of H^C[r, :]. */
    public int activationCount(int r) {
        return total(intervals[r]);
    }

    /** Dense W^C, K×R row-major. */
    public float[] templateMask() {
        int r = rank();
        float[] wc = new float[bins * r];
        for (int c = 0; c < r; c++) {
            int[] b = bands[c];
            for (int i = 0; i < b.length; i += 2) {
                for (int k = b[i]; k < b[i + 1]; k++) {
                    wc[k * r + c] = 1f;
                }
            }
        }
        return wc;
    }

    /** Dense H^C, R×N row-major. */
    public float[] activationMask() {
        float[] hc = new float[rank() * frames];
        for (int c = 0; c < rank(); c++) {
            int[] iv = intervals[c];
            for (int i = 0; i < iv.length; i += 2) {
                Arrays.fill(hc, c * frames + iv[i], c * frames + iv[i + 1], 1f);
            }
        }
        return hc;
    }

    /** Fraction of W^C entries that are 1. */
    public double templateDensity() {
        long s = 0;
        for (int c = 0; c < rank(); c++) {
            s += templateCount(c);
        }
        return s / ((double) bins * rank());
    }

    /** Fraction of H^C entries that are 1. */
    public double activationDensity() {
        long s = 0;
        for (int c = 0; c < rank(); c++) {
            s += activationCount(c);
        }
        return s / ((double) frames * rank());
    }

    /** Runs of true values as half-open ranges {lo0, hi0, ...}. */
    public static int[] runs(boolean[] on) {
        return RowRanges.runs(on);
    }

    private static int total(int[] ranges) {
        int s = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            s += ranges[i + 1] - ranges[i];
        }
        return s;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    private static void checkRanges(int[] r, int limit, String what) {
        if (r.length % 2 != 0) {
            throw new IllegalArgumentException(what + " ranges must come in (lo, hi) pairs");
        }
        int prev = 0;
        for (int i = 0; i < r.length; i += 2) {
            if (r[i] < prev || r[i] >= r[i + 1] || r[i + 1] > limit) {
                throw new IllegalArgumentException(what + " ranges must be sorted, disjoint, non-empty and within 0.." + limit);
            }
            prev = r[i + 1];
        }
    }
}
