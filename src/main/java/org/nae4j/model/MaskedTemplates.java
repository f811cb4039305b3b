package org.nae4j.model;

import org.nae4j.linalg.MaskedOps;
import org.nae4j.linalg.Parallel;

/**
 * The template side that masked NMF and the masked autoencoders share: W (H Hᵀ) on the kernel, and the
 * multiplicative update of W (K×R) on each template's bins, its rows split among the threads. Holds H Hᵀ,
 * W (H Hᵀ) and H Vᵀ; allocates nothing after construction.
 */
final class MaskedTemplates {
    /** Rows of W per chunk when the update is split among the threads. */
    private static final int ROW_GRAIN = 64;
    private final MaskedOps ops;
    private final Parallel par;
    private final int k;
    private final int r;
    private final int rp;
    private final int[] bandLo;
    private final int[] bandHi;
    /** H Hᵀ (R×R), which the owner fills before {@link #timesGram}. */
    final float[] hht;
    private final float[] hhtPad;
    /** W (H Hᵀ), K×rp, after {@link #timesGram}. */
    final float[] whht;
    private final float[] hvt;
    private float[] xW;
    private float[] xHvt;
    private int xStride;
    private final Parallel.RangeBody updateBody = this::updateRows;

    /**
     * @param rp     the row stride of the padded small matrices, ≥ R (whole kernel vectors)
     * @param bandLo per template, the first bin W^C allows
     * @param bandHi per template, the end of the bins W^C allows
     */
    MaskedTemplates(MaskedOps ops, Parallel par, int k, int r, int rp, int[] bandLo, int[] bandHi) {
        this.ops = ops;
        this.par = par;
        this.k = k;
        this.r = r;
        this.rp = rp;
        this.bandLo = bandLo;
        this.bandHi = bandHi;
        this.hht = new float[r * r];
        this.hhtPad = new float[r * rp];
        this.whht = new float[k * rp];
        this.hvt = new float[r * k];
    }

    /** {@link #whht} = W (H Hᵀ) from {@link #hht} (its padding columns stay zero). */
    void timesGram(float[] w) {
        for (int i = 0; i < r; i++) {
            System.arraycopy(hht, i * r, hhtPad, i * rp, r);
        }
        ops.multiply(w, hhtPad, whht, k, r, rp);
    }

    /**
     * W ← W ⊙ (V Hᵀ) ⊘ (W H Hᵀ + ε) on each template's bins, after {@link #timesGram}, for W zero outside
     * those bins. Zeros stay zero, results below {@link Nmf#FLUSH_BELOW} become 0.
     */
    void update(float[] w, float[] h, float[] vt) {
        ops.multiplyMasked(h, vt, k, bandLo, bandHi, hvt);
        updateWith(w, hvt, k);
    }

    /**
     * As {@link #update}, with H Vᵀ given: R rows of {@code stride} ≥ K floats, computed at least on each
     * template's bins.
     */
    void updateWith(float[] w, float[] hvt, int stride) {
        xW = w;
        xHvt = hvt;
        xStride = stride;
        par.forRange(k, ROW_GRAIN, updateBody);
        xW = null;
        xHvt = null;
    }

    /** Rows [from, to) of the update; W is zero outside each template's bins, so the nonzero test keeps to them. */
    private void updateRows(int from, int to) {
        float[] w = xW;
        for (int p = from; p < to; p++) {
            int wi = p * r;
            int gi = p * rp;
            for (int c = 0; c < r; c++) {
                float x = w[wi + c];
                if (x != 0f) {
                    float y = x * xHvt[c * xStride + p] / (whht[gi + c] + Nmf.EPSILON);
                    w[wi + c] = y < Nmf.FLUSH_BELOW ? 0f : y;
                }
            }
        }
    }
}
