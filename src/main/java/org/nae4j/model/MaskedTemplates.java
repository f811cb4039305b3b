package org.nae4j.model;

import org.nae4j.linalg.MaskedOps;

/**
 * The template-side steps that masked NMF and the masked autoencoders share: W (H Hᵀ) on the kernel, and
 * the multiplicative update of W on each template's bins.
 */
final class MaskedTemplates {
    private MaskedTemplates() {
    }

    /**
     * out (K×rp) = W · (H Hᵀ); {@code hhtPad} (R×rp) receives H Hᵀ padded to the kernel's row stride.
     */
    static void timesGram(MaskedOps ops, float[] w, float[] hht, float[] hhtPad, float[] out, int k, int r, int rp) {
        for (int i = 0; i < r; i++) {
            System.arraycopy(hht, i * r, hhtPad, i * rp, r);
        }
        ops.multiply(w, hhtPad, out, k, r, rp);
    }

    /**
     * W ← W ⊙ (V Hᵀ) ⊘ (W H Hᵀ + ε) on each template's bins [bandLo, bandHi), given {@code whht} = W H Hᵀ
     * (K×rp), for W zero outside those bins; {@code hvt} (R×K) receives H Vᵀ (on the bins). Zeros stay zero,
     * results below {@link Nmf#FLUSH_BELOW} become 0.
     */
    static void update(MaskedOps ops, float[] w, float[] h, float[] vt, float[] whht, float[] hvt, int k, int r,
                       int rp, int[] bandLo, int[] bandHi) {
        ops.multiplyMasked(h, vt, k, bandLo, bandHi, hvt);
        // Row by row of W (and of W H Hᵀ): W is zero outside each template's bins and stays zero, so the
        // nonzero test alone keeps the update on the bins.
        for (int p = 0; p < k; p++) {
            int wi = p * r;
            int gi = p * rp;
            for (int c = 0; c < r; c++) {
                float x = w[wi + c];
                if (x != 0f) {
                    float y = x * hvt[c * k + p] / (whht[gi + c] + Nmf.EPSILON);
                    w[wi + c] = y < Nmf.FLUSH_BELOW ? 0f : y;
                }
            }
        }
    }
}
