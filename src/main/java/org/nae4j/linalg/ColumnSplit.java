package org.nae4j.linalg;

import java.util.Arrays;

/**
 * Splits the output columns of {@link MaskedOps#multiplyMasked} among the workers by estimated work: column
 * j costs the entries of the pattern's rows whose column range covers j. Holds its buffers, so a split
 * allocates nothing once it has seen the largest column count.
 */
final class ColumnSplit {
    private final RowRanges pattern;
    private final int workers;
    /** Worker w computes columns [start[w], start[w + 1]). */
    final int[] start;
    private final int[] bounds;
    private long[] cost = new long[0];
    private final FrameTiles.Cost costFn = this::cost;

    ColumnSplit(RowRanges pattern, int workers) {
        this.pattern = pattern;
        this.workers = workers;
        this.start = new int[workers + 1];
        this.bounds = new int[workers + 1];
    }

    /** Splits [0, m) for rows r computed on columns [cLo[r], cHi[r]). */
    void balance(int m, int[] cLo, int[] cHi) {
        if (cost.length < m + 1) {
            cost = new long[m + 1];
        }
        long[] d = cost;
        Arrays.fill(d, 0, m + 1, 0L);
        for (int r = 0; r < pattern.rows(); r++) {
            int l = Math.max(0, cLo[r]);
            int h = Math.min(m, cHi[r]);
            if (l < h) {
                long weight = pattern.count(r) + 1L;
                d[l] += weight;
                d[h] -= weight;
            }
        }
        long run = 0;
        for (int j = 0; j < m; j++) {
            run += d[j];
            d[j] = run + 1;
        }
        FrameTiles.balance(m, workers, costFn, bounds);
        // Round inner bounds to whole vectors so that no worker runs a scalar tail in the middle.
        int tile = MaskedOps.TILE;
        for (int w = 0; w <= workers; w++) {
            start[w] = w == workers ? m : Math.min(m, (bounds[w] + tile / 2) / tile * tile);
        }
        start[0] = 0;
    }

    private long cost(int j) {
        return cost[j];
    }
}
