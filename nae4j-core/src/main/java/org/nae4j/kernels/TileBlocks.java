package org.nae4j.kernels;

/**
 * The register blocks of {@link MaskedLeftProduct}: each tile's active rows, in the order of the frames they
 * cover, cut into runs of at most {@link BlockKernel#WIDE_ROWS} rows, each run multiplied over the union of
 * its rows' frames. The cut minimises the multiply-adds the kernel issues (a wide block of m rows computes
 * {@link BlockKernel#WIDE_ROWS}/2 rows for m up to that, else all of them) plus a per-row cost of loading
 * and storing the block's accumulators, so a row that covers only part of a tile is not multiplied over
 * all of it. Immutable.
 */
final class TileBlocks {
    /**
     * A block row's accumulator loads and stores, counted as frames of its multiply-adds (an estimate: per 64
     * columns a row loads and stores 4 vectors once, and does 4 multiply-adds per frame).
     */
    private static final int ROW_OVERHEAD_FRAMES = 4;

    /** Block b covers positions [start[b], start[b + 1]) of the order it was built on. */
    final int[] start;
    /** Tile t's blocks are [tileFirst[t], tileFirst[t + 1]). */
    final int[] tileFirst;
    /** Per tile, the cost the cut minimised (rows computed × (frames + overhead)), for balancing the parts. */
    final long[] tileCost;

    /**
     * @param tiling the tiles
     * @param order  each tile's entries of {@code tiling}, in the order blocks may group them
     */
    TileBlocks(FrameTiles tiling, int[] order) {
        int[] starts = new int[order.length + 1];
        this.tileFirst = new int[tiling.tiles + 1];
        this.tileCost = new long[tiling.tiles];
        int maxCount = 0;
        for (int t = 0; t < tiling.tiles; t++) {
            maxCount = Math.max(maxCount, tiling.count(t));
        }
        long[] best = new long[maxCount + 1];
        int[] cut = new int[maxCount + 1];
        int blocks = 0;
        for (int t = 0; t < tiling.tiles; t++) {
            int s0 = tiling.tileStart[t];
            int n = tiling.count(t);
            // best[j]: the cheapest cut of the first j entries; cut[j]: the size of its last block.
            for (int j = 1; j <= n; j++) {
                best[j] = Long.MAX_VALUE;
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (int m = 1; m <= Math.min(BlockKernel.WIDE_ROWS, j); m++) {
                    int e = order[s0 + j - m];
                    lo = Math.min(lo, tiling.activeLo[e]);
                    hi = Math.max(hi, tiling.activeHi[e]);
                    long cost = best[j - m] + (long) computedRows(m) * (hi - lo + ROW_OVERHEAD_FRAMES);
                    if (cost <= best[j]) {   // ties go to the larger block: fewer calls
                        best[j] = cost;
                        cut[j] = m;
                    }
                }
            }
            tileCost[t] = best[n];
            tileFirst[t] = blocks;
            int first = blocks;
            for (int j = n; j > 0; j -= cut[j]) {
                starts[blocks++] = s0 + j - cut[j];
            }
            reverse(starts, first, blocks);
        }
        tileFirst[tiling.tiles] = blocks;
        starts[blocks] = order.length;
        this.start = java.util.Arrays.copyOf(starts, blocks + 1);
    }

    /** Rows a wide register block computes for m rows: missing rows repeat the last one. */
    static int computedRows(int m) {
        int half = BlockKernel.WIDE_ROWS / 2;
        return m <= half ? half : BlockKernel.WIDE_ROWS;
    }

    private static void reverse(int[] x, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int tmp = x[i];
            x[i] = x[j];
            x[j] = tmp;
        }
    }
}
