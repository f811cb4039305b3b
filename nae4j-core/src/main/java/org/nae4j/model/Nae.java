package org.nae4j.model;

import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.Support;
import org.nae4j.kernels.Products;
import org.nae4j.kernels.Parallel;
import org.nae4j.optim.Optimizer;

/**
 * The constrained nonnegative autoencoder trained by an additive optimizer (method §4): forward pass
 * H = ReLU(W_E V) ⊙ H^C (ReLU, then structured dropout), V̂ = W_D H; loss = mean squared error over the K·N
 * entries; one {@link #step()} computes the analytic gradients of W_E and W_D from the same forward pass,
 * lets the optimizer update both, and projects W_D ← max(W_D, 0) ⊙ W^C. The optimizer is separate (one
 * instance per parameter array, from an {@link Optimizer.Factory}). The products run on the entries the masks
 * allow ({@link KernelChoice#MASKED}, see the mask-aware passes of {@code org.nae4j.kernels}) or on the reference path
 * ({@link KernelChoice#DENSE}); both give the same model up to float rounding. All work arrays are
 * allocated here.
 */
public final class Nae extends AutoencoderBase {
    /** Frames per tile of the masked product: a K × 256 tile of V (1 MiB for K = 1025) stays in L2. */
    static final int FRAME_TILE = 256;
    /** Entries of W_D per chunk when the projection is split among the threads. */
    private static final int PROJECT_GRAIN = 4096;
    /** Work per entry of an optimizer's step (Adam's moments, square root and division), for the serial threshold. */
    private static final int OPTIMIZER_WORK = 8;
    private final float[] wc;
    private final double vNormSquared;
    private final float[] wdt;
    private final float[] hht;
    private final float[] whht;
    private final float[] hvt;
    private final float[] wdtv;
    private final float[] wtw;
    private final float[] wtwh;
    private final float[] gd;
    private final float[] gh;
    private final float[] ge;
    private final Parallel.RangeBody projectBody = this::projectDecoder;
    private final Parallel.RangeBody optimizerBody = this::optimizerSteps;
    private final Optimizer encoderOptimizer;
    private final Optimizer decoderOptimizer;

    /** An autoencoder with the kernels chosen automatically ({@link KernelChoice#AUTO}). */
    public Nae(float[] v, Constraints c, NaeInit init, long seed, Optimizer.Factory optimizers, Workers workers) {
        this(v, c, init, seed, optimizers, workers, KernelChoice.AUTO);
    }

    /**
     * @param v          the magnitude spectrogram V, K×N (not modified, not copied: keep it unchanged)
     * @param c          the constraints (K, N, R, W^C, H^C)
     * @param init       how W_E and W_D start
     * @param seed       seed of the random encoder
     * @param optimizers creates the optimizer of W_E and that of W_D
     * @param workers    the threads to run the kernels on
     * @param kernels    dense, masked, or chosen by the masks' density
     */
    public Nae(float[] v, Constraints c, NaeInit init, long seed, Optimizer.Factory optimizers, Workers workers,
               KernelChoice kernels) {
        this(v, c, init, seed, null, optimizers, workers, kernels);
    }

    /**
     * An autoencoder that starts from trained weights, e.g. to refine a model on another recording of the
     * piece; the optimizers start fresh.
     *
     * @param start W_E and W_D to start from (K×R as the constraints)
     */
    public Nae(float[] v, Constraints c, NaeWeights start, Optimizer.Factory optimizers, Workers workers,
               KernelChoice kernels) {
        this(v, c, NaeInit.RANDOM, 0, java.util.Objects.requireNonNull(start, "start"), optimizers, workers, kernels);
    }

    private Nae(float[] v, Constraints c, NaeInit init, long seed, NaeWeights start, Optimizer.Factory optimizers,
                Workers workers, KernelChoice kernels) {
        super(v, c, init, seed, start, workers, kernels);
        this.wc = c.wc();
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        this.vNormSquared = sq;
        this.gd = new float[k * r];
        this.ge = new float[r * k];
        this.encoderOptimizer = optimizers.create(we.length);
        this.decoderOptimizer = optimizers.create(wd.length);
        boolean dense = masked == null;
        // The dense path's work arrays (R×N ones matter for long recordings).
        this.wdt = dense ? new float[r * k] : null;
        this.hht = dense ? new float[r * r] : null;
        this.whht = dense ? new float[k * r] : null;
        this.hvt = dense ? new float[r * k] : null;
        this.wdtv = dense ? new float[r * n] : null;
        this.wtw = dense ? new float[r * r] : null;
        this.wtwh = dense ? new float[r * n] : null;
        this.gh = dense ? new float[r * n] : null;
        forward();
    }

    @Override
    public void step() {
        gradients();
        // The two optimizers hold separate state and arrays: each runs on its own thread.
        par.forRange(2, 1, OPTIMIZER_WORK * (we.length + wd.length), optimizerBody);
        par.forRange(wd.length, PROJECT_GRAIN, wd.length, projectBody);
        forward();
    }

    /** H = ReLU(W_E V) ⊙ H^C for the current encoder. */
    void forward() {
        if (masked != null) {
            masked.encode(we, h);
            return;
        }
        encode(we, v, support, h, par);
    }

    /**
     * The gradients of the mean squared error at the current W_E, W_D (with H from {@link #forward()}), into
     * {@link #encoderGradient()} and {@link #decoderGradient()}: with E = W_D H − V and c = 2/(K·N),
     * G_D = c·E Hᵀ, G_H = c·W_Dᵀ E, G_E = (G_H ⊙ H^C ⊙ 1[W_E V > 0]) Vᵀ. Returns the loss.
     */
    double gradients() {
        float scale = (float) (2.0 / ((double) k * n));
        if (masked != null) {
            return masked.gradients(wd, h, scale, vNormSquared, gd, ge);
        }
        // E = W_D H − V is never formed: expanding it, every product either skips the zeros of H
        // (about 80 % of it) or is small (R×R Gram matrices), and no K×N array is needed.
        // G_D = c·(W_D (H Hᵀ) − V Hᵀ), with V Hᵀ = (H Vᵀ)ᵀ.
        Products.gramRows(h, r, n, hht);
        Products.multiply(wd, hht, whht, k, r, r, par);
        Products.multiply(h, vt, hvt, r, n, k, par);
        for (int p = 0; p < k; p++) {
            for (int c = 0; c < r; c++) {
                gd[p * r + c] = scale * (whht[p * r + c] - hvt[c * k + p]);
            }
        }
        // G_H = c·((W_Dᵀ W_D) H − W_Dᵀ V), kept only where the unit is active: H > 0 exactly where
        // H^C = 1 and W_E V > 0, so W_Dᵀ V is needed only inside H^C.
        Products.transpose(wd, k, r, wdt);
        maskedProduct(wdt, v, support, wdtv, par);
        Products.gramCols(wd, k, r, wtw);
        Products.multiply(wtw, h, wtwh, r, r, n, par);
        double cross = 0;
        for (int i = 0; i < gh.length; i++) {
            cross += (double) wdtv[i] * h[i];
            gh[i] = h[i] > 0f ? scale * (wtwh[i] - wdtv[i]) : 0f;
        }
        // G_E = (masked G_H) Vᵀ, skipping the masked-out zeros.
        Products.multiply(gh, vt, ge, r, n, k, par);
        // ‖E‖² = ‖V‖² − 2⟨W_Dᵀ V, H⟩ + ⟨W_Dᵀ W_D, H Hᵀ⟩
        double fit = 0;
        for (int i = 0; i < wtw.length; i++) {
            fit += (double) wtw[i] * hht[i];
        }
        return (vNormSquared - 2 * cross + fit) / ((double) k * n);
    }

    /** Optimizer steps [from, to) of {encoder, decoder}. */
    private void optimizerSteps(int from, int to) {
        for (int i = from; i < to; i++) {
            if (i == 0) {
                encoderOptimizer.step(we, ge);
            } else {
                decoderOptimizer.step(wd, gd);
            }
        }
    }

    /** W_D ← max(W_D, 0) ⊙ W^C (method §4) on the entries [from, to), in place. */
    private void projectDecoder(int from, int to) {
        for (int i = from; i < to; i++) {
            wd[i] = wc[i] == 0f || wd[i] < 0f ? 0f : wd[i];
        }
    }

    /**
     * The encoder's forward pass H = ReLU(W_E V) ⊙ H^C, computed only inside H^C.
     *
     * @param we W_E, R×K
     * @param v  V, K×N
     * @param s  the constraints' structure (R, K, N and the frame intervals of H^C)
     * @param h  receives H, R×N
     */
    public static void encode(float[] we, float[] v, Support s, float[] h, Workers workers) {
        encode(we, v, s, h, workers.pool());
    }

    static void encode(float[] we, float[] v, Support s, float[] h, Parallel par) {
        maskedProduct(we, v, s, h, par);
        for (int i = 0; i < h.length; i++) {
            h[i] = Math.max(h[i], 0f);
        }
    }

    /**
     * out = (A V) ⊙ H^C for A R×K and V K×N, computing only the entries inside the frame intervals of H^C
     * (16–22 % of them for real scores); the rest are 0. Frames are processed in tiles so that a tile of V
     * stays in cache for all R rows; tiles run in parallel, each sum in a fixed order (thread-independent).
     */
    static void maskedProduct(float[] a, float[] v, Support s, float[] out, Parallel par) {
        int r = s.rank();
        int k = s.bins();
        int n = s.frames();
        if (a.length != r * k || v.length != k * n || out.length != r * n) {
            throw new IllegalArgumentException("expected A " + r + "×" + k + ", V " + k + "×" + n + ", out " + r + "×" + n);
        }
        int[][] intervals = new int[r][];
        for (int c = 0; c < r; c++) {
            intervals[c] = s.intervals().ranges(c);
        }
        par.forRange(n, FRAME_TILE, (long) r * k * n, (from, to) -> {
            for (int j0 = from; j0 < to; j0 += FRAME_TILE) {
                int j1 = Math.min(to, j0 + FRAME_TILE);
                for (int c = 0; c < r; c++) {
                    java.util.Arrays.fill(out, c * n + j0, c * n + j1, 0f);
                    int[] iv = intervals[c];
                    for (int q = 0; q < iv.length; q += 2) {
                        int lo = Math.max(iv[q], j0);
                        int hi = Math.min(iv[q + 1], j1);
                        if (lo < hi) {
                            accumulateRow(a, c * k, k, v, n, lo, hi, out, c * n);
                        }
                    }
                }
            }
        });
    }

    /** out[o + lo .. o + hi) += Σ_p a[ao + p] · V[p, lo .. hi). */
    private static void accumulateRow(float[] a, int ao, int k, float[] v, int n, int lo, int hi, float[] out, int o) {
        for (int p = 0; p < k; p++) {
            float w = a[ao + p];
            if (w == 0f) {
                continue;
            }
            int vo = p * n;
            for (int j = lo; j < hi; j++) {
                out[o + j] += w * v[vo + j];
            }
        }
    }

    /**
     * Scales row c of the encoder W_E (R×K) by the ℓ1 norm of column c of W_D (K×R), as
     * {@link Normalization#l1Columns} scales the rows of H: ReLU is positively homogeneous, so the returned
     * encoder reproduces the rescaled H. Zero columns leave their row unchanged. Returns a new array.
     */
    public static float[] normalizeEncoder(float[] we, float[] wd, int k, int r) {
        float[] out = we.clone();
        for (int c = 0; c < r; c++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s += Math.abs(wd[p * r + c]);
            }
            if (s == 0) {
                continue;
            }
            float scale = (float) s;
            for (int p = 0; p < k; p++) {
                out[c * k + p] = we[c * k + p] * scale;
            }
        }
        return out;
    }

    /** The gradient of the loss with respect to W_E, R×K, from the last {@link #gradients()}. */
    float[] encoderGradient() {
        return ge;
    }

    /** The gradient of the loss with respect to W_D, K×R, from the last {@link #gradients()}. */
    float[] decoderGradient() {
        return gd;
    }
}
