package org.nae4j.model;

import org.nae4j.linalg.MaskedOps;
import org.nae4j.linalg.Parallel;

/**
 * The template side that masked NMF and the masked autoencoders share: W (H Hᵀ) on the kernel, and the
 * multiplicative update of W (K×R) on each template's bins, its rows split among the threads. Holds H Hᵀ and
 * W (H Hᵀ); allocates nothing after construction.
 */
final class MaskedTemplates {
    /** Rows of W per block of the update: W (H Hᵀ) of a block is still in cache when the block is updated. */
    private static final int ROW_GRAIN = 64;
    private final MaskedOps ops;
    private final Parallel par;
    private final int workers;
    private final int k;
    private final int r;
    private final int rp;
    /** H Hᵀ (R×R), which the owner fills before {@link #timesGram}. */
    final float[] hht;
    private final float[] hhtPad;
    /** W (H Hᵀ), K×rp, after {@link #timesGram}. */
    final float[] whht;
    private float[] xW;
    private float[] xHvt;
    private int xStride;
    private final Parallel.RangeBody updateBody = this::updatePart;

    /**
     * @param rp     the row stride of the padded small matrices, ≥ R (whole kernel vectors)
     */
    MaskedTemplates(MaskedOps ops, Parallel par, int k, int r, int rp) {
        this.ops = ops;
        this.par = par;
        this.workers = ops.workers();
        this.k = k;
        this.r = r;
        this.rp = rp;
        this.hht = new float[r * r];
        this.hhtPad = new float[r * rp];
        this.whht = new float[k * rp];
    }

    /** {@link #whht} = W (H Hᵀ) from {@link #hht} (its padding columns stay zero). */
    void timesGram(float[] w) {
        padGram();
        ops.multiply(w, hhtPad, whht, k, r, rp);
    }

    private void padGram() {
        for (int i = 0; i < r; i++) {
            System.arraycopy(hht, i * r, hhtPad, i * rp, r);
        }
    }

    /**
     * W ← W ⊙ (V Hᵀ) ⊘ (W (H Hᵀ) + ε) on each template's bins, for W zero outside those bins, from
     * {@link #hht} and H Vᵀ (R rows of {@code stride} ≥ K floats, computed at least on each template's bins;
     * the owner's pass over V sums it). One parallel loop: each thread forms W (H Hᵀ) for a block of W's rows
     * and updates those rows at once. Zeros stay zero, results below {@link Nmf#FLUSH_BELOW} become 0.
     */
    void update(float[] w, float[] hvt, int stride) {
        padGram();
        xW = w;
        xHvt = hvt;
        xStride = stride;
        par.forRange(workers, 1, updateBody);
        xW = null;
        xHvt = null;
    }

    /** Worker w's rows of {@link #update}, {@value #ROW_GRAIN} at a time. */
    private void updatePart(int from, int to) {
        for (int wk = from; wk < to; wk++) {
            int p1 = (int) ((long) k * (wk + 1) / workers);
            for (int p = (int) ((long) k * wk / workers); p < p1; p += ROW_GRAIN) {
                int q = Math.min(p1, p + ROW_GRAIN);
                ops.multiplyRows(xW, hhtPad, whht, r, rp, p, q, wk);
                updateRows(p, q);
            }
        }
    }

    /** Rows [from, to) of the update; W is zero outside each template's bins, so the nonzero test keeps to them. */
    private void updateRows(int from, int to) {
        float[] w = xW;
        for (int p = from; p < to; p++) {
            int wi = p * r;
            int gi = p * rp;
            // No test for zeros: a zero entry gives 0 · (finite) = 0, and a branch the data decides (W^C's
            // pattern along the row) mispredicts often.
            for (int c = 0; c < r; c++) {
                float y = w[wi + c] * xHvt[c * xStride + p] / (whht[gi + c] + Nmf.EPSILON);
                w[wi + c] = y < Nmf.FLUSH_BELOW ? 0f : y;
            }
        }
    }
}
