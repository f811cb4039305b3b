package org.nae4j.linalg;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mask-aware float32 products for factorisations V ≈ W H whose activations H (R×N) are zero outside a
 * {@link RowRanges} pattern (H^C) and whose templates may be zero outside a span of rows per component
 * (W^C). The frames are cut into tiles of {@value #TILE}; each tile lists the few rows active in it, and a
 * product multiplies only those rows, with the {@link BlockKernel} (SIMD when available) on a tile of V
 * that stays in cache. Results equal {@link DenseOps}' on every entry the pattern allows, up to float
 * rounding. Built once per problem; holds per-slot scratch, so no product allocates arrays (the fused
 * pass with another pattern's product is built on its first use and kept). One instance must not run two
 * products at the same time.
 */
public final class MaskedOps {
    /** Frames per tile: two 16-float vectors, the width of the kernel's register block. */
    public static final int TILE = 32;
    private static final int HALF = TILE / 2;

    private final BlockKernel kernel = BlockKernels.KERNEL;
    private final RowRanges pattern;
    private final Parallel par;
    private final int rows;
    private final int frames;
    private final FrameTiles tiling;
    private final int tiles;
    private final int[] active;
    private final int[] tileStart;
    private final int[] activeLo;
    private final int[] activeHi;
    private final int workers;
    /** Tiles [partStart[p], partStart[p + 1]) make part p of {@link #transATiles}. */
    private final int[] partStart;
    /** The next part of the running {@link #transATiles} a thread may claim. */
    private final AtomicInteger nextPart = new AtomicInteger();
    /** Per slot. */
    private final TileScratch[] scratch;
    private final int[][] smallARow;
    private final int[][] smallCRow;
    private final MaskedLeftProduct leftProduct;
    private final FusedTilePass fusedPass;
    /** The fused pass with the product over another pattern (made on first use, kept for the next ones). */
    private FusedTilePass fusedOther;
    private MaskedOps fusedOtherOps;
    // The operands of the running product, read by the prebuilt loop bodies below: a product then
    // allocates nothing (a capturing lambda per call would).
    private float[] xA;
    private float[] xB;
    private float[] xC;
    private int xK;
    private int xM;
    private int xN;
    private int[] xLo;
    private int[] xHi;
    private TileAction xAction;
    private final Parallel.RangeBody transABody = this::transAPart;
    private final Parallel.RangeBody multiplyBody = this::multiplyPart;
    private final Parallel.RangeBody gramRowsBody = this::gramRowsPart;
    private final TileAction copyToC = this::copyTile;

    /** Receives, per tile, the product's rows that are active in it (see {@link #transATiles}). */
    @FunctionalInterface
    public interface TileAction {
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
    public MaskedOps(RowRanges pattern, Parallel par) {
        this.pattern = pattern;
        this.par = par;
        this.rows = pattern.rows();
        this.frames = pattern.length();
        this.tiling = new FrameTiles(pattern);
        this.tiles = tiling.tiles;
        this.tileStart = tiling.tileStart;
        this.active = tiling.active;
        this.activeLo = tiling.activeLo;
        this.activeHi = tiling.activeHi;
        this.workers = par.threads();
        // The same decreasing parts as the products with Vᵀ, claimed by the threads in order.
        this.partStart = new int[MaskedLeftProduct.PARTS + 1];
        FrameTiles.balance(tiles, MaskedLeftProduct.partWeights(), t -> tiling.count(t) + 1L, partStart);
        this.leftProduct = new MaskedLeftProduct(tiling, par);
        this.fusedPass = new FusedTilePass(tiling, leftProduct, par);
        int scratchRows = Math.max(rows, BlockKernel.MAX_ROWS);
        this.scratch = TileScratch.slots(slots(), rows, scratchRows);
        this.smallARow = new int[slots()][scratchRows];
        this.smallCRow = new int[slots()][scratchRows];
    }

    /** The pattern this instance was built for. */
    public RowRanges pattern() {
        return pattern;
    }

    /**
     * Scratch slots (callers' scratch for a {@link TileAction} or {@link #multiplyColumns} needs this many):
     * the tile passes hand out one per part of their tiles, the other products one per worker.
     */
    public int slots() {
        return Math.max(workers, MaskedLeftProduct.PARTS);
    }

    /** Σ over tiles of the active rows times the tile's width: the entries of H the products visit. */
    public long visitedEntries() {
        return tiling.visitedEntries();
    }

    /**
     * For every tile, computes the rows of C = Aᵀ B (R×N) active in it and hands them to {@code action};
     * this lets a caller fuse an elementwise update into the same pass over B.
     *
     * @param a   A, k×R row-major; column r must be zero outside rows [aLo[r], aHi[r])
     * @param k   rows of A and B
     * @param aLo per component, first row of A's column that may be nonzero
     * @param aHi per component, end of the rows of A's column that may be nonzero
     * @param b   B, k×N row-major
     */
    public void transATiles(float[] a, int k, int[] aLo, int[] aHi, float[] b, TileAction action) {
        DenseOps.check(b, (long) k * frames, "B");
        runTransA(a, k, aLo, aHi, b, action);
    }

    /**
     * The first half of {@link #transATilesThenMultiply} on its own: per tile, the rows of Aᵀ B active in it
     * as dot blocks on padded Bᵀ, handed to {@code action}, in the same claimed parts (the action's slot is
     * the part). With Bᵀ at hand this saves keeping B in another layout for {@link #transATiles}.
     *
     * @param at  Aᵀ, R×kp row-major; row r zero outside [aLo[r], aHi[r]) and past k
     * @param kp  the row length of Aᵀ and Bᵀ: {@link #paddedBins}(k)
     * @param bt  Bᵀ as {@link #transposePadded} lays it out
     */
    public void transATilesPadded(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, TileAction action) {
        if (kp % HALF != 0) {
            throw new IllegalArgumentException("kp must be a multiple of " + HALF + ", got " + kp);
        }
        DenseOps.check(at, (long) rows * kp, "Aᵀ");
        DenseOps.check(bt, PADDED_ORIGIN + (long) tiles * TILE * kp, "padded Bᵀ");
        fusedPass.runWithoutProduct(at, kp, aLo, aHi, bt, action);
    }

    private void runTransA(float[] a, int k, int[] aLo, int[] aHi, float[] b, TileAction action) {
        DenseOps.check(a, (long) k * rows, "A");
        xA = a;
        xK = k;
        xLo = aLo;
        xHi = aHi;
        xB = b;
        xAction = action;
        nextPart.set(0);
        par.forRange(workers, 1, tiling.visitedEntries() * k, transABody);
        xAction = null;
    }

    /**
     * The index of frame 0, bin 0 in {@link #transposePadded}'s layout (frame j, bin p at
     * {@code PADDED_ORIGIN + j·kp + p}): the floats before it put every frame on a cache-line start in a large
     * array, so the kernels' vector loads of Bᵀ never straddle two lines (see {@code Alignment}).
     */
    public static final int PADDED_ORIGIN = Alignment.LINE_START;

    /**
     * Rows of a matrix whose rows run along the bins, padded to whole vectors: the row length of the operands
     * of {@link #transATilesThenMultiply} (k rounded up to a multiple of {@value #HALF}).
     */
    public static int paddedBins(int k) {
        return (k + HALF - 1) / HALF * HALF;
    }

    /**
     * Bᵀ for B k×n row-major, in the layout {@link #transATilesThenMultiply} reads: {@link #PADDED_ORIGIN}
     * zeros, then ⌈n / TILE⌉·TILE rows of {@link #paddedBins}(k) floats, zeros past the n frames and the k bins.
     */
    public static float[] transposePadded(float[] b, int k, int n) {
        DenseOps.check(b, (long) k * n, "B");
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
     * C = X Bᵀ. The same as {@link #transATiles} followed by {@link #multiplyMasked} on the updated X, but Bᵀ is
     * read once instead of B and Bᵀ once each (NMF's iteration: WᵀV, the H update, then H Vᵀ). C is the same
     * for any thread count.
     *
     * @param at  Aᵀ, R×kp row-major; row r zero outside [aLo[r], aHi[r]) and past k
     * @param kp  the row length of Aᵀ, Bᵀ and C: {@link #paddedBins}(k)
     * @param bt  Bᵀ as {@link #transposePadded} lays it out
     * @param x   X, R×N; rows zero outside the pattern
     * @param c   receives X Bᵀ (R×kp): row r at least on columns [cLo[r], cHi[r])
     */
    public void transATilesThenMultiply(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, TileAction action,
                                        float[] x, int[] cLo, int[] cHi, float[] c) {
        transATilesThenMultiply(at, kp, aLo, aHi, bt, action, this, x, cLo, cHi, c);
    }

    /**
     * As {@link #transATilesThenMultiply(float[], int, int[], int[], float[], TileAction, float[], int[], int[],
     * float[])}, for an X whose rows follow another pattern over the same frames ({@code xOps}'; e.g. the
     * interleaved rows of two matrices with this pattern's zeros): C is X Bᵀ with xOps' rows.
     */
    public void transATilesThenMultiply(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, TileAction action,
                                        MaskedOps xOps, float[] x, int[] cLo, int[] cHi, float[] c) {
        if (kp % HALF != 0) {
            throw new IllegalArgumentException("kp must be a multiple of " + HALF + ", got " + kp);
        }
        if (xOps.frames != frames || xOps.par != par) {
            throw new IllegalArgumentException("X's pattern must cover the same " + frames
                    + " frames and run on the same threads");
        }
        DenseOps.check(at, (long) rows * kp, "Aᵀ");
        DenseOps.check(bt, PADDED_ORIGIN + (long) tiles * TILE * kp, "padded Bᵀ");
        DenseOps.check(x, (long) xOps.rows * frames, "X");
        DenseOps.check(c, (long) xOps.rows * kp, "C");
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

    /** C (R×N) = Aᵀ B on the entries of the pattern; all other entries are set to zero. */
    public void multiplyTransA(float[] a, int k, int[] aLo, int[] aHi, float[] b, float[] c) {
        DenseOps.check(c, (long) rows * frames, "C");
        Arrays.fill(c, 0, rows * frames, 0f);
        xC = c;
        transATiles(a, k, aLo, aHi, b, copyToC);
    }

    /**
     * C (R×M) = A B for A R×N zero outside the pattern and B N×M. Row r of C is computed at least on
     * columns [cLo[r], cHi[r]) (entries outside may hold partial sums or zero; callers read inside). The same
     * C for any thread count; see {@link MaskedLeftProduct}.
     */
    public void multiplyMasked(float[] a, float[] b, int m, int[] cLo, int[] cHi, float[] c) {
        DenseOps.check(a, (long) rows * frames, "A");
        DenseOps.check(b, (long) frames * m, "B");
        DenseOps.check(c, (long) rows * m, "C");
        leftProduct.multiply(a, b, m, cLo, cHi, c);
    }

    /**
     * C (m×n) = A (m×k) · B (k×n), dense, with the block kernel: for the small products of a
     * factorisation such as W·(HHᵀ). Pad n to a multiple of {@link #TILE} for full speed.
     */
    public void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
        DenseOps.check(a, (long) m * k, "A");
        DenseOps.check(b, (long) k * n, "B");
        DenseOps.check(c, (long) m * n, "C");
        xA = a;
        xB = b;
        xC = c;
        xM = m;
        xK = k;
        xN = n;
        par.forRange(workers, 1, (long) m * k * n, multiplyBody);
    }

    /**
     * C (m×cols, row stride cStride) = A (m×depth, row stride aStride) · B (depth×cols, row stride bStride),
     * on the calling thread with scratch slot {@code slot}'s scratch: for the small products a {@link TileAction}
     * makes per tile (m ≤ R). Pad cols to a multiple of {@link #TILE} / 2 for full speed.
     */
    public void multiplySmall(float[] a, int aStride, float[] b, int bStride, float[] c, int cStride, int m,
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
    public void gramRows(float[] at, int kp, int m, int[] lo, int[] hi, float[] g, int gStride) {
        int mp = (m + BlockKernel.DOT_ROWS - 1) / BlockKernel.DOT_ROWS * BlockKernel.DOT_ROWS;
        if (gStride < mp) {
            throw new IllegalArgumentException("G's row stride must be at least " + mp + ", got " + gStride);
        }
        DenseOps.check(at, (long) mp * kp, "A");
        DenseOps.check(g, (long) m * gStride, "G");
        xA = at;
        xC = g;
        xK = kp;
        xM = m;
        xN = gStride;
        xLo = lo;
        xHi = hi;
        par.forRange(workers, 1, (long) m * m * kp, gramRowsBody);
    }

    /** Worker w's share of the row blocks of {@link #gramRows}, each against every column block. */
    private void gramRowsPart(int from, int to) {
        int dot = BlockKernel.DOT_ROWS;
        int m = xM;
        int kp = xK;
        int blocks = (m + dot - 1) / dot;
        for (int w = from; w < to; w++) {
            int[] ar = scratch[w].aRow;
            int[] cr = scratch[w].cRow;
            for (int bi = blocks * w / workers; bi < blocks * (w + 1) / workers; bi++) {
                int i0 = bi * dot;
                int mi = Math.min(dot, m - i0);
                for (int q = 0; q < mi; q++) {
                    ar[q] = (i0 + q) * kp;
                    cr[q] = (i0 + q) * xN;
                }
                for (int j0 = 0; j0 < m; j0 += dot) {
                    int mj = Math.min(dot, m - j0);
                    // Outside the overlap of the two blocks' bins one factor of every product is zero.
                    int lo = Math.max(0, Math.max(min(xLo, i0, mi), min(xLo, j0, mj))) / HALF * HALF;
                    int hi = Math.min(kp, (Math.min(max(xHi, i0, mi), max(xHi, j0, mj)) + HALF - 1) / HALF * HALF);
                    kernel.dots(xA, ar, mi, xA, j0 * kp, kp, lo, Math.max(lo, hi), xC, cr, j0, scratch[w].dotWork);
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

    /** Runs parts as the threads claim them; a part's scratch and the action's slot is the part. */
    private void transAPart(int from, int to) {
        for (int part = nextPart.getAndIncrement(); part < MaskedLeftProduct.PARTS;
             part = nextPart.getAndIncrement()) {
            TileScratch z = scratch[part];
            float[] buf = z.buf;
            int[] rowsOut = z.rows;
            int[] sel = z.sel;
            int[] ar = z.aRow;
            int[] cr = z.cRow;
            for (int t = partStart[part]; t < partStart[part + 1]; t++) {
                int n0 = t * TILE;
                int width = Math.min(TILE, frames - n0);
                int count = tiling.list(t, rowsOut, z.from, z.to);
                // Half a tile (one vector of frames) at a time, over the rows whose masks reach into it: a note
                // that starts or ends in the tile costs nothing in the half it does not reach (18 % fewer
                // multiply-adds than whole tiles on the long piece).
                for (int j0 = 0; j0 < width; j0 += HALF) {
                    int j1 = Math.min(width, j0 + HALF);
                    int m = FrameTiles.reaching(z.from, z.to, count, n0 + j0, n0 + j1, sel);
                    int blocks = (m + BlockKernel.NARROW_ROWS - 1) / BlockKernel.NARROW_ROWS;
                    for (int b = 0, i = 0; b < blocks; b++) {
                        int mb = (m - i) / (blocks - b);
                        int lo = xK;
                        int hi = 0;
                        for (int q = 0; q < mb; q++) {
                            int r = rowsOut[sel[i + q]];
                            lo = Math.min(lo, xLo[r]);
                            hi = Math.max(hi, xHi[r]);
                            ar[q] = r;
                            cr[q] = sel[i + q] * TILE;
                        }
                        hi = Math.max(hi, lo);
                        for (int q = 0; q < mb; q++) {
                            ar[q] += lo * rows;
                        }
                        kernel.run(xA, ar, rows, xB, lo * frames + n0 + j0, frames, hi - lo, buf, cr, j0, mb,
                                j1 - j0, false);
                        i += mb;
                    }
                }
                xAction.accept(n0, width, rowsOut, z.from, z.to, count, buf, part);
            }
        }
    }

    private void multiplyPart(int from, int to) {
        for (int w = from; w < to; w++) {
            int m = xM;
            int k = xK;
            int n = xN;
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
                kernel.run(xA, ar, 1, xB, 0, n, k, xC, cr, 0, mr, n, false);
            }
        }
    }

    /**
     * Columns [from, to) of C (m×n) = A (m×depth) · B (depth×n), all row-major, on the calling thread with
     * worker {@code worker}'s scratch: for a caller that splits a product with a long B among the threads by
     * columns and uses each block of columns at once.
     */
    public void multiplyColumns(float[] a, int m, int depth, float[] b, float[] c, int n, int from, int to,
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

    private void copyTile(int n0, int width, int[] rs, int[] from, int[] to, int count, float[] tile, int w) {
        float[] c = xC;
        for (int i = 0; i < count; i++) {
            System.arraycopy(tile, i * TILE + from[i] - n0, c, rs[i] * frames + from[i], to[i] - from[i]);
            // Gaps between intervals inside the covered span are outside the pattern too.
            int[] x = pattern.rangesView(rs[i]);
            int prevEnd = from[i];
            for (int q = 0; q < x.length && x[q] < to[i]; q += 2) {
                if (x[q + 1] > from[i]) {
                    Arrays.fill(c, rs[i] * frames + prevEnd, rs[i] * frames + Math.max(prevEnd, x[q]), 0f);
                    prevEnd = Math.min(x[q + 1], to[i]);
                }
            }
        }
    }
}
