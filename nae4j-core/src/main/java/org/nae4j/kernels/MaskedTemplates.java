package org.nae4j.kernels;


/**
 * The template side that masked NMF and the masked autoencoders share: W (H Hᵀ) on the kernel, and the
 * multiplicative update of W on each template's bins, on Wᵀ with its bins split among the threads. Holds
 * H Hᵀ, W (H Hᵀ) and (H Hᵀ) Wᵀ; allocates nothing after construction.
 */
final class MaskedTemplates {
    /** Bins per block of the update: (H Hᵀ) Wᵀ of a block is still in cache when the block is updated. */
    private static final int BIN_BLOCK = 64;
    private final MaskedOps ops;
    private final Parallel par;
    private final int workers;
    private final int k;
    private final int r;
    private final int rp;
    private final int kp;
    /** H Hᵀ (R×R), which the owner fills before {@link #timesGram}. */
    final float[] hht;
    private final float[] hhtPad;
    /** W (H Hᵀ), K×rp, after {@link #timesGram}. */
    final float[] whht;
    /** (H Hᵀ) Wᵀ, R×kp, the update's denominators. */
    private final float[] whhtT;

    /**
     * @param rp the row stride of the padded small matrices, ≥ R (whole kernel vectors)
     * @param kp the row length of Wᵀ and H Vᵀ, ≥ K ({@link MaskedOps#paddedBins})
     */
    MaskedTemplates(MaskedOps ops, Parallel par, int k, int r, int rp, int kp) {
        this.ops = ops;
        this.par = par;
        this.workers = par.threads();
        this.k = k;
        this.r = r;
        this.rp = rp;
        this.kp = kp;
        this.hht = new float[r * r];
        this.hhtPad = new float[r * rp];
        this.whht = new float[k * rp];
        this.whhtT = new float[r * kp];
    }

    /** {@link #whht} = W (H Hᵀ) from {@link #hht} (its padding columns stay zero). */
    void timesGram(float[] w) {
        for (int i = 0; i < r; i++) {
            System.arraycopy(hht, i * r, hhtPad, i * rp, r);
        }
        ops.multiply(w, hhtPad, whht, k, r, rp);
    }

    /**
     * W ← W ⊙ (V Hᵀ) ⊘ (W (H Hᵀ) + ε) on each template's bins, computed on Wᵀ: the owner's working copy, R
     * rows of kp floats, zero outside each template's bins and past K. Takes {@link #hht} and H Vᵀ (R×kp,
     * computed at least on each template's bins; the owner's pass over V sums it), updates Wᵀ, and writes W
     * (K×R) from it. One parallel loop over blocks of bins: (H Hᵀ) Wᵀ of the block, the update on the SIMD
     * kernel (every operand contiguous), then the block's rows of W. Zeros stay zero, results below
     * {@link Products#FLUSH_BELOW} become 0; the same floats as updating W with W (H Hᵀ).
     */
    void update(float[] wt, float[] hvt, float[] w) {
        par.forRange(workers, 1, (long) (r + 2) * r * kp, (from, to) -> updatePart(wt, hvt, w, from, to));
    }

    /** Worker wk's blocks of bins of {@link #update}. */
    private void updatePart(float[] wt, float[] hvt, float[] w, int from, int to) {
        int blocks = (kp + BIN_BLOCK - 1) / BIN_BLOCK;
        for (int wk = from; wk < to; wk++) {
            for (int bl = blocks * wk / workers; bl < blocks * (wk + 1) / workers; bl++) {
                int b0 = bl * BIN_BLOCK;
                int b1 = Math.min(kp, b0 + BIN_BLOCK);
                // H Hᵀ is symmetric: row c of (H Hᵀ) Wᵀ sums the same products in the same order as column c
                // of W (H Hᵀ).
                ops.multiplyColumns(hht, r, r, wt, whhtT, kp, b0, b1, wk);
                for (int c = 0; c < r; c++) {
                    int o = c * kp + b0;
                    Products.multiplicativeUpdate(wt, o, hvt, o, whhtT, o, b1 - b0, Products.EPSILON,
                            Products.FLUSH_BELOW);
                }
                for (int p = b0; p < Math.min(b1, k); p++) {
                    for (int c = 0; c < r; c++) {
                        w[p * r + c] = wt[c * kp + p];
                    }
                }
            }
        }
    }
}
