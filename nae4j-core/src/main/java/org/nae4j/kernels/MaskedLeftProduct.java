package org.nae4j.kernels;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * C (R×M) = A B for A R×N zero outside a {@link FrameTiles} pattern and B N×M (in the factorisations,
 * B = Vᵀ): per tile, blocks of the active rows of A over the frames they cover and the columns [cLo, cHi)
 * they need, on the block kernel. The tiles are split into {@link #PARTS} contiguous parts of decreasing
 * work, which the threads claim in order; each part is summed on its own (part 0 into C) and the sums are
 * added in part order: each thread reads whole rows of B one after another (a split by columns reads half
 * rows, a stride the prefetcher follows worse), and C depends neither on the thread count nor on which
 * thread ran which part. Holds its scratch, so a product allocates no arrays once it has seen the largest C.
 * Runs inside {@link FusedTilePass}, a tile at a time ({@link Run#addTile}).
 */
final class MaskedLeftProduct {
    /** Parts of the tiles; up to this many threads share one product. */
    static final int PARTS = 8;
    /**
     * The parts' shares of the work, largest first: threads claim parts in order as they finish the last
     * one, so the small parts at the end even out a thread that runs slower (a busy core of a shared
     * machine) without a part per tile, whose sums would cost more to clear and add.
     */
    private static final long[] PART_WEIGHTS = {4, 4, 3, 3, 2, 2, 1, 1};
    private static final int VECTOR = MaskedOps.TILE / 2;
    /**
     * The scan of a tile ({@link Prefetch}) in the units of {@link #passCost}: a typical tile's scan costs a
     * fraction of its register blocks, not nothing (docs/performance.md).
     */
    private static final long SCAN_COST = 128;

    private final BlockKernel kernel = BlockKernels.KERNEL;
    private final Parallel par;
    private final int rows;
    private final int frames;
    private final int workers;
    private final int[] tileStart;
    private final int[] active;
    private final int[] activeLo;
    private final int[] activeHi;
    /** The entries of A a product multiplies (each by a row of B). */
    private final long visited;
    /**
     * The entries of {@code active} tile by tile, each tile's sorted by the frames they cover: rows grouped
     * into a block then share most of their frames (the block runs over the union).
     */
    private final int[] order;
    /** The register blocks over {@link #order}, cut per tile to issue the fewest multiply-adds. */
    private final TileBlocks blocks;
    /** Tiles [partTiles[p], partTiles[p + 1]) make part p. */
    private final int[] partTiles;
    /** Per part and row: whether the row is active in the part's tiles (the only rows its sum touches). */
    private final boolean[][] partHasRow;
    /** Per part p ≥ 1: its sum, grown to the largest C seen; zero outside its rows. */
    private final float[][] partial;
    private final int[][] aRow;
    private final int[][] cRow;

    MaskedLeftProduct(FrameTiles tiling, Parallel par) {
        this.par = par;
        this.rows = tiling.rows;
        this.frames = tiling.frames;
        this.workers = par.threads();
        this.tileStart = tiling.tileStart;
        this.active = tiling.active;
        this.activeLo = tiling.activeLo;
        this.activeHi = tiling.activeHi;
        this.visited = tiling.visitedEntries();
        this.order = byCoveredFrames(tiling);
        this.blocks = new TileBlocks(tiling, order);
        this.partTiles = new int[PARTS + 1];
        FrameTiles.balance(tiling.tiles, partWeights(), t -> passCost(tiling, t), partTiles);
        this.partHasRow = new boolean[PARTS][rows];
        for (int part = 0; part < PARTS; part++) {
            for (int e = tileStart[partTiles[part]]; e < tileStart[partTiles[part + 1]]; e++) {
                partHasRow[part][active[e]] = true;
            }
        }
        this.partial = new float[PARTS][0];
        this.aRow = new int[PARTS][BlockKernel.MAX_ROWS];
        this.cRow = new int[PARTS][BlockKernel.MAX_ROWS];
    }

    /**
     * Tile t's work in a {@link FusedTilePass} (how the factorisations run this product), in rows × frames
     * of multiply-adds: the dot blocks (the rows reaching into each group of {@value BlockKernel#DOT_ROWS}
     * frames), the register blocks, and the scan that brings the tile into cache: balancing the register
     * blocks alone would leave the threads uneven.
     */
    private long passCost(FrameTiles tiling, int t) {
        if (tiling.count(t) == 0) {
            return 1;
        }
        int n0 = t * MaskedOps.TILE;
        int n1 = Math.min(frames, n0 + MaskedOps.TILE);
        long dots = 0;
        for (int g = n0; g < n1; g += BlockKernel.DOT_ROWS) {
            for (int e = tiling.tileStart[t]; e < tiling.tileStart[t + 1]; e++) {
                if (tiling.activeLo[e] < g + BlockKernel.DOT_ROWS && tiling.activeHi[e] > g) {
                    dots += BlockKernel.DOT_ROWS;
                }
            }
        }
        return dots + blocks.tileCost[t] + SCAN_COST;
    }

    /** The parts' shares of the work ({@link #PARTS} of them, largest first), a copy. */
    private static long[] partWeights() {
        return PART_WEIGHTS.clone();
    }

    /** Tile by tile, the indices of the tiling's entries sorted by the frames they cover. */
    private static int[] byCoveredFrames(FrameTiles tiling) {
        int[] lo = tiling.activeLo;
        int[] hi = tiling.activeHi;
        Integer[] boxed = new Integer[tiling.active.length];
        for (int e = 0; e < boxed.length; e++) {
            boxed[e] = e;
        }
        for (int t = 0; t < tiling.tiles; t++) {
            Arrays.sort(boxed, tiling.tileStart[t], tiling.tileStart[t + 1],
                    (x, y) -> lo[x] != lo[y] ? Integer.compare(lo[x], lo[y]) : Integer.compare(hi[x], hi[y]));
        }
        int[] out = new int[boxed.length];
        for (int e = 0; e < out.length; e++) {
            out[e] = boxed[e];
        }
        return out;
    }

    /**
     * Starts a product C = A B whose parts the caller runs ({@link Run#claimPart}, {@link Run#clearedSum},
     * {@link Run#addTile}: a part on one thread, its tiles in order), finished by {@link Run#end}. Row j of B
     * starts at {@code b[bOff + j·m]} (the padded Vᵀ's origin, {@link MaskedOps#PADDED_ORIGIN}); row r of C is
     * computed at least on columns [cLo[r], cHi[r]).
     */
    Run begin(float[] a, float[] b, int bOff, int m, int[] cLo, int[] cHi, float[] c) {
        for (int part = 1; part < PARTS; part++) {
            if (partial[part].length < rows * m) {
                partial[part] = new float[rows * m];
            }
        }
        return new Run(a, b, bOff, m, cLo, cHi, c);
    }

    /** A run that only hands out the parts: for a pass over the parts that adds nothing into a product. */
    Run partsOnly() {
        return new Run(null, null, 0, 0, null, null, null);
    }

    /** The first tile of each part: part p holds tiles [partTiles[p], partTiles[p + 1]). Not to be modified. */
    int[] partTiles() {
        return partTiles;
    }

    /** One product's operands and the parts its threads have claimed. */
    final class Run {
        private final float[] a;
        private final float[] b;
        private final int bOff;
        private final int m;
        private final int[] cLo;
        private final int[] cHi;
        private final float[] c;
        private final AtomicInteger nextPart = new AtomicInteger();

        private Run(float[] a, float[] b, int bOff, int m, int[] cLo, int[] cHi, float[] c) {
            this.a = a;
            this.b = b;
            this.bOff = bOff;
            this.m = m;
            this.cLo = cLo;
            this.cHi = cHi;
            this.c = c;
        }

        /** Whether this run adds into a product (false for {@link #partsOnly}). */
        boolean hasProduct() {
            return c != null;
        }

        /** The next part for the calling thread to run, or −1 when all are taken. */
        int claimPart() {
            int part = nextPart.getAndIncrement();
            return part < PARTS ? part : -1;
        }

        /**
         * Part {@code part}'s sum (C itself for part 0), set to zero where the part adds (all of C): it clears
         * it on the calling thread.
         */
        float[] clearedSum(int part) {
            if (part == 0) {
                Arrays.fill(c, 0, rows * m, 0f);
                return c;
            }
            float[] out = partial[part];
            for (int r = 0; r < rows; r++) {
                if (partHasRow[part][r]) {
                    Arrays.fill(out, r * m, (r + 1) * m, 0f);
                }
            }
            return out;
        }

        /** Tile t's share of the product, added into {@code out} (its part's sum), with the part's scratch. */
        void addTile(int t, float[] out, int part) {
            int[] ar = aRow[part];
            int[] cr = cRow[part];
            int n0 = t * MaskedOps.TILE;
            int width = Math.min(MaskedOps.TILE, frames - n0);
            for (int blk = blocks.tileFirst[t]; blk < blocks.tileFirst[t + 1]; blk++) {
                int i0 = blocks.start[blk];
                int mr = blocks.start[blk + 1] - i0;
                int lo = m;
                int hi = 0;
                int p0 = n0 + width;
                int p1 = n0;
                for (int q = 0; q < mr; q++) {
                    int e = order[i0 + q];
                    int r = active[e];
                    lo = Math.min(lo, Math.max(0, cLo[r]));
                    hi = Math.max(hi, Math.min(m, cHi[r]));
                    p0 = Math.min(p0, activeLo[e]);
                    p1 = Math.max(p1, activeHi[e]);
                }
                if (lo >= hi) {
                    continue;
                }
                // Whole vectors: a ragged start or end would run the kernel's scalar tail.
                lo = lo / VECTOR * VECTOR;
                hi = Math.min(m, (hi + VECTOR - 1) / VECTOR * VECTOR);
                for (int q = 0; q < mr; q++) {
                    int r = active[order[i0 + q]];
                    ar[q] = r * frames + p0;
                    cr[q] = r * m;
                }
                kernel.run(a, ar, 1, b, bOff + p0 * m + lo, m, p1 - p0, out, cr, lo, mr, hi - lo, true);
            }
        }

        /** Adds the parts' sums into C: ends the product. */
        void end() {
            par.forRange(workers, 1, (long) rows * m * PARTS, this::addPartials);
        }

        /**
         * C += the parts' sums on the rows each part touched, in part order (so C does not depend on the
         * thread count); rows split.
         */
        private void addPartials(int from, int to) {
            for (int w = from; w < to; w++) {
                for (int r = rows * w / workers; r < rows * (w + 1) / workers; r++) {
                    for (int part = 1; part < PARTS; part++) {
                        if (partHasRow[part][r]) {
                            Products.axpy(1f, partial[part], r * m, c, r * m, m);
                        }
                    }
                }
            }
        }
    }
}
