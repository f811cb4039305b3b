package org.nae4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.nae4j.constraints.RowRanges;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileBlocksTest {

    /** Notes of random lengths, so tiles hold rows that cover all, the start, the end or the middle. */
    private static RowRanges notes(SplittableRandom rnd, int rows, int frames) {
        int[][] ranges = new int[rows][];
        for (int r = 0; r < rows; r++) {
            int[] cuts = rnd.ints(2L * rnd.nextInt(6), 0, frames + 1).sorted().distinct().toArray();
            ranges[r] = java.util.Arrays.copyOf(cuts, cuts.length / 2 * 2);
        }
        return new RowRanges(frames, ranges);
    }

    /** The cost TileBlocks minimises, for blocks cut every {@link BlockKernel#WIDE_ROWS} rows. */
    private static long fixedCutCost(FrameTiles tiling, int t) {
        long cost = 0;
        for (int i = tiling.tileStart[t]; i < tiling.tileStart[t + 1]; i += BlockKernel.WIDE_ROWS) {
            int end = Math.min(tiling.tileStart[t + 1], i + BlockKernel.WIDE_ROWS);
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int e = i; e < end; e++) {
                lo = Math.min(lo, tiling.activeLo[e]);
                hi = Math.max(hi, tiling.activeHi[e]);
            }
            cost += (long) TileBlocks.computedRows(end - i) * (hi - lo + 4);
        }
        return cost;
    }

    @ParameterizedTest
    @CsvSource({"1, 40", "9, 100", "30, 333", "55, 1000"})
    void blocksCoverEveryRowOnceAndCostNoMoreThanFixedCuts(int rows, int frames) {
        SplittableRandom rnd = new SplittableRandom(rows * 7L + frames);
        FrameTiles tiling = new FrameTiles(notes(rnd, rows, frames));
        int[] order = new int[tiling.active.length];
        for (int e = 0; e < order.length; e++) {
            order[e] = e;
        }
        TileBlocks blocks = new TileBlocks(tiling, order);
        assertEquals(order.length, blocks.start[blocks.start.length - 1], "the last block ends with the entries");
        for (int t = 0; t < tiling.tiles; t++) {
            int first = blocks.tileFirst[t];
            int last = blocks.tileFirst[t + 1];
            if (tiling.count(t) == 0) {
                assertEquals(first, last, "an empty tile has no blocks");
                continue;
            }
            assertEquals(tiling.tileStart[t], blocks.start[first], "tile " + t + " starts with its first entry");
            assertEquals(tiling.tileStart[t + 1], blocks.start[last], "tile " + t + " ends with its last entry");
            for (int b = first; b < last; b++) {
                int m = blocks.start[b + 1] - blocks.start[b];
                assertTrue(m >= 1 && m <= BlockKernel.WIDE_ROWS, "block of " + m + " rows");
            }
            assertTrue(blocks.tileCost[t] <= fixedCutCost(tiling, t), "tile " + t + " costs more than fixed cuts");
        }
    }
}
