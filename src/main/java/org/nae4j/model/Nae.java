package org.nae4j.model;

import org.nae4j.constraints.Constraints;
import org.nae4j.linalg.DenseOps;
import org.nae4j.linalg.Parallel;
import org.nae4j.optim.Optimizer;

/**
 * The constrained nonnegative autoencoder trained by an additive optimizer (SPEC 4): forward pass
 * H = ReLU(W_E V) ⊙ H^C (ReLU, then structured dropout), V̂ = W_D H; loss = mean squared error over the K·N
 * entries; one {@link #step()} computes the analytic gradients of W_E and W_D from the same forward pass,
 * lets the optimizer update both, and projects W_D ← max(W_D, 0) ⊙ W^C. The optimizer is separate (one
 * instance per parameter array, from an {@link Optimizer.Factory}). All work arrays are allocated here.
 */
public final class Nae implements Autoencoder {
    private final float[] v;
    private final float[] vt;
    private final float[] wc;
    private final int k;
    private final int n;
    private final int r;
    private final Parallel par;
    private final float[] hc;
    private final float[] we;
    private final float[] wd;
    private final float[] z;
    private final float[] h;
    private final float[] e;
    private final float[] et;
    private final float[] het;
    private final float[] gd;
    private final float[] gh;
    private final float[] ge;
    private final Optimizer encoderOptimizer;
    private final Optimizer decoderOptimizer;

    /**
     * @param v          the magnitude spectrogram V, K×N (not modified, not copied: keep it unchanged)
     * @param c          the constraints (K, N, R, W^C, H^C)
     * @param init       how W_E and W_D start
     * @param seed       seed of the random encoder
     * @param optimizers creates the optimizer of W_E and that of W_D
     * @param par        the threads to run the kernels on
     */
    public Nae(float[] v, Constraints c, NaeInit init, long seed, Optimizer.Factory optimizers, Parallel par) {
        this.k = c.bins();
        this.n = c.frames();
        this.r = c.rank();
        if (v.length != k * n) {
            throw new IllegalArgumentException("V must be K×N = " + k + "×" + n);
        }
        this.v = v;
        this.vt = new float[k * n];
        DenseOps.transpose(v, k, n, vt);
        this.wc = c.wc();
        this.hc = c.hc();
        this.par = par;
        this.we = new float[r * k];
        this.wd = new float[k * r];
        NaeInitialization.initialise(v, c, init, seed, we, wd, par);
        this.z = new float[r * n];
        this.h = new float[r * n];
        this.e = new float[k * n];
        this.et = new float[k * n];
        this.het = new float[r * k];
        this.gd = new float[k * r];
        this.gh = new float[r * n];
        this.ge = new float[r * k];
        this.encoderOptimizer = optimizers.create(we.length);
        this.decoderOptimizer = optimizers.create(wd.length);
        forward();
    }

    @Override
    public void step() {
        gradients();
        encoderOptimizer.step(we, ge);
        decoderOptimizer.step(wd, gd);
        projectDecoder(wd, wc);
        forward();
    }

    /** Z = W_E V and H = ReLU(Z) ⊙ H^C for the current encoder. */
    void forward() {
        encode(we, v, hc, r, k, n, z, h, par);
    }

    /**
     * The gradients of the mean squared error at the current W_E, W_D (with H from {@link #forward()}), into
     * {@link #encoderGradient()} and {@link #decoderGradient()}: with E = W_D H − V and c = 2/(K·N),
     * G_D = c·E Hᵀ, G_H = c·W_Dᵀ E, G_E = (G_H ⊙ H^C ⊙ 1[W_E V > 0]) Vᵀ. Returns the loss.
     */
    double gradients() {
        float scale = (float) (2.0 / ((double) k * n));
        // E = W_D H − V
        DenseOps.multiply(wd, h, e, k, r, n, par);
        double sq = 0;
        for (int i = 0; i < e.length; i++) {
            float d = e[i] - v[i];
            e[i] = d;
            sq += (double) d * d;
        }
        // G_D = c·E Hᵀ = c·(H Eᵀ)ᵀ: with Eᵀ the long loops run over K and skip the zeros of H.
        DenseOps.transpose(e, k, n, et);
        DenseOps.multiply(h, et, het, r, n, k, par);
        DenseOps.transpose(het, r, k, gd);
        for (int i = 0; i < gd.length; i++) {
            gd[i] *= scale;
        }
        // G_H = c·W_Dᵀ E, kept only where the unit is active: H > 0 exactly where H^C = 1 and W_E V > 0.
        DenseOps.multiplyTransA(wd, e, gh, k, r, n, par);
        for (int i = 0; i < gh.length; i++) {
            gh[i] = h[i] > 0f ? scale * gh[i] : 0f;
        }
        // G_E = (masked G_H) Vᵀ, skipping the masked-out zeros.
        DenseOps.multiply(gh, vt, ge, r, n, k, par);
        return sq / ((double) k * n);
    }

    /** W_D ← max(W_D, 0) ⊙ W^C (SPEC 4), in place. */
    static void projectDecoder(float[] wd, float[] wc) {
        for (int i = 0; i < wd.length; i++) {
            wd[i] = wc[i] == 0f || wd[i] < 0f ? 0f : wd[i];
        }
    }

    /**
     * The encoder's forward pass: Z = W_E V (R×N) and H = ReLU(Z) ⊙ H^C.
     *
     * @param we W_E, R×K
     * @param v  V, K×N
     * @param hc H^C, R×N (0/1)
     * @param z  receives Z, R×N
     * @param h  receives H, R×N
     */
    public static void encode(float[] we, float[] v, float[] hc, int r, int k, int n, float[] z, float[] h,
                              Parallel par) {
        DenseOps.multiply(we, v, z, r, k, n, par);
        for (int i = 0; i < h.length; i++) {
            h[i] = hc[i] != 0f && z[i] > 0f ? z[i] : 0f;
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
