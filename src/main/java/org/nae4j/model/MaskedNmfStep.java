package org.nae4j.model;

import org.nae4j.linalg.MaskedOps;
import org.nae4j.linalg.Parallel;
import org.nae4j.linalg.RowRanges;

/**
 * One NMF iteration (SPEC 3) on the entries the masks allow. H's update is fused into the pass over V that
 * computes WᵀV (V kept in tiles of 32 frames, each contiguous, and Vᵀ, whose tiles are contiguous anyway): per tile of frames, WᵀW·H is formed from the few active rows and H is updated at once, so
 * neither WᵀV nor WᵀWH is ever held in full. Then W's numerator V Hᵀ is computed as H Vᵀ over the active
 * rows of each tile, restricted per component to the bins its template can use. All arrays are allocated
 * here, once.
 */
final class MaskedNmfStep {
    /** V in the tiled layout of {@link MaskedOps#tileColumns} (each tile's K×32 block contiguous), or null. */
    private final float[] vTiled;
    /** V itself, used when no tiled copy was affordable ({@link MaskedOps#tiledCopyAffordable}). */
    private final float[] v;
    private final float[] vt;
    private final float[] w;
    private final float[] h;
    private final int k;
    private final int n;
    private final int r;
    /** R rounded up to whole kernel blocks, the row stride of the padded small matrices. */
    private final int rp;
    private final MaskedOps ops;
    private final int[] bandLo;
    private final int[] bandHi;
    /** Scratch of {@link MaskedOps#gramCols}: W with its rows padded to rp columns. */
    private final float[] wPad;
    private final float[] wtw;
    private final MaskedTemplates templateStep;
    private final TileGramProduct gramTimesH;
    /** H Hᵀ of the new H, summed per tile in the H update. */
    private final TileGramSum hhtSum;
    private final MaskedOps.TileAction updateH = this::updateH;

    MaskedNmfStep(float[] v, float[] vt, float[] w, float[] h, int k, int n, int r, RowRanges activations,
                  RowRanges templates, MaskedOps ops, Parallel par, boolean tiled) {
        this.v = v;
        this.vTiled = tiled ? MaskedOps.tileColumns(v, k, n) : null;
        this.vt = vt;
        this.w = w;
        this.h = h;
        this.k = k;
        this.n = n;
        this.r = r;
        this.rp = (r + MaskedOps.TILE - 1) / MaskedOps.TILE * MaskedOps.TILE;
        this.ops = ops;
        this.bandLo = templates.firsts();
        this.bandHi = templates.lasts();
        this.wPad = new float[k * rp];
        this.wtw = new float[r * rp];
        this.templateStep = new MaskedTemplates(ops, par, k, r, rp, bandLo, bandHi);
        this.gramTimesH = new TileGramProduct(ops, r, n, rp);
        this.hhtSum = new TileGramSum(ops, r, n);
    }

    void step() {
        // H ← H ⊙ (WᵀV) ⊘ (WᵀW H + ε), fused per tile.
        ops.gramCols(w, wPad, k, r, bandLo, bandHi, wtw, rp);
        hhtSum.clear();
        if (vTiled != null) {
            ops.transATilesTiled(w, k, bandLo, bandHi, vTiled, updateH);
        } else {
            ops.transATiles(w, k, bandLo, bandHi, v, updateH);
        }
        // W ← W ⊙ (V Hᵀ) ⊘ (W H Hᵀ + ε), on each template's bins; H Hᵀ was summed per tile in updateH.
        hhtSum.sum(templateStep.hht);
        templateStep.timesGram(w);
        templateStep.update(w, h, vt);
    }

    /** The H update of one tile: num holds (WᵀV) of the active rows; entries outside H^C are 0 and stay 0. */
    private void updateH(int n0, int width, int[] rows, int[] from, int[] to, int count, float[] num, int worker) {
        int tile = MaskedOps.TILE;
        // All denominators first (they use the old H of every active row): WᵀW H on the active rows.
        float[] d = gramTimesH.multiply(wtw, h, n0, width, rows, count, worker);
        for (int i = 0; i < count; i++) {
            int hi = rows[i] * n + n0;
            int di = i * tile;
            for (int t = from[i] - n0; t < to[i] - n0; t++) {
                float x = h[hi + t];
                if (x != 0f) {
                    float y = x * num[di + t] / (d[di + t] + Nmf.EPSILON);
                    h[hi + t] = y < Nmf.FLUSH_BELOW ? 0f : y;
                }
            }
        }
        // This tile's share of H Hᵀ from the new H while it is in cache.
        hhtSum.add(h, n0, width, rows, count, worker);
    }
}
