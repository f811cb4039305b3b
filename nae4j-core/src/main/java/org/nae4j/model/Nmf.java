package org.nae4j.model;

import org.nae4j.constraints.Constraints;
import org.nae4j.kernels.Products;
import org.nae4j.kernels.MaskedNmfIteration;
import org.nae4j.kernels.Parallel;
import org.nae4j.constraints.RowRanges;

/**
 * Score-informed NMF with the multiplicative updates of Lee and Seung for the Euclidean loss (paper Eq. 2,
 * method §3): each iteration updates H first, then W. Initialised with W = W^C and H = H^C, so entries the
 * constraints rule out start at zero and stay zero. The products run either on the entries the masks
 * allow ({@link KernelChoice#MASKED}, the default when it saves work) or densely (the reference); both give
 * the same factors up to float rounding. All work arrays are allocated once, here.
 */
public final class Nmf implements Factorization {
    /** Guards the division (method §3: machine epsilon of float32). */
    public static final float EPSILON = Products.EPSILON;
    /** Updated entries below this are set to zero, so that no kernel runs on subnormal floats. */
    public static final float FLUSH_BELOW = Products.FLUSH_BELOW;

    private final float[] v;
    private final float[] vt;
    private final int k;
    private final int n;
    private final int r;
    private final Parallel par;
    private final float[] w;
    private final float[] h;
    private final KernelChoice kernels;
    private final MaskedNmfIteration masked;
    private final float[] wtv;
    private final float[] wtw;
    private final float[] wtwh;
    private final float[] vht;
    private final float[] hht;
    private final float[] whht;
    private final float[] hvt;
    private final int innerH;
    private final int innerW;
    private final double stopSquared;
    /** (WᵀW) H of one tile, for the accelerated H update (dense path). */
    private final float[] tileDen;

    /** Frames per tile of the accelerated H update's stopping rule (the masked kernels' tile). */
    static final int TILE = 32;

    /** NMF with the kernels chosen automatically ({@link KernelChoice#AUTO}). */
    public Nmf(float[] v, Constraints c, Workers workers) {
        this(v, c, workers, KernelChoice.AUTO);
    }

    /**
     * @param v       the magnitude spectrogram V, K×N row-major (not modified, not copied: keep it unchanged)
     * @param c       the constraints, giving K, N, R and the initial W^C, H^C
     * @param workers the threads to run the kernels on
     * @param kernels dense, masked, or chosen by the masks' density
     */
    public Nmf(float[] v, Constraints c, Workers workers, KernelChoice kernels) {
        this(v, c, workers, kernels, Acceleration.NONE);
    }

    /**
     * @param v            the magnitude spectrogram V, K×N row-major (not modified, not copied: keep it unchanged)
     * @param c            the constraints, giving K, N, R and the initial W^C, H^C
     * @param workers      the threads to run the kernels on
     * @param kernels      dense, masked, or chosen by the masks' density
     * @param acceleration inner updates per iteration ({@link Acceleration#NONE}: the paper's plain updates)
     */
    public Nmf(float[] v, Constraints c, Workers workers, KernelChoice kernels, Acceleration acceleration) {
        this.k = c.bins();
        this.n = c.frames();
        this.r = c.rank();
        this.v = v;
        this.par = workers.pool();
        this.w = c.wc().clone();
        this.h = c.hc().clone();
        RowRanges activations = c.support().intervals();
        RowRanges templates = c.support().bands();
        this.kernels = kernels.resolve(maskedFraction(activations, templates));
        if (this.kernels == KernelChoice.MASKED) {
            if (v.length != (long) k * n) {
                throw new IllegalArgumentException("V must be K×N = " + k + "×" + n);
            }
            this.masked = new MaskedNmfIteration(v, w, h, k, r, n, activations, templates, par,
                    acceleration.innerH(k, r, n), acceleration.innerW(k, r, n), acceleration.delta());
            this.vt = null;
            this.wtv = null;
            this.wtw = null;
            this.wtwh = null;
            this.vht = null;
            this.hht = null;
            this.whht = null;
            this.hvt = null;
        } else {
            this.masked = null;
            this.vt = Products.transposeSpectrogram(v, k, n);
            this.wtv = new float[r * n];
            this.wtw = new float[r * r];
            this.wtwh = new float[r * n];
            this.vht = new float[k * r];
            this.hht = new float[r * r];
            this.whht = new float[k * r];
            this.hvt = new float[r * k];
        }
        this.innerH = acceleration.innerH(k, r, n);
        this.innerW = acceleration.innerW(k, r, n);
        this.stopSquared = acceleration.delta() * acceleration.delta();
        this.tileDen = masked == null && innerH > 1 ? new float[r * TILE] : null;
    }

    /**
     * Multiply-adds of the two large products (WᵀV, VHᵀ) restricted to the masks, over their dense count
     * 2·K·N·R: the least work a mask-aware iteration can do, relative to a dense one.
     */
    public static double maskedFraction(RowRanges activations, RowRanges templates) {
        double dense = (double) templates.length() * activations.length() * activations.rows();
        return dense == 0 ? 0 : activations.pairedCount(templates) / dense;
    }

    /** The kernels this instance runs (DENSE or MASKED, never AUTO). */
    public KernelChoice kernels() {
        return kernels;
    }

    @Override
    public void step() {
        if (masked != null) {
            masked.step();
            return;
        }
        // H ← H ⊙ (WᵀV) ⊘ (WᵀW H + ε)
        Products.multiplyTransA(w, v, wtv, k, r, n, par);
        Products.gramCols(w, k, r, wtw);
        if (innerH == 1) {
            Products.multiply(wtw, h, wtwh, r, r, n, par);
            multiplicativeUpdate(h, wtv, wtwh);
        } else {
            for (int n0 = 0; n0 < n; n0 += TILE) {
                updateTileRepeatedly(n0, Math.min(n, n0 + TILE));
            }
        }
        // W ← W ⊙ (V Hᵀ) ⊘ (W H Hᵀ + ε)
        // V Hᵀ = (H Vᵀ)ᵀ: with Vᵀ kept, the long loops run over K and skip the zeros of H.
        Products.multiply(h, vt, hvt, r, n, k, par);
        Products.transpose(hvt, r, k, vht);
        Products.gramRows(h, r, n, hht);
        if (innerW == 1) {
            Products.multiply(w, hht, whht, k, r, r, par);
            multiplicativeUpdate(w, vht, whht);
            return;
        }
        double first = 0;
        for (int l = 0; l < innerW; l++) {
            Products.multiply(w, hht, whht, k, r, r, par);
            double change = updateMeasured(w, vht, whht);
            if (l == 0) {
                first = change;
            } else if (change <= stopSquared * first) {
                break;
            }
        }
    }

    /**
     * Up to innerH updates of H's frames [n0, n1) with the same WᵀV and WᵀW (columns are independent
     * subproblems), until one changes the tile by at most δ times the first: accelerated MU's H loop as the
     * masked kernels run it per tile.
     */
    private void updateTileRepeatedly(int n0, int n1) {
        double first = 0;
        for (int l = 0; l < innerH; l++) {
            for (int c = 0; c < r; c++) {
                for (int j = n0; j < n1; j++) {
                    float d = 0;
                    for (int q = 0; q < r; q++) {
                        d += wtw[c * r + q] * h[q * n + j];
                    }
                    tileDen[c * TILE + j - n0] = d;
                }
            }
            double change = 0;
            for (int c = 0; c < r; c++) {
                for (int j = n0; j < n1; j++) {
                    float old = h[c * n + j];
                    float y = old * wtv[c * n + j] / (tileDen[c * TILE + j - n0] + EPSILON);
                    y = y < FLUSH_BELOW ? 0f : y;
                    h[c * n + j] = y;
                    change += (double) (y - old) * (y - old);
                }
            }
            if (l == 0) {
                first = change;
            } else if (change <= stopSquared * first) {
                return;
            }
        }
    }

    /** {@link #multiplicativeUpdate(float[], float[], float[])}, returning ‖x_new − x_old‖². */
    private static double updateMeasured(float[] x, float[] num, float[] den) {
        double change = 0;
        for (int i = 0; i < x.length; i++) {
            float old = x[i];
            float y = old * num[i] / (den[i] + EPSILON);
            y = y < FLUSH_BELOW ? 0f : y;
            x[i] = y;
            change += (double) (y - old) * (y - old);
        }
        return change;
    }

    /** x ← x ⊙ num ⊘ (den + ε); zeros of x stay exactly zero; results below {@link #FLUSH_BELOW} become 0. */
    public static void multiplicativeUpdate(float[] x, float[] num, float[] den) {
        multiplicativeUpdate(x, num, den, 0, x.length);
    }

    /** {@link #multiplicativeUpdate(float[], float[], float[])} on the entries [from, to). */
    static void multiplicativeUpdate(float[] x, float[] num, float[] den, int from, int to) {
        Products.multiplicativeUpdate(x, from, num, from, den, from, to - from, EPSILON, FLUSH_BELOW);
    }

    @Override
    public float[] templates() {
        return w;
    }

    @Override
    public float[] activations() {
        return h;
    }
}
