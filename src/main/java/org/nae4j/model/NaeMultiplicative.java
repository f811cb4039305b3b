package org.nae4j.model;

import org.nae4j.constraints.Constraints;
import org.nae4j.linalg.DenseOps;
import org.nae4j.linalg.Parallel;

/**
 * The constrained nonnegative autoencoder trained with the multiplicative rule of the paper's Eq. 3
 * (SPEC 4). One iteration updates the encoder, recomputes H, then updates the decoder:
 * W_E ← W_E ⊙ (((W_Dᵀ V) ⊙ H^C) Vᵀ) ⊘ (((W_Dᵀ W_D H) ⊙ H^C) Vᵀ + ε),
 * W_D ← W_D ⊙ (V Hᵀ) ⊘ (W_D H Hᵀ + ε), ε = float32 machine epsilon. Entries that are zero stay zero, so
 * W_D stays inside W^C. The start must be nonnegative ({@link NaeInit#LITERAL} is not). All work arrays are
 * allocated here.
 */
public final class NaeMultiplicative implements Autoencoder {
    private final float[] v;
    private final float[] hc;
    private final float[] vt;
    private final org.nae4j.constraints.Support support;
    private final int k;
    private final int n;
    private final int r;
    private final Parallel par;
    private final float[] we;
    private final float[] wd;
    private final float[] wdt;
    private final float[] h;
    private final float[] wdtv;
    private final float[] wtw;
    private final float[] wtwh;
    private final float[] encNum;
    private final float[] encDen;
    private final float[] hvt;
    private final float[] vht;
    private final float[] hht;
    private final float[] whht;

    /**
     * @param v    the magnitude spectrogram V, K×N, ≥ 0 (not modified, not copied: keep it unchanged)
     * @param c    the constraints (K, N, R, W^C, H^C)
     * @param init how W_E and W_D start: {@link NaeInit#RANDOM} or {@link NaeInit#TIED}
     * @param seed seed of the random encoder
     * @param par  the threads to run the kernels on
     * @throws IllegalArgumentException for {@link NaeInit#LITERAL}, whose negative encoder entries the
     *                                  multiplicative rule cannot handle
     */
    public NaeMultiplicative(float[] v, Constraints c, NaeInit init, long seed, Parallel par) {
        if (init == NaeInit.LITERAL) {
            throw new IllegalArgumentException("the multiplicative NAE needs a nonnegative start; init '"
                    + init.id() + "' has negative encoder entries (use " + NaeInit.RANDOM.id() + " or "
                    + NaeInit.TIED.id() + ")");
        }
        this.k = c.bins();
        this.n = c.frames();
        this.r = c.rank();
        if (v.length != k * n) {
            throw new IllegalArgumentException("V must be K×N = " + k + "×" + n);
        }
        this.v = v;
        this.vt = new float[k * n];
        DenseOps.transpose(v, k, n, vt);
        this.hc = c.hc();
        this.support = c.support();
        this.par = par;
        this.we = new float[r * k];
        this.wd = new float[k * r];
        NaeInitialization.initialise(v, c, init, seed, we, wd, par);
        this.wdt = new float[r * k];
        this.h = new float[r * n];
        this.wdtv = new float[r * n];
        this.wtw = new float[r * r];
        this.wtwh = new float[r * n];
        this.encNum = new float[r * k];
        this.encDen = new float[r * k];
        this.hvt = new float[r * k];
        this.vht = new float[k * r];
        this.hht = new float[r * r];
        this.whht = new float[k * r];
        Nae.encode(we, v, support, h, par);
    }

    @Override
    public void step() {
        // Encoder: numerator ((W_Dᵀ V) ⊙ H^C) Vᵀ, denominator ((W_Dᵀ W_D H) ⊙ H^C) Vᵀ; the masked
        // factors are 80 % zeros, which the products with Vᵀ skip.
        DenseOps.transpose(wd, k, r, wdt);
        Nae.maskedProduct(wdt, v, support, wdtv, par);
        DenseOps.multiply(wdtv, vt, encNum, r, n, k, par);
        DenseOps.gramCols(wd, k, r, wtw);
        DenseOps.multiply(wtw, h, wtwh, r, r, n, par);
        mask(wtwh, hc);
        DenseOps.multiply(wtwh, vt, encDen, r, n, k, par);
        Nmf.multiplicativeUpdate(we, encNum, encDen);
        Nae.encode(we, v, support, h, par);
        // Decoder, as NMF's W update: V Hᵀ = (H Vᵀ)ᵀ.
        DenseOps.multiply(h, vt, hvt, r, n, k, par);
        DenseOps.transpose(hvt, r, k, vht);
        DenseOps.gramRows(h, r, n, hht);
        DenseOps.multiply(wd, hht, whht, k, r, r, par);
        Nmf.multiplicativeUpdate(wd, vht, whht);
    }

    private static void mask(float[] x, float[] m) {
        for (int i = 0; i < x.length; i++) {
            if (m[i] == 0f) {
                x[i] = 0f;
            }
        }
    }

    @Override
    public float[] encoder() {
        return we;
    }

    @Override
    public float[] templates() {
        return wd;
    }

    @Override
    public float[] activations() {
        return h;
    }
}
