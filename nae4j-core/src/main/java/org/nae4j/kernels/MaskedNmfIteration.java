package org.nae4j.kernels;

import org.nae4j.constraints.RowRanges;

/**
 * One NMF iteration (method §3) on the entries the masks allow, in one pass over V per iteration
 * ({@link MaskedOps#transATilesThenMultiply} on Vᵀ, 32 frames at a time): per tile, WᵀV of the active rows,
 * the H update of the tile (WᵀW·H formed from the few active rows, so neither WᵀV nor WᵀWH is ever held in
 * full; the tile's share of H Hᵀ from the new H), then the tile's share of W's numerator V Hᵀ = (H Vᵀ)ᵀ
 * from the new H, restricted per component to the bins its template can use. Then W's update. With more
 * than one inner update (accelerated MU, see {@code model.Acceleration}) a tile's H is updated up to
 * {@code innerH} times in its action, each with the same WᵀV, and W up to {@code innerW} times with the same
 * V Hᵀ and H Hᵀ, each loop stopping once an update changes its factor by at most δ times the first one.
 * All arrays are allocated here, once.
 */
public final class MaskedNmfIteration {
    /** Vᵀ in the padded layout of {@link MaskedOps#transposePadded}. */
    private final float[] vt;
    private final float[] w;
    private final float[] h;
    private final int k;
    private final int n;
    private final int r;
    /** R rounded up to whole kernel blocks, the row stride of the padded small matrices. */
    private final int rp;
    /** K rounded up to whole vectors, the row length of Vᵀ, Wᵀ and H Vᵀ. */
    private final int kp;
    private final MaskedOps ops;
    private final int[] bandLo;
    private final int[] bandHi;
    private final float[] wtw;
    /** Wᵀ (rp rows of kp; zero past K and past R): the working copy the update runs on; W follows it. */
    private final float[] wt;
    /** H Vᵀ (R×kp) of the new H, from the pass. */
    private final float[] hvt;
    private final MaskedTemplates templateStep;
    private final TileGramProduct gramTimesH;
    /** H Hᵀ of the new H, summed per tile in the H update. */
    private final TileGramSum hhtSum;
    private final MaskedOps.TileAction updateH = this::updateH;
    private final int innerH;
    private final int innerW;
    /** δ² of the inner loops' stopping rule. */
    private final double stopSquared;
    /** Per scratch slot, a tile's H before an inner update (only with innerH > 1). */
    private final float[][] previousTile;
    /** Wᵀ before an inner update (only with innerW > 1). */
    private final float[] previousWt;

    /**
     * @param v V, K×N (read here to build the padded Vᵀ; not kept)
     * @param w W, K×R, updated in place
     * @param h H, R×N, updated in place
     * @param innerH the most updates of H per iteration, ≥ 1 (1: the plain update)
     * @param innerW the most updates of W per iteration, ≥ 1
     * @param delta  an inner loop stops once an update changes its factor by at most delta times the first
     */
    public MaskedNmfIteration(float[] v, float[] w, float[] h, int k, int r, int n, RowRanges activations,
                              RowRanges templates, Parallel par, int innerH, int innerW, double delta) {
        if (innerH < 1 || innerW < 1) {
            throw new IllegalArgumentException("inner updates must be ≥ 1, got " + innerH + " and " + innerW);
        }
        MaskedOps ops = new MaskedOps(activations, par);
        this.kp = MaskedOps.paddedBins(k);
        this.vt = MaskedOps.transposePadded(v, k, n);
        this.w = w;
        this.h = h;
        this.k = k;
        this.n = n;
        this.r = r;
        this.rp = (r + MaskedOps.TILE - 1) / MaskedOps.TILE * MaskedOps.TILE;
        this.ops = ops;
        this.bandLo = templates.firsts();
        this.bandHi = templates.lasts();
        this.wtw = new float[r * rp];
        this.wt = new float[rp * kp];
        this.hvt = new float[r * kp];
        this.templateStep = new MaskedTemplates(ops, par, k, r, rp, kp);
        this.gramTimesH = new TileGramProduct(ops, r, n, rp);
        this.hhtSum = new TileGramSum(ops, r, n);
        Products.transposeColumns(w, k, r, 0, r, wt, kp);
        this.innerH = innerH;
        this.innerW = innerW;
        this.stopSquared = delta * delta;
        this.previousTile = innerH > 1 ? new float[ops.slots()][r * MaskedOps.TILE] : null;
        this.previousWt = innerW > 1 ? new float[wt.length] : null;
    }

    public void step() {
        // H ← H ⊙ (WᵀV) ⊘ (WᵀW H + ε) and V Hᵀ of the new H, both in the one pass over Vᵀ.
        ops.gramRows(wt, kp, r, bandLo, bandHi, wtw, rp);
        hhtSum.clear();
        ops.transATilesThenMultiply(wt, kp, bandLo, bandHi, vt, updateH, h, bandLo, bandHi, hvt);
        // W ← W ⊙ (V Hᵀ) ⊘ (W H Hᵀ + ε), on each template's bins; H Hᵀ was summed per tile in updateH.
        hhtSum.sum(templateStep.hht);
        if (innerW == 1) {
            templateStep.update(wt, hvt, w);
            return;
        }
        double first = 0;
        for (int l = 0; l < innerW; l++) {
            System.arraycopy(wt, 0, previousWt, 0, wt.length);
            templateStep.update(wt, hvt, w);
            double change = squaredDifference(wt, previousWt);
            if (l == 0) {
                first = change;
            } else if (change <= stopSquared * first) {
                break;
            }
        }
    }

    /** The H update of one tile: num holds (WᵀV) of the active rows; entries outside H^C are 0 and stay 0. */
    private void updateH(int n0, int width, int[] rows, int[] from, int[] to, int count, float[] num, int slot) {
        int tile = MaskedOps.TILE;
        // All denominators first (they use the old H of every active row): WᵀW H on the active rows.
        float[] d = gramTimesH.multiply(wtw, h, n0, width, rows, count, slot);
        double first = 0;
        for (int l = 0; l < innerH; l++) {
            if (innerH > 1) {
                copyTile(h, n0, rows, from, to, count, previousTile[slot]);
            }
            // On the SIMD kernel; entries outside H^C inside the row's span are 0 and stay 0 (0 · finite).
            for (int i = 0; i < count; i++) {
                int t = from[i] - n0;
                Products.multiplicativeUpdate(h, rows[i] * n + from[i], num, i * tile + t, d, i * tile + t,
                        to[i] - from[i], Products.EPSILON, Products.FLUSH_BELOW);
            }
            if (innerH == 1) {
                break;
            }
            double change = tileChange(h, n0, rows, from, to, count, previousTile[slot]);
            if (l == 0) {
                first = change;
            } else if (change <= stopSquared * first) {
                break;
            }
            if (l + 1 < innerH) {
                d = gramTimesH.multiply(wtw, h, n0, width, rows, count, slot);
            }
        }
        // This tile's share of H Hᵀ from the new H while it is in cache.
        hhtSum.add(h, n0, width, rows, count, slot);
    }

    /** The tile's active rows of H into out (row i at i·TILE, frame j at j − n0). */
    private void copyTile(float[] h, int n0, int[] rows, int[] from, int[] to, int count, float[] out) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(h, rows[i] * n + from[i], out, i * MaskedOps.TILE + from[i] - n0, to[i] - from[i]);
        }
    }

    /** ‖H_tile − previous‖² over the tile's active entries. */
    private double tileChange(float[] h, int n0, int[] rows, int[] from, int[] to, int count, float[] previous) {
        double s = 0;
        for (int i = 0; i < count; i++) {
            int o = rows[i] * n;
            int p = i * MaskedOps.TILE - n0;
            for (int j = from[i]; j < to[i]; j++) {
                double x = h[o + j] - previous[p + j];
                s += x * x;
            }
        }
        return s;
    }

    private static double squaredDifference(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - b[i];
            s += x * x;
        }
        return s;
    }
}
