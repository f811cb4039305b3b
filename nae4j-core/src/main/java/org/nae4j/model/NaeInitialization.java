package org.nae4j.model;

import java.util.SplittableRandom;
import org.nae4j.constraints.Constraints;
import org.nae4j.kernels.Products;
import org.nae4j.kernels.Parallel;

/** The starting encoder and decoder of every autoencoder method (method §4, {@link NaeInit}). */
final class NaeInitialization {
    /** Glorot-uniform bound: U(−l, l) with l = √(GLOROT_NUMERATOR / (fan_in + fan_out)). */
    private static final double GLOROT_NUMERATOR = 6.0;
    /** Frames per block of the first reconstruction in {@link #leastSquaresScale}. */
    private static final int SCALE_BLOCK = 256;

    private NaeInitialization() {
    }

    /**
     * Fills {@code we} (R×K) and {@code wd} (K×R) with the starting values for {@code init}.
     *
     * @param v    V, K×N
     * @param c    the constraints
     * @param seed seed of the random encoder
     */
    static void initialise(float[] v, Constraints c, NaeInit init, long seed, float[] we, float[] wd, Parallel par) {
        int k = c.bins();
        int r = c.rank();
        System.arraycopy(c.wc(), 0, wd, 0, k * r);
        SplittableRandom rnd = new SplittableRandom(seed);
        if (init == NaeInit.LITERAL) {
            double bound = Math.sqrt(GLOROT_NUMERATOR / (k + r));
            for (int i = 0; i < we.length; i++) {
                we[i] = (float) ((2 * rnd.nextDouble() - 1) * bound);
            }
            return;
        }
        unitColumns(wd, k, r);
        if (init == NaeInit.TIED) {
            Products.transpose(wd, k, r, we);
        } else {
            for (int i = 0; i < we.length; i++) {
                we[i] = (float) rnd.nextDouble();
            }
            unitRows(we, r, k);
        }
        float s = (float) Math.sqrt(leastSquaresScale(v, c, we, wd, par));
        for (int i = 0; i < we.length; i++) {
            we[i] *= s;
        }
        for (int i = 0; i < wd.length; i++) {
            wd[i] *= s;
        }
    }

    /**
     * α = ⟨V, V̂₀⟩ / ⟨V̂₀, V̂₀⟩ for V̂₀ = W_D (ReLU(W_E V) ⊙ H^C): the factor that best fits the first
     * reconstruction to V; 1 if V̂₀ = 0.
     */
    private static double leastSquaresScale(float[] v, Constraints c, float[] we, float[] wd, Parallel par) {
        int k = c.bins();
        int n = c.frames();
        int r = c.rank();
        float[] h = new float[r * n];
        Nae.encode(we, v, c.support(), h, par);
        // V̂₀ a block of frames at a time: a K×N V̂₀ would double the memory of an hour-long recording.
        int block = Math.min(n, SCALE_BLOCK);
        float[] hb = new float[r * block];
        float[] vhat = new float[k * block];
        double cross = 0;
        double self = 0;
        for (int j0 = 0; j0 < n; j0 += block) {
            int w = Math.min(block, n - j0);
            for (int q = 0; q < r; q++) {
                System.arraycopy(h, q * n + j0, hb, q * w, w);
            }
            Products.multiply(wd, hb, vhat, k, r, w, par);
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < w; j++) {
                    float x = vhat[p * w + j];
                    cross += (double) v[p * n + j0 + j] * x;
                    self += (double) x * x;
                }
            }
        }
        return self > 0 && cross > 0 ? cross / self : 1.0;
    }

    /** Scales each column of the rows×cols matrix {@code a} to unit ℓ2 norm (zero columns stay zero). */
    private static void unitColumns(float[] a, int rows, int cols) {
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += (double) a[i * cols + j] * a[i * cols + j];
            }
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int i = 0; i < rows; i++) {
                    a[i * cols + j] *= inv;
                }
            }
        }
    }

    /** Scales each row of the rows×cols matrix {@code a} to unit ℓ2 norm (zero rows stay zero). */
    private static void unitRows(float[] a, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += (double) a[i * cols + j] * a[i * cols + j];
            }
            if (s > 0) {
                float inv = (float) (1 / Math.sqrt(s));
                for (int j = 0; j < cols; j++) {
                    a[i * cols + j] *= inv;
                }
            }
        }
    }
}
