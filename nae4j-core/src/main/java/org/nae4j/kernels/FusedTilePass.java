package org.nae4j.kernels;

/**
 * One pass over the tiles of Bᵀ that runs two products around a caller's update while each tile is in cache
 * (backs {@link MaskedOps#transATilesThenMultiply}; without the second product, {@link
 * MaskedOps#transATilesPadded}). Per tile of {@value MaskedOps#TILE} frames, after a scan that brings it into
 * cache ({@link Prefetch}):
 * <ol>
 *   <li>the rows of Aᵀ B active in the tile, as blocks of {@link BlockKernel#dots} along the bins (up to 6
 *   rows × 4 frames), per group of 4 frames over the rows whose masks reach into it;</li>
 *   <li>the caller's {@link MaskedOps.TileAction}, which may rewrite X's columns in the tile;</li>
 *   <li>X's tile times the same tile of Bᵀ, added into C = X Bᵀ ({@link MaskedLeftProduct#addTile}).</li>
 * </ol>
 * Two separate products read V twice (B for Aᵀ B, Bᵀ for X Bᵀ); here Bᵀ is read once, at the price of
 * computing Aᵀ B as dot products, which are slower per multiply-add than broadcast register blocks
 * (docs/performance.md). The tiles are split into
 * {@link MaskedLeftProduct}'s fixed parts, which the threads claim in order; C does not depend on the thread
 * count. Holds per-part scratch; a pass allocates nothing.
 */
final class FusedTilePass {
    private static final int TILE = MaskedOps.TILE;
    private static final int VECTOR = TILE / 2;
    private static final int DOT = BlockKernel.DOT_ROWS;
    private static final int DOT_A = BlockKernel.DOT_MAX_ROWS;

    private final BlockKernel kernel = BlockKernels.KERNEL;
    private final Parallel par;
    private final int workers;
    private final FrameTiles tiling;
    private final MaskedLeftProduct product;
    /** The entries of Aᵀ B a pass computes (each a dot product along the bins). */
    private final long visited;
    /** Per part. */
    private final TileScratch[] scratch;

    /**
     * @param tiling  the tiles of the pattern of Aᵀ B's rows
     * @param product the product X Bᵀ, over X's pattern (the same frames; may be another pattern)
     */
    FusedTilePass(FrameTiles tiling, MaskedLeftProduct product, Parallel par) {
        this.par = par;
        this.workers = par.threads();
        this.tiling = tiling;
        this.product = product;
        this.visited = tiling.visitedEntries();
        int rows = Math.max(1, tiling.rows);
        this.scratch = TileScratch.slots(MaskedLeftProduct.PARTS, rows, DOT_A);
    }

    /** See {@link MaskedOps#transATilesThenMultiply}; shapes checked there. */
    void run(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, MaskedOps.TileAction action, float[] x,
             int[] cLo, int[] cHi, float[] c) {
        MaskedLeftProduct.Run run = product.begin(x, bt, MaskedOps.PADDED_ORIGIN, kp, cLo, cHi, c);
        runParts(new Pass(at, kp, aLo, aHi, bt, action, run));
        run.end();
    }

    /** The pass without the product: Aᵀ B per tile, handed to the action ({@link MaskedOps#transATilesPadded}). */
    void runWithoutProduct(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, MaskedOps.TileAction action) {
        runParts(new Pass(at, kp, aLo, aHi, bt, action, product.partsOnly()));
    }

    private void runParts(Pass pass) {
        par.forRange(workers, 1, (pass.run.hasProduct() ? 2 : 1) * visited * pass.kp, (from, to) -> parts(pass));
    }

    /** Runs parts as the product hands them out; each part's scratch and the action's slot is the part. */
    private void parts(Pass pass) {
        int[] partTiles = product.partTiles();
        for (int part = pass.run.claimPart(); part >= 0; part = pass.run.claimPart()) {
            float[] out = pass.run.hasProduct() ? pass.run.clearedSum(part) : null;
            for (int t = partTiles[part]; t < partTiles[part + 1]; t++) {
                int n0 = t * TILE;
                if (tiling.count(t) > 0) {
                    Prefetch.touch(pass.bt, MaskedOps.PADDED_ORIGIN + n0 * pass.kp, TILE * pass.kp);
                }
                TileScratch z = scratch[part];
                dotTile(pass, t, z);
                pass.action.accept(n0, Math.min(TILE, tiling.frames - n0), z.rows, z.from, z.to, tiling.count(t), z.buf,
                        part);
                if (out != null) {
                    pass.run.addTile(t, out, part);
                }
            }
        }
    }

    /**
     * Tile t's rows of Aᵀ B into the slot's tile buffer, with their rows and frames in its lists. Per
     * group of {@value #DOT} frames, the rows whose masks reach into it, split evenly into dot blocks of up to
     * {@value #DOT_A} (9 rows as 5 + 4): rows then cost multiply-adds only near the frames they cover. Larger
     * blocks load fewer vectors per multiply-add (4 + m vectors for 4·m) and need fewer lane sums.
     */
    private void dotTile(Pass pass, int t, TileScratch z) {
        float[] buf = z.buf;
        int[] rowsOut = z.rows;
        int[] sel = z.sel;
        int[] ar = z.aRow;
        int[] cr = z.cRow;
        int kp = pass.kp;
        int[] aLo = pass.aLo;
        int[] aHi = pass.aHi;
        int n0 = t * TILE;
        int n1 = Math.min(tiling.frames, n0 + TILE);
        int count = tiling.list(t, rowsOut, z.from, z.to);
        // Groups from the tile's start, so none passes its end (Bᵀ is padded to whole tiles).
        for (int g = n0; g < n1; g += DOT) {
            int m = FrameTiles.reaching(z.from, z.to, count, g, g + DOT, sel);
            int blocks = (m + DOT_A - 1) / DOT_A;
            for (int b = 0, i = 0; b < blocks; b++) {
                int mb = (m - i) / (blocks - b);
                int lo = kp;
                int hi = 0;
                for (int q = 0; q < mb; q++) {
                    int r = rowsOut[sel[i + q]];
                    ar[q] = r * kp;
                    cr[q] = sel[i + q] * TILE;
                    lo = Math.min(lo, aLo[r]);
                    hi = Math.max(hi, aHi[r]);
                }
                // Whole vectors of bins.
                lo = Math.max(0, lo) / VECTOR * VECTOR;
                hi = Math.max(lo, Math.min(kp, (hi + VECTOR - 1) / VECTOR * VECTOR));
                kernel.dots(pass.at, ar, mb, pass.bt, MaskedOps.PADDED_ORIGIN + g * kp, kp, lo, hi, buf, cr, g - n0, z.dotWork);
                i += mb;
            }
        }
    }

    /**
     * The operands of one pass: Aᵀ (R×kp) with row r zero outside [aLo[r], aHi[r]), padded Bᵀ, the action,
     * and the run of the product X Bᵀ that the pass adds X's tiles into (or that only hands out the parts).
     */
    private record Pass(float[] at, int kp, int[] aLo, int[] aHi, float[] bt, MaskedOps.TileAction action,
                        MaskedLeftProduct.Run run) {
    }
}
