package org.nae4j.kernels;

import org.nae4j.constraints.RowRanges;


/**
 * Mask-aware float32 products for factorisations V ≈ W H whose activations H (R×N) are zero outside a
 * {@link RowRanges} pattern (H^C) and whose templates may be zero outside a span of rows per component
 * (W^C). The frames are cut into tiles of {@value #TILE}; each tile lists the few rows active in it, and a
 * product multiplies only those rows, with the {@link BlockKernel} (SIMD when available) on a tile of V
 * that stays in cache. Results equal {@link Products}' on every entry the pattern allows, up to float
 * rounding. Built once per problem; holds per-slot scratch, so no product allocates arrays (the fused
 * pass with another pattern's product is built on its first use and kept). One instance must not run two
 * products at the same time.
 */
final class MaskedOps {
    /** Frames per tile: two 16-float vectors, the width of the kernel's register block. */
    static final int TILE = 32;
    private static final int HALF = TILE / 2;

    private final BlockKernel kernel = BlockKernels.KERNEL;
    private final Parallel par;
    private final int rows;
    private final int frames;
    private final FrameTiles tiling;
    private final int tiles;
    private final int workers;
    /** Per slot. */
    private final TileScratch[] scratch;
    private final int[][] smallARow;
    private final int[][] smallCRow;
    private final MaskedLeftProduct leftProduct;
    private final FusedTilePass fusedPass;
    /** The fused pass with the product over another pattern (made on first use, kept for the next ones). */
    private FusedTilePass fusedOther;
    private MaskedOps fusedOtherOps;

    /** Receives, per tile, the product's rows that are active in it (see {@link #transATilesPadded}). */
    @FunctionalInterface
    interface TileAction {
        /**
         * @param n0     first frame of the tile
         * @param width  frames in the tile (≤ {@link #TILE})
         * @param rows   the active rows, ascending; entries [0, count) are valid
         * @param from   per active row, the first frame of the tile its mask covers
         * @param to     per active row, the end of the frames of the tile its mask covers
         * @param count  number of active rows
         * @param tile   the results: row i (component rows[i]) at tile[i·TILE + (n − n0)] for frames n in
         *               [from[i], to[i]); other entries of the tile are unspecified
         * @param slot   index in [0, {@link #slots()}) of the scratch this call may use: calls with the same slot
         *               never run at once, and a pass hands the same tiles to the same slot whatever the
         *               threads (sums kept per slot and added in slot order do not depend on them)
         */
        void accept(int n0, int width, int[] rows, int[] from, int[] to, int count, float[] tile, int slot);
    }

    /**
     * @param pattern the mask of H, R rows over N frames
     * @param par     the threads to run on (its thread count fixes the split of the work)
     */
    MaskedOps(RowRanges pattern, Parallel par) {
        this.par = par;
        this.rows = pattern.rows();
        this.frames = pattern.length();
        this.tiling = new FrameTiles(pattern);
        this.tiles = tiling.tiles;
        this.workers = par.threads();
        this.leftProduct = new MaskedLeftProduct(tiling, par);
        this.fusedPass = new FusedTilePass(tiling, leftProduct, par);
        int scratchRows = Math.max(rows, BlockKernel.MAX_ROWS);
        this.scratch = TileScratch.slots(slots(), rows, scratchRows);
        this.smallARow = new int[slots()][scratchRows];
        this.smallCRow = new int[slots()][scratchRows];
    }

    /**
     * Scratch slots (callers' scratch for a {@link TileAction} or {@link #multiplyColumns} needs this many):
     * the tile passes hand out one per part of their tiles, the other products one per worker.
     */
    int slots() {
        return Math.max(workers, MaskedLeftProduct.PARTS);
    }

    /** Σ over tiles of the active rows times the tile's width: the entries of H the products visit. */
    long visitedEntries() {
        return tiling.visitedEntries();
    }

    /**
     * The first half of {@link #transATilesThenMultiply} on its own: per tile, the rows of Aᵀ B active in it
     * as dot blocks on padded Bᵀ, handed to {@code action}, in the same claimed parts (the action's slot is
     * the part): the autoencoders' forward pass, which needs no second product.
     *
     * @param at  Aᵀ, R×kp row-major; row r zero outside [aLo[r], aHi[r]) and past k
     * @param kp  the row length of Aᵀ and Bᵀ: {@link #paddedBins}(k)
     * @param bt  Bᵀ as {@link #transposePadded} lays it out
     */
    void transATilesPadded(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, TileAction action) {
        if (kp % HALF != 0) {
            throw new IllegalArgumentException("kp must be a multiple of " + HALF + ", got " + kp);
        }
        Products.check(at, (long) rows * kp, "Aᵀ");
        Products.check(bt, PADDED_ORIGIN + (long) tiles * TILE * kp, "padded Bᵀ");
        fusedPass.runWithoutProduct(at, kp, aLo, aHi, bt, action);
    }

    /**
     * The index of frame 0, bin 0 in {@link #transposePadded}'s layout (frame j, bin p at
     * {@code PADDED_ORIGIN + j·kp + p}): the floats before it put every frame on a cache-line start in a large
     * array, so the kernels' vector loads of Bᵀ never straddle two lines (see {@code CacheLines}).
     */
    static final int PADDED_ORIGIN = CacheLines.LINE_START;

    /**
     * Rows of a matrix whose rows run along the bins, padded to whole vectors: the row length of the operands
     * of {@link #transATilesThenMultiply} (k rounded up to a multiple of {@value #HALF}).
     */
    static int paddedBins(int k) {
        return (k + HALF - 1) / HALF * HALF;
    }

    /**
     * Bᵀ for B k×n row-major, in the layout {@link #transATilesThenMultiply} reads: {@link #PADDED_ORIGIN}
     * zeros, then ⌈n / TILE⌉·TILE rows of {@link #paddedBins}(k) floats, zeros past the n frames and the k bins.
     */
    static float[] transposePadded(float[] b, int k, int n) {
        Products.check(b, (long) k * n, "B");
        int kp = paddedBins(k);
        long size = PADDED_ORIGIN + (long) (n + TILE - 1) / TILE * TILE * kp;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a padded " + n + "×" + kp + " array is too large for Java");
        }
        float[] out = new float[(int) size];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                out[PADDED_ORIGIN + j * kp + p] = b[p * n + j];
            }
        }
        return out;
    }

    /**
     * One pass over the tiles of Bᵀ for two products and an update between them: per tile, the rows of
     * Aᵀ B (R×N) active in it, computed as dot products along the bins, go to {@code action}, which may rewrite
     * X's columns in the tile (X zero outside the pattern); then X's tile times the tile of Bᵀ is added into
     * C = X Bᵀ. The same as computing Aᵀ B, updating X and then computing X Bᵀ, but Bᵀ is read once instead of
     * B and Bᵀ once each (NMF's iteration: WᵀV, the H update, then H Vᵀ). C is the same for any thread count.
     *
     * @param at  Aᵀ, R×kp row-major; row r zero outside [aLo[r], aHi[r]) and past k
     * @param kp  the row length of Aᵀ, Bᵀ and C: {@link #paddedBins}(k)
     * @param bt  Bᵀ as {@link #transposePadded} lays it out
     * @param x   X, R×N; rows zero outside the pattern
     * @param c   receives X Bᵀ (R×kp): row r at least on columns [cLo[r], cHi[r])
     */
    void transATilesThenMultiply(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, TileAction action,
                                        float[] x, int[] cLo, int[] cHi, float[] c) {
        transATilesThenMultiply(at, kp, aLo, aHi, bt, action, this, x, cLo, cHi, c);
    }

    /**
     * As {@link #transATilesThenMultiply(float[], int, int[], int[], float[], TileAction, float[], int[], int[],
     * float[])}, for an X whose rows follow another pattern over the same frames ({@code xOps}'; e.g. the
     * interleaved rows of two matrices with this pattern's zeros): C is X Bᵀ with xOps' rows.
     */
    void transATilesThenMultiply(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, TileAction action,
                                        MaskedOps xOps, float[] x, int[] cLo, int[] cHi, float[] c) {
        if (kp % HALF != 0) {
            throw new IllegalArgumentException("kp must be a multiple of " + HALF + ", got " + kp);
        }
        if (xOps.frames != frames || xOps.par != par) {
            throw new IllegalArgumentException("X's pattern must cover the same " + frames
                    + " frames and run on the same threads");
        }
        Products.check(at, (long) rows * kp, "Aᵀ");
        Products.check(bt, PADDED_ORIGIN + (long) tiles * TILE * kp, "padded Bᵀ");
        Products.check(x, (long) xOps.rows * frames, "X");
        Products.check(c, (long) xOps.rows * kp, "C");
        if (xOps == this) {
            fusedPass.run(at, kp, aLo, aHi, bt, action, x, cLo, cHi, c);
            return;
        }
        if (fusedOther == null || fusedOtherOps != xOps) {
            fusedOther = new FusedTilePass(tiling, xOps.leftProduct, par);
            fusedOtherOps = xOps;
        }
        fusedOther.run(at, kp, aLo, aHi, bt, action, x, cLo, cHi, c);
    }

    /**
     * C (m×n) = A (m×k) · B (k×n), dense, with the block kernel: for the small products of a
     * factorisation such as W·(HHᵀ). Pad n to a multiple of {@link #TILE} for full speed.
     */
    void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        Products.check(a, (long) m * k, "A");
        Products.check(b, (long) k * n, "B");
        Products.check(c, (long) m * n, "C");
        Product job = new Product(a, b, c, m, k, n);
        par.forRange(workers, 1, (long) m * k * n, (from, to) -> multiplyPart(job, from, to));
    }

    /**
     * C (m×cols, row stride cStride) = A (m×depth, row stride aStride) · B (depth×cols, row stride bStride),
     * on the calling thread with scratch slot {@code slot}'s scratch: for the small products a {@link TileAction}
     * makes per tile (m ≤ R). Pad cols to a multiple of {@link #TILE} / 2 for full speed.
     */
    void multiplySmall(float[] a, int aStride, float[] b, int bStride, float[] c, int cStride, int m,
                              int depth, int cols, int slot) {
        int[] ar = smallARow[slot];
        int[] cr = smallCRow[slot];
        if (m > ar.length) {
            throw new IllegalArgumentException("at most " + ar.length + " rows, got " + m);
        }
        for (int i = 0; i < m; i++) {
            ar[i] = i * aStride;
            cr[i] = i * cStride;
        }
        kernel.run(a, ar, 1, b, 0, bStride, depth, c, cr, 0, m, cols, false);
    }

    /**
     * G = A Aᵀ (m×m, stored with row stride {@code gStride} ≥ ⌈m/4⌉·4) for A with m rows of kp floats whose
     * row r is zero outside [lo[r], hi[r]) (Wᵀ of a factorisation: G = WᵀW over the templates' bins), as
     * blocks of {@link BlockKernel#dots}, the row blocks split among the threads. A must hold ⌈m/4⌉·4 rows
     * (zeros past m); G's columns past m receive zeros.
     */
    void gramRows(float[] at, int kp, int m, int[] lo, int[] hi, float[] g, int gStride) {
        int mp = (m + BlockKernel.DOT_ROWS - 1) / BlockKernel.DOT_ROWS * BlockKernel.DOT_ROWS;
        if (gStride < mp) {
            throw new IllegalArgumentException("G's row stride must be at least " + mp + ", got " + gStride);
        }
        Products.check(at, (long) mp * kp, "A");
        Products.check(g, (long) m * gStride, "G");
        Gram job = new Gram(at, kp, m, lo, hi, g, gStride);
        par.forRange(workers, 1, (long) m * m * kp, (from, to) -> gramRowsPart(job, from, to));
    }

    /** Worker w's share of the row blocks of {@link #gramRows}, each against every column block. */
    private void gramRowsPart(Gram job, int from, int to) {
        int dot = BlockKernel.DOT_ROWS;
        int m = job.m;
        int kp = job.kp;
        float[] at = job.at;
        int[] lo0 = job.lo;
        int[] hi0 = job.hi;
        int blocks = (m + dot - 1) / dot;
        for (int w = from; w < to; w++) {
            int[] ar = scratch[w].aRow;
            int[] cr = scratch[w].cRow;
            for (int bi = blocks * w / workers; bi < blocks * (w + 1) / workers; bi++) {
                int i0 = bi * dot;
                int mi = Math.min(dot, m - i0);
                for (int q = 0; q < mi; q++) {
                    ar[q] = (i0 + q) * kp;
                    cr[q] = (i0 + q) * job.gStride;
                }
                for (int j0 = 0; j0 < m; j0 += dot) {
                    int mj = Math.min(dot, m - j0);
                    // Outside the overlap of the two blocks' bins one factor of every product is zero.
                    int lo = Math.max(0, Math.max(min(lo0, i0, mi), min(lo0, j0, mj))) / HALF * HALF;
                    int hi = Math.min(kp, (Math.min(max(hi0, i0, mi), max(hi0, j0, mj)) + HALF - 1) / HALF * HALF);
                    kernel.dots(at, ar, mi, at, j0 * kp, kp, lo, Math.max(lo, hi), job.g, cr, j0, scratch[w].dotWork);
                }
            }
        }
    }

    private static int min(int[] x, int from, int count) {
        int v = Integer.MAX_VALUE;
        for (int q = from; q < from + count; q++) {
            v = Math.min(v, x[q]);
        }
        return v;
    }

    private static int max(int[] x, int from, int count) {
        int v = Integer.MIN_VALUE;
        for (int q = from; q < from + count; q++) {
            v = Math.max(v, x[q]);
        }
        return v;
    }

    private void multiplyPart(Product job, int from, int to) {
        int m = job.m;
        int k = job.k;
        int n = job.n;
        for (int w = from; w < to; w++) {
            int i0 = (int) ((long) m * w / workers);
            int i1 = (int) ((long) m * (w + 1) / workers);
            int[] ar = scratch[w].aRow;
            int[] cr = scratch[w].cRow;
            for (int i = i0; i < i1; i += BlockKernel.WIDE_ROWS) {
                int mr = Math.min(BlockKernel.WIDE_ROWS, i1 - i);
                for (int q = 0; q < mr; q++) {
                    ar[q] = (i + q) * k;
                    cr[q] = (i + q) * n;
                }
                kernel.run(job.a, ar, 1, job.b, 0, n, k, job.c, cr, 0, mr, n, false);
            }
        }
    }

    /**
     * Columns [from, to) of C (m×n) = A (m×depth) · B (depth×n), all row-major, on the calling thread with
     * worker {@code worker}'s scratch: for a caller that splits a product with a long B among the threads by
     * columns and uses each block of columns at once.
     */
    void multiplyColumns(float[] a, int m, int depth, float[] b, float[] c, int n, int from, int to,
                                int worker) {
        int[] ar = scratch[worker].aRow;
        int[] cr = scratch[worker].cRow;
        for (int i = 0; i < m; i += BlockKernel.WIDE_ROWS) {
            int mr = Math.min(BlockKernel.WIDE_ROWS, m - i);
            for (int q = 0; q < mr; q++) {
                ar[q] = (i + q) * depth;
                cr[q] = (i + q) * n;
            }
            kernel.run(a, ar, 1, b, from, n, depth, c, cr, from, mr, to - from, false);
        }
    }


    /** The operands of one {@link #multiply}: C (m×n) = A (m×k) · B (k×n). */
    private record Product(float[] a, float[] b, float[] c, int m, int k, int n) {
    }

    /** The operands of one {@link #gramRows}. */
    private record Gram(float[] at, int kp, int m, int[] lo, int[] hi, float[] g, int gStride) {
    }
}
