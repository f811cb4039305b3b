package org.nae4j.model;

import org.nae4j.constraints.Constraints;
import org.nae4j.kernels.Products;
import org.nae4j.kernels.Parallel;

/**
 * The constrained nonnegative autoencoder trained with the multiplicative rule of the paper's Eq. 3
 * (method §4). One iteration updates the encoder, recomputes H, then updates the decoder:
 * W_E ← W_E ⊙ (((W_Dᵀ V) ⊙ H^C) Vᵀ) ⊘ (((W_Dᵀ W_D H) ⊙ H^C) Vᵀ + ε),
 * W_D ← W_D ⊙ (V Hᵀ) ⊘ (W_D H Hᵀ + ε), ε = float32 machine epsilon. Entries that are zero stay zero, so
 * W_D stays inside W^C. The start must be nonnegative ({@link NaeInit#LITERAL} is not). The products run
 * on the entries the masks allow ({@link KernelChoice#MASKED}, see the mask-aware passes of {@code org.nae4j.kernels}) or on the
 * reference path ({@link KernelChoice#DENSE}), with the same results up to float rounding. All work arrays
 * are allocated here.
 */
public final class NaeMultiplicative extends AutoencoderBase {
    /** Entries of W_E per chunk when its update is split among the threads. */
    private static final int UPDATE_GRAIN = 4096;
    private final Parallel.RangeBody encoderUpdate = this::updateEncoder;
    private final float[] hc;
    private final float[] wdt;
    private final float[] wdtv;
    private final float[] wtw;
    private final float[] wtwh;
    private final float[] encNum;
    private final float[] encDen;
    private final float[] hvt;
    private final float[] vht;
    private final float[] hht;
    private final float[] whht;

    /** The multiplicative autoencoder with the kernels chosen automatically ({@link KernelChoice#AUTO}). */
    public NaeMultiplicative(float[] v, Constraints c, NaeInit init, long seed, Workers workers) {
        this(v, c, init, seed, workers, KernelChoice.AUTO);
    }

    /**
     * @param v    the magnitude spectrogram V, K×N, ≥ 0 (not modified, not copied: keep it unchanged)
     * @param c    the constraints (K, N, R, W^C, H^C)
     * @param init how W_E and W_D start: {@link NaeInit#RANDOM} or {@link NaeInit#TIED}
     * @param seed seed of the random encoder
     * @param workers the threads to run the kernels on
     * @param kernels dense, masked, or chosen by the masks' density
     * @throws IllegalArgumentException for {@link NaeInit#LITERAL}, whose negative encoder entries the
     *                                  multiplicative rule cannot handle
     */
    public NaeMultiplicative(float[] v, Constraints c, NaeInit init, long seed, Workers workers,
                             KernelChoice kernels) {
        this(v, c, nonnegativeStart(init), seed, null, workers, kernels);
    }

    /**
     * The multiplicative autoencoder starting from trained weights, e.g. to refine a model on another
     * recording of the piece.
     *
     * @param start W_E and W_D to start from (K×R as the constraints), all ≥ 0
     * @throws IllegalArgumentException if {@code start} has negative entries
     */
    public NaeMultiplicative(float[] v, Constraints c, NaeWeights start, Workers workers, KernelChoice kernels) {
        this(v, c, NaeInit.RANDOM, 0, nonnegativeStart(start), workers, kernels);
    }

    private NaeMultiplicative(float[] v, Constraints c, NaeInit init, long seed, NaeWeights start, Workers workers,
                              KernelChoice kernels) {
        super(v, c, init, seed, start, workers, kernels);
        this.hc = c.hc();
        this.encNum = new float[r * k];
        this.encDen = new float[r * k];
        // The dense path's work arrays (R×N ones matter for long recordings).
        boolean dense = masked == null;
        this.wdt = dense ? new float[r * k] : null;
        this.wdtv = dense ? new float[r * n] : null;
        this.wtw = dense ? new float[r * r] : null;
        this.wtwh = dense ? new float[r * n] : null;
        this.hvt = dense ? new float[r * k] : null;
        this.vht = dense ? new float[k * r] : null;
        this.hht = dense ? new float[r * r] : null;
        this.whht = dense ? new float[k * r] : null;
        Nae.encode(we, v, support, h, par);
    }

    /** Entries [from, to) of Eq. 3's encoder update, from the factors {@code encoderFactors} left. */
    private void updateEncoder(int from, int to) {
        Nmf.multiplicativeUpdate(we, encNum, encDen, from, to);
    }

    private static NaeWeights nonnegativeStart(NaeWeights start) {
        if (!start.nonnegative()) {
            throw new IllegalArgumentException("the multiplicative NAE needs a nonnegative start; the given W_E or "
                    + "W_D has negative entries (train it on with an additive optimizer instead)");
        }
        return start;
    }

    private static NaeInit nonnegativeStart(NaeInit init) {
        if (init == NaeInit.LITERAL) {
            throw new IllegalArgumentException("the multiplicative NAE needs a nonnegative start; init '"
                    + init.id() + "' has negative encoder entries (use " + NaeInit.RANDOM.id() + " or "
                    + NaeInit.TIED.id() + ")");
        }
        return init;
    }

    @Override
    public void step() {
        if (masked != null) {
            masked.encoderFactors(wd, h, encNum, encDen);
            par.forRange(we.length, UPDATE_GRAIN, we.length, encoderUpdate);
            masked.encodeAndUpdateDecoder(we, wd, h);
            return;
        }
        // Encoder: numerator ((W_Dᵀ V) ⊙ H^C) Vᵀ, denominator ((W_Dᵀ W_D H) ⊙ H^C) Vᵀ; the masked
        // factors are 80 % zeros, which the products with Vᵀ skip.
        Products.transpose(wd, k, r, wdt);
        Nae.maskedProduct(wdt, v, support, wdtv, par);
        Products.multiply(wdtv, vt, encNum, r, n, k, par);
        Products.gramCols(wd, k, r, wtw);
        Products.multiply(wtw, h, wtwh, r, r, n, par);
        mask(wtwh, hc);
        Products.multiply(wtwh, vt, encDen, r, n, k, par);
        Nmf.multiplicativeUpdate(we, encNum, encDen);
        Nae.encode(we, v, support, h, par);
        // Decoder, as NMF's W update: V Hᵀ = (H Vᵀ)ᵀ.
        Products.multiply(h, vt, hvt, r, n, k, par);
        Products.transpose(hvt, r, k, vht);
        Products.gramRows(h, r, n, hht);
        Products.multiply(wd, hht, whht, k, r, r, par);
        Nmf.multiplicativeUpdate(wd, vht, whht);
    }

    private static void mask(float[] x, float[] m) {
        for (int i = 0; i < x.length; i++) {
            if (m[i] == 0f) {
                x[i] = 0f;
            }
        }
    }
}
