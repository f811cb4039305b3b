package org.nae4j.constraints;

import java.util.List;
import java.util.TreeSet;

/**
 * The constraints of several performances of one piece decomposed as one recording, their frames side by
 * side (V = [V₁ V₂ …]): one component per pitch of any performance, W^C the union of the performances'
 * template bands for that pitch, H^C each performance's activation mask in its own frames (rows of pitches
 * a performance does not play are zero there).
 */
public final class StackedConstraints {
    private StackedConstraints() {
    }

    /**
     * @param parts the performances' constraints, in frame order; all with the same K
     * @return the constraints of the concatenated frames, N = Σ Nᵢ
     * @throws IllegalArgumentException if there are none or their K differ
     */
    public static Constraints of(List<Constraints> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no performances to stack");
        }
        int k = parts.get(0).bins();
        int n = 0;
        TreeSet<Integer> union = new TreeSet<>();
        for (Constraints c : parts) {
            if (c.bins() != k) {
                throw new IllegalArgumentException("every performance needs the same K, got " + k + " and " + c.bins());
            }
            n += c.frames();
            for (int p : c.pitches()) {
                union.add(p);
            }
        }
        int[] pitches = union.stream().mapToInt(Integer::intValue).toArray();
        int r = pitches.length;
        boolean[][] bins = new boolean[r][k];
        boolean[][] frames = new boolean[r][n];
        int offset = 0;
        for (Constraints c : parts) {
            for (int i = 0; i < c.rank(); i++) {
                int row = java.util.Arrays.binarySearch(pitches, c.pitches()[i]);
                mark(c.support().bands().ranges(i), 0, bins[row]);
                mark(c.support().intervals().ranges(i), offset, frames[row]);
            }
            offset += c.frames();
        }
        int[][] bands = new int[r][];
        int[][] intervals = new int[r][];
        for (int i = 0; i < r; i++) {
            bands[i] = RowRanges.runs(bins[i]);
            intervals[i] = RowRanges.runs(frames[i]);
        }
        Support support = new Support(k, n, bands, intervals);
        return new Constraints(support.templateMask(), support.activationMask(), k, n, pitches, support);
    }

    private static void mark(int[] ranges, int offset, boolean[] on) {
        for (int q = 0; q < ranges.length; q += 2) {
            for (int j = ranges[q]; j < ranges[q + 1]; j++) {
                on[offset + j] = true;
            }
        }
    }
}
