package org.nae4j.constraints;

/**
 * The structure of the constraint masks: per component r, the frequency bands where W^C[:, r] is 1 and the
 * frame intervals where H^C[r, :] is 1, each a {@link RowRanges} (per component, sorted disjoint half-open
 * ranges). Mask-aware kernels iterate over these ranges instead of testing 0/1 entries. Immutable.
 *
 * @param bands     per component, the bin ranges of W^C: R rows over K bins
 * @param intervals per component, the frame ranges of H^C: R rows over N frames
 */
public record Support(RowRanges bands, RowRanges intervals) {
    public Support {
        if (bands.rows() != intervals.rows()) {
            throw new IllegalArgumentException("bands and intervals must have one row per component, got "
                    + bands.rows() + " and " + intervals.rows());
        }
    }

    /**
     * @param bins      K
     * @param frames    N
     * @param bands     per component, bin ranges {lo0, hi0, ...} of W^C (copied)
     * @param intervals per component, frame ranges of H^C (copied)
     */
    public Support(int bins, int frames, int[][] bands, int[][] intervals) {
        this(new RowRanges(bins, bands), new RowRanges(frames, intervals));
    }

    /** K, the number of bins. */
    public int bins() {
        return bands.length();
    }

    /** N, the number of frames. */
    public int frames() {
        return intervals.length();
    }

    /** R, the number of components. */
    public int rank() {
        return bands.rows();
    }

    /** Number of nonzero entries of W^C[:, r]. */
    public int templateCount(int r) {
        return bands.count(r);
    }

    /** Number of nonzero entries of H^C[r, :]. */
    public int activationCount(int r) {
        return intervals.count(r);
    }

    /** Dense W^C, K×R row-major. */
    public float[] templateMask() {
        int r = rank();
        float[] wc = new float[bins() * r];
        for (int c = 0; c < r; c++) {
            int[] b = bands.ranges(c);
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
        return intervals.toDense();
    }

    /** Fraction of W^C entries that are 1. */
    public double templateDensity() {
        return density(bands);
    }

    /** Fraction of H^C entries that are 1. */
    public double activationDensity() {
        return density(intervals);
    }

    private static double density(RowRanges m) {
        long s = 0;
        for (int c = 0; c < m.rows(); c++) {
            s += m.count(c);
        }
        return m.rows() == 0 || m.length() == 0 ? 0 : s / ((double) m.length() * m.rows());
    }
}
