package org.nae4j.linalg;

import java.util.Arrays;

/**
 * C (R×M) = A B for A R×N zero outside a {@link FrameTiles} pattern and B N×M (in the factorisations,
 * B = Vᵀ): per tile, blocks of the active rows of A over the frames they cover and the columns [cLo, cHi)
 * they need, on the block kernel. The tiles are split into {@link #PARTS} contiguous parts of about equal
 * work, each summed on its own (part 0 into C) and then added in part order: each thread reads whole rows
 * of B one after another (a split by columns reads half rows, a stride the prefetcher follows worse), and C
 * does not depend on the thread count. Holds its scratch, so a product allocates nothing once it has seen
 * the largest C. Backs {@link MaskedOps#multiplyMasked}.
 */
final class MaskedLeftProduct {
    /** Parts of the tiles; up to this many threads share one product. */
    static final int PARTS = 4;
    private static final int VECTOR = MaskedOps.TILE / 2;

    private final BlockKernel kernel = BlockKernels.KERNEL;
    private final Parallel par;
    private final int rows;
    private final int frames;
    private final int workers;
    private final int[] tileStart;
    private final int[] active;
    private final int[] activeLo;
    private final int[] activeHi;
    /**
     * The entries of {@code active} tile by tile, each tile's sorted by the frames they cover: rows grouped
     * into a block then share most of their frames (the block runs over the union).
     */
    private final int[] order;
    /** The register blocks over {@link #order}, cut per tile to issue the fewest multiply-adds. */
    private final TileBlocks blocks;
    /** Tiles [partTiles[p], partTiles[p + 1]) make part p. */
    private final int[] partTiles;
    /** Per part p ≥ 1: its sum, grown to the largest C seen. */
    private final float[][] partial;
    private final int[][] aRow;
    private final int[][] cRow;
    // The running product's operands, read by the prebuilt loop bodies (no capturing lambda per call).
    private float[] xA;
    private float[] xB;
    private float[] xC;
    private int xM;
    private int[] xLo;
    private int[] xHi;
    private final Parallel.RangeBody maskedBody = this::maskedPart;
    private final Parallel.RangeBody addPartialsBody = this::addPartialsPart;

    MaskedLeftProduct(FrameTiles tiling, Parallel par) {
        this.par = par;
        this.rows = tiling.rows;
        this.frames = tiling.frames;
        this.workers = par.threads();
        this.tileStart = tiling.tileStart;
        this.active = tiling.active;
        this.activeLo = tiling.activeLo;
        this.activeHi = tiling.activeHi;
        this.order = byCoveredFrames(tiling);
        this.blocks = new TileBlocks(tiling, order);
        this.partTiles = new int[PARTS + 1];
        FrameTiles.balance(tiling.tiles, PARTS, t -> blocks.tileCost[t] + 8, partTiles);
        this.partial = new float[PARTS][0];
        this.aRow = new int[workers][BlockKernel.MAX_ROWS];
        this.cRow = new int[workers][BlockKernel.MAX_ROWS];
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

    /** C = A B, C computed on columns [cLo[r], cHi[r]) of each row r at least (shapes checked by the caller). */
    void multiply(float[] a, float[] b, int m, int[] cLo, int[] cHi, float[] c) {
        begin(a, b, m, cLo, cHi, c);
        par.forRange(workers, 1, maskedBody);
        end();
    }

    /**
     * Starts a product whose parts the caller runs ({@link #clearedSum}, {@link #addTile}, one part per thread
     * at a time, each part's tiles in order), finished by {@link #end}.
     */
    void begin(float[] a, float[] b, int m, int[] cLo, int[] cHi, float[] c) {
        for (int part = 1; part < PARTS; part++) {
            if (partial[part].length < rows * m) {
                partial[part] = new float[rows * m];
            }
        }
        xA = a;
        xB = b;
        xC = c;
        xM = m;
        xLo = cLo;
        xHi = cHi;
    }

    /** Adds the parts' sums into C and ends the product that {@link #begin} started. */
    void end() {
        par.forRange(workers, 1, addPartialsBody);
        xA = null;
        xB = null;
        xC = null;
    }

    /** The first tile of each part: part p holds tiles [partTiles[p], partTiles[p + 1]). Not to be modified. */
    int[] partTiles() {
        return partTiles;
    }

    /** Part {@code part}'s sum (C itself for part 0), set to zero: it clears it on the calling thread. */
    float[] clearedSum(int part) {
        float[] out = part == 0 ? xC : partial[part];
        Arrays.fill(out, 0, rows * xM, 0f);
        return out;
    }

    private void maskedPart(int from, int to) {
        for (int w = from; w < to; w++) {
            for (int part = w * PARTS / workers; part < (w + 1) * PARTS / workers; part++) {
                float[] out = clearedSum(part);
                for (int t = partTiles[part]; t < partTiles[part + 1]; t++) {
                    addTile(t, out, w);
                }
            }
        }
    }

    /** Tile t's share of the product, added into {@code out} (its part's sum), with worker w's scratch. */
    void addTile(int t, float[] out, int worker) {
        int m = xM;
        int[] ar = aRow[worker];
        int[] cr = cRow[worker];
        int n0 = t * MaskedOps.TILE;
        int width = Math.min(MaskedOps.TILE, frames - n0);
        for (int b = blocks.tileFirst[t]; b < blocks.tileFirst[t + 1]; b++) {
            int i0 = blocks.start[b];
            int mr = blocks.start[b + 1] - i0;
            int lo = m;
            int hi = 0;
            int p0 = n0 + width;
            int p1 = n0;
            for (int q = 0; q < mr; q++) {
                int e = order[i0 + q];
                int r = active[e];
                lo = Math.min(lo, Math.max(0, xLo[r]));
                hi = Math.max(hi, Math.min(m, xHi[r]));
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
            kernel.run(xA, ar, 1, xB, p0 * m + lo, m, p1 - p0, out, cr, lo, mr, hi - lo, true);
        }
    }

    /** C += the parts' sums, in part order (so C does not depend on the thread count); entries split. */
    private void addPartialsPart(int from, int to) {
        int m = xM;
        for (int w = from; w < to; w++) {
            int i0 = (int) ((long) rows * m * w / workers);
            int i1 = (int) ((long) rows * m * (w + 1) / workers);
            for (int part = 1; part < PARTS; part++) {
                DenseOps.axpy(1f, partial[part], i0, xC, i0, i1 - i0);
            }
        }
    }
}
