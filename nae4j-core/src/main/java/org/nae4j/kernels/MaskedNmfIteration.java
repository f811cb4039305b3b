package org.nae4j.kernels;

import org.nae4j.constraints.RowRanges;

/**
 * One NMF iteration (method §3) on the entries the masks allow, in one pass over V per iteration
 * ({@link MaskedOps#transATilesThenMultiply} on Vᵀ, 32 frames at a time): per tile, WᵀV of the active rows,
 * the H update of the tile (WᵀW·H formed from the few active rows, so neither WᵀV nor WᵀWH is ever held in
 * full; the tile's share of H Hᵀ from the new H), then the tile's share of W's numerator V Hᵀ = (H Vᵀ)ᵀ
 * from the new H, restricted per component to the bins its template can use. Then W's update. All arrays
 * are allocated here, once.
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

    /**
     * @param v V, K×N (read here to build the padded Vᵀ; not kept)
     * @param w W, K×R, updated in place
     * @param h H, R×N, updated in place
     */
    public MaskedNmfIteration(float[] v, float[] w, float[] h, int k, int r, int n, RowRanges activations, RowRanges templates,
                  Parallel par) {
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
    }

    public void step() {
        // H ← H ⊙ (WᵀV) ⊘ (WᵀW H + ε) and V Hᵀ of the new H, both in the one pass over Vᵀ.
        ops.gramRows(wt, kp, r, bandLo, bandHi, wtw, rp);
        hhtSum.clear();
        ops.transATilesThenMultiply(wt, kp, bandLo, bandHi, vt, updateH, h, bandLo, bandHi, hvt);
        // W ← W ⊙ (V Hᵀ) ⊘ (W H Hᵀ + ε), on each template's bins; H Hᵀ was summed per tile in updateH.
        hhtSum.sum(templateStep.hht);
        templateStep.update(wt, hvt, w);
    }

    /** The H update of one tile: num holds (WᵀV) of the active rows; entries outside H^C are 0 and stay 0. */
    private void updateH(int n0, int width, int[] rows, int[] from, int[] to, int count, float[] num, int slot) {
        int tile = MaskedOps.TILE;
        // All denominators first (they use the old H of every active row): WᵀW H on the active rows.
        float[] d = gramTimesH.multiply(wtw, h, n0, width, rows, count, slot);
        // On the SIMD kernel; entries outside H^C inside the row's span are 0 and stay 0 (0 · finite).
        for (int i = 0; i < count; i++) {
            int t = from[i] - n0;
            Products.multiplicativeUpdate(h, rows[i] * n + from[i], num, i * tile + t, d, i * tile + t,
                    to[i] - from[i], Products.EPSILON, Products.FLUSH_BELOW);
        }
        // This tile's share of H Hᵀ from the new H while it is in cache.
        hhtSum.add(h, n0, width, rows, count, slot);
    }
}
