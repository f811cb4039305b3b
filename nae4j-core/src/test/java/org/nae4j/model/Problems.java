package org.nae4j.model;

import java.util.SplittableRandom;
import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.Support;

/** Small random score-constrained problems for tests. */
public final class Problems {
    private Problems() {
    }

    /** A problem with random band/interval masks and V = W_true H_true + noise (K×N), nonnegative. */
    public record Problem(float[] v, Constraints constraints) {
    }

    public static Problem random(int k, int n, int r, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[][] bands = new int[r][];
        int[][] intervals = new int[r][];
        for (int c = 0; c < r; c++) {
            bands[c] = ranges(rnd, k);
            intervals[c] = ranges(rnd, n);
        }
        Support s = new Support(k, n, bands, intervals);
        float[] wc = s.templateMask();
        float[] hc = s.activationMask();
        float[] v = new float[k * n];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double x = 0.01 * rnd.nextDouble();
                for (int c = 0; c < r; c++) {
                    x += wc[p * r + c] * hc[c * n + j] * (0.5 + rnd.nextDouble());
                }
                v[p * n + j] = (float) x;
            }
        }
        int[] pitches = new int[r];
        for (int c = 0; c < r; c++) {
            pitches[c] = 40 + c;
        }
        return new Problem(v, new Constraints(wc, hc, k, n, pitches, s));
    }

    /** V̂ = W H (K×N) of a factorization's current templates and activations, computed directly. */
    public static float[] reconstruction(Factorization f, int k, int n, int r) {
        float[] w = f.templates();
        float[] h = f.activations();
        float[] out = new float[k * n];
        for (int p = 0; p < k; p++) {
            for (int c = 0; c < r; c++) {
                float x = w[p * r + c];
                for (int j = 0; j < n; j++) {
                    out[p * n + j] += x * h[c * n + j];
                }
            }
        }
        return out;
    }

    /** One to three random disjoint ranges in [0, len). */
    private static int[] ranges(SplittableRandom rnd, int len) {
        int count = 1 + rnd.nextInt(3);
        int[] cuts = rnd.ints(2L * count, 0, len + 1).sorted().distinct().toArray();
        if (cuts.length % 2 == 1) {
            cuts = java.util.Arrays.copyOf(cuts, cuts.length - 1);
        }
        if (cuts.length == 0) {
            return new int[] {0, len};
        }
        return cuts;
    }
}
