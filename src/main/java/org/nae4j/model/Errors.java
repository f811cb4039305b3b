package org.nae4j.model;

import org.nae4j.linalg.Parallel;

/**
 * Approximation errors between V and V̂ = W H (SPEC 5), computed tile by tile so that V̂ is never held
 * in full.
 *
 * @param columnL1   the paper's error: (1/N) Σ_n Σ_k |V[k,n] − V̂[k,n]|
 * @param relativeL1 Σ|V − V̂| / Σ|V|, independent of the recording's level
 * @param frobenius  the squared Frobenius loss ‖V − V̂‖²_F
 */
public record Errors(double columnL1, double relativeL1, double frobenius) {
    private static final int TILE = 64;

    /** Errors of V ≈ W H with V K×N, W K×R, H R×N. */
    public static Errors of(float[] v, float[] w, float[] h, int k, int r, int n, Parallel par) {
        int tiles = (n + TILE - 1) / TILE;
        double[] l1 = new double[tiles];
        double[] sq = new double[tiles];
        double[] mass = new double[tiles];
        par.forRange(tiles, 1, (from, to) -> {
            float[] col = new float[k * TILE];
            for (int t = from; t < to; t++) {
                int j0 = t * TILE;
                int width = Math.min(TILE, n - j0);
                java.util.Arrays.fill(col, 0f);
                for (int c = 0; c < r; c++) {
                    int hr = c * n + j0;
                    for (int p = 0; p < k; p++) {
                        float wv = w[p * r + c];
                        if (wv == 0f) {
                            continue;
                        }
                        int o = p * TILE;
                        for (int j = 0; j < width; j++) {
                            col[o + j] += wv * h[hr + j];
                        }
                    }
                }
                double a = 0;
                double s = 0;
                double m = 0;
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < width; j++) {
                        double x = v[p * n + j0 + j];
                        double d = x - col[p * TILE + j];
                        a += Math.abs(d);
                        s += d * d;
                        m += Math.abs(x);
                    }
                }
                l1[t] = a;
                sq[t] = s;
                mass[t] = m;
            }
        });
        double a = 0;
        double s = 0;
        double m = 0;
        for (int t = 0; t < tiles; t++) {
            a += l1[t];
            s += sq[t];
            m += mass[t];
        }
        return new Errors(a / n, m > 0 ? a / m : 0, s);
    }
}
