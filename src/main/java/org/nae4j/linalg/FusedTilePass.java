package org.nae4j.linalg;

/**
 * One pass over the tiles of Bᵀ that runs two products around a caller's update while each tile is in cache
 * (backs {@link MaskedOps#transATilesThenMultiply}). Per tile of {@value MaskedOps#TILE} frames:
 * <ol>
 *   <li>the rows of Aᵀ B active in the tile, as blocks of {@link BlockKernel#dots} along the bins (4 rows,
 *   sorted by the frames they cover, × 4 frames), over the frames their masks cover;</li>
 *   <li>the caller's {@link MaskedOps.TileAction}, which may rewrite X's columns in the tile;</li>
 *   <li>X's tile times the same tile of Bᵀ, added into C = X Bᵀ ({@link MaskedLeftProduct#addTile}).</li>
 * </ol>
 * Two separate products read V twice (B for Aᵀ B, Bᵀ for X Bᵀ); here Bᵀ is read once, at the price of
 * computing Aᵀ B as dot products, which are slower per multiply-add than the broadcast blocks of
 * {@link MaskedOps#transATiles} (docs/performance.md has the numbers). The tiles are split into
 * {@link MaskedLeftProduct}'s fixed parts, so C does not depend on the thread count. Holds per-worker
 * scratch; a pass allocates nothing.
 */
final class FusedTilePass {
    private static final int TILE = MaskedOps.TILE;
    private static final int VECTOR = TILE / 2;
    private static final int DOT = BlockKernel.DOT_ROWS;

    private final BlockKernel kernel = BlockKernels.KERNEL;
    private final Parallel par;
    private final int workers;
    private final FrameTiles tiling;
    /** Tile by tile, the entries sorted by the frames they cover: the rows of a dot block share most. */
    private final int[] order;
    private final MaskedLeftProduct product;
    private final float[][] tileBuf;
    private final int[][] rowBuf;
    private final int[][] fromBuf;
    private final int[][] toBuf;
    private final int[][] aRow;
    // The running pass' operands, read by the prebuilt loop body (no capturing lambda per call).
    private float[] xAt;
    private int xKp;
    private int[] xLo;
    private int[] xHi;
    private float[] xBt;
    private MaskedOps.TileAction xAction;
    private final Parallel.RangeBody partsBody = this::parts;

    /**
     * @param tiling  the tiles of the pattern of Aᵀ B's rows
     * @param product the product X Bᵀ, over X's pattern (the same frames; may be another pattern)
     */
    FusedTilePass(FrameTiles tiling, MaskedLeftProduct product, Parallel par) {
        this.par = par;
        this.workers = par.threads();
        this.tiling = tiling;
        this.order = MaskedLeftProduct.byCoveredFrames(tiling);
        this.product = product;
        int rows = Math.max(1, tiling.rows);
        this.tileBuf = new float[workers][rows * TILE];
        this.rowBuf = new int[workers][rows];
        this.fromBuf = new int[workers][rows];
        this.toBuf = new int[workers][rows];
        this.aRow = new int[workers][DOT];
    }

    /** See {@link MaskedOps#transATilesThenMultiply}; shapes checked there. */
    void run(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, MaskedOps.TileAction action, float[] x,
             int[] cLo, int[] cHi, float[] c) {
        product.begin(x, bt, kp, cLo, cHi, c);
        xAt = at;
        xKp = kp;
        xLo = aLo;
        xHi = aHi;
        xBt = bt;
        xAction = action;
        par.forRange(workers, 1, partsBody);
        xAt = null;
        xBt = null;
        xAction = null;
        product.end();
    }

    private void parts(int from, int to) {
        int[] partTiles = product.partTiles();
        for (int w = from; w < to; w++) {
            for (int part = w * MaskedLeftProduct.PARTS / workers;
                 part < (w + 1) * MaskedLeftProduct.PARTS / workers; part++) {
                float[] out = product.clearedSum(part);
                for (int t = partTiles[part]; t < partTiles[part + 1]; t++) {
                    int n0 = t * TILE;
                    dotTile(t, w);
                    xAction.accept(n0, Math.min(TILE, tiling.frames - n0), rowBuf[w], fromBuf[w], toBuf[w],
                            tiling.count(t), tileBuf[w], w);
                    product.addTile(t, out, w);
                }
            }
        }
    }

    /** Tile t's rows of Aᵀ B into worker w's tile buffer, with their rows and frames in its lists. */
    private void dotTile(int t, int w) {
        float[] buf = tileBuf[w];
        int[] rowsOut = rowBuf[w];
        int[] fromOut = fromBuf[w];
        int[] toOut = toBuf[w];
        int[] ar = aRow[w];
        int kp = xKp;
        int n0 = t * TILE;
        int s0 = tiling.tileStart[t];
        int count = tiling.count(t);
        for (int i = 0; i < count; i += DOT) {
            int m = Math.min(DOT, count - i);
            int lo = kp;
            int hi = 0;
            int p0 = n0 + TILE;
            int p1 = n0;
            for (int q = 0; q < m; q++) {
                int e = order[s0 + i + q];
                int r = tiling.active[e];
                rowsOut[i + q] = r;
                fromOut[i + q] = tiling.activeLo[e];
                toOut[i + q] = tiling.activeHi[e];
                ar[q] = r * kp;
                lo = Math.min(lo, xLo[r]);
                hi = Math.max(hi, xHi[r]);
                p0 = Math.min(p0, tiling.activeLo[e]);
                p1 = Math.max(p1, tiling.activeHi[e]);
            }
            // Whole vectors of bins; groups of 4 frames from the tile's start, so none passes its end.
            lo = Math.max(0, lo) / VECTOR * VECTOR;
            hi = Math.max(lo, Math.min(kp, (hi + VECTOR - 1) / VECTOR * VECTOR));
            for (int f = n0 + (p0 - n0) / DOT * DOT; f < p1; f += DOT) {
                kernel.dots(xAt, ar, m, xBt, f * kp, kp, lo, hi, buf, i * TILE + f - n0, TILE);
            }
        }
    }
}
