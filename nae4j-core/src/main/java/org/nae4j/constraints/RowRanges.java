package org.nae4j.constraints;

import java.util.Arrays;

/**
 * A 0/1 mask over a rows × length matrix, stored per row as sorted, disjoint, non-empty half-open ranges
 * {lo0, hi0, lo1, hi1, ...}: for score masks, per pitch the frame intervals of H^C or the bin bands of W^C.
 * Immutable (arrays are copied in and out).
 */
public final class RowRanges {
    private final int length;
    private final int[][] ranges;
    private final int[] lo;
    private final int[] hi;

    /**
     * @param length the number of columns, ≥ 0
     * @param ranges per row, the ranges within [0, length)
     */
    public RowRanges(int length, int[][] ranges) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be ≥ 0, got " + length);
        }
        this.length = length;
        this.ranges = new int[ranges.length][];
        this.lo = new int[ranges.length];
        this.hi = new int[ranges.length];
        for (int r = 0; r < ranges.length; r++) {
            int[] x = ranges[r].clone();
            int prev = 0;
            for (int i = 0; i < x.length; i += 2) {
                if (i + 1 >= x.length || x[i] < prev || x[i] >= x[i + 1] || x[i + 1] > length) {
                    throw new IllegalArgumentException("row " + r + ": ranges must be sorted, disjoint, non-empty pairs within 0.." + length);
                }
                prev = x[i + 1];
            }
            this.ranges[r] = x;
            this.lo[r] = x.length == 0 ? 0 : x[0];
            this.hi[r] = x.length == 0 ? 0 : x[x.length - 1];
        }
    }

    /** The full mask: every row covers [0, length). */
    public static RowRanges full(int rows, int length) {
        int[][] r = new int[rows][];
        for (int i = 0; i < rows; i++) {
            r[i] = length == 0 ? new int[0] : new int[] {0, length};
        }
        return new RowRanges(length, r);
    }

    /** The mask of the nonzero entries of a rows × length row-major matrix. */
    public static RowRanges ofNonzeros(float[] m, int rows, int length) {
        int[][] r = new int[rows][];
        boolean[] on = new boolean[length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < length; j++) {
                on[j] = m[i * length + j] != 0f;
            }
            r[i] = runs(on);
        }
        return new RowRanges(length, r);
    }

    public int rows() {
        return ranges.length;
    }

    public int length() {
        return length;
    }

    /** The ranges of row r, {lo0, hi0, ...} (a copy). */
    public int[] ranges(int r) {
        return ranges[r].clone();
    }

    /** The ranges of row r without a copy, for this package's kernels (must not be modified). */
    int[] rangesView(int r) {
        return ranges[r];
    }

    /** Start of the first range of row r (0 for an empty row). */
    public int first(int r) {
        return lo[r];
    }

    /** End of the last range of row r (0 for an empty row): the row is zero outside [first, last). */
    public int last(int r) {
        return hi[r];
    }

    /** Starts of the first range of every row (a copy). */
    public int[] firsts() {
        return lo.clone();
    }

    /** Ends of the last range of every row (a copy). */
    public int[] lasts() {
        return hi.clone();
    }

    /** Number of entries of row r inside the mask. */
    public int count(int r) {
        int s = 0;
        int[] x = ranges[r];
        for (int i = 0; i < x.length; i += 2) {
            s += x[i + 1] - x[i];
        }
        return s;
    }

    /** Whether the entry (r, j) is inside the mask. */
    public boolean contains(int r, int j) {
        int[] x = ranges[r];
        for (int i = 0; i < x.length; i += 2) {
            if (j < x[i]) {
                return false;
            }
            if (j < x[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether row r has an entry in [from, to). */
    public boolean intersects(int r, int from, int to) {
        int[] x = ranges[r];
        for (int i = 0; i < x.length; i += 2) {
            if (x[i] >= to) {
                return false;
            }
            if (x[i + 1] > from) {
                return true;
            }
        }
        return false;
    }

    /** Σ_r count(r) · other.count(r): the multiply-adds of a product restricted to both masks. */
    public long pairedCount(RowRanges other) {
        if (other.rows() != rows()) {
            throw new IllegalArgumentException("masks have " + rows() + " and " + other.rows() + " rows");
        }
        long s = 0;
        for (int r = 0; r < rows(); r++) {
            s += (long) count(r) * other.count(r);
        }
        return s;
    }

    /** Dense 0/1 rows × length matrix, row-major. */
    public float[] toDense() {
        float[] m = new float[rows() * length];
        for (int r = 0; r < rows(); r++) {
            int[] x = ranges[r];
            for (int i = 0; i < x.length; i += 2) {
                Arrays.fill(m, r * length + x[i], r * length + x[i + 1], 1f);
            }
        }
        return m;
    }

    /** Runs of true values as half-open ranges {lo0, hi0, ...}. */
    public static int[] runs(boolean[] on) {
        int[] out = new int[8];
        int count = 0;
        for (int i = 0; i < on.length; ) {
            if (!on[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < on.length && on[j]) {
                j++;
            }
            if (count + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[count++] = i;
            out[count++] = j;
            i = j;
        }
        return Arrays.copyOf(out, count);
    }
}
