package org.nae4j.model;

import org.nae4j.kernels.Products;
import org.nae4j.kernels.Parallel;

/**
 * Approximation errors between V and V̂ = W H (method §5), computed tile by tile so that V̂ is never held
 * in full.
 *
 * @param columnL1   the paper's error: (1/N) Σ_n Σ_k |V[k,n] − V̂[k,n]|
 * @param relativeL1 Σ|V − V̂| / Σ|V|, independent of the recording's level
 * @param frobenius  the squared Frobenius loss ‖V − V̂‖²_F
 */
public record Errors(double columnL1, double relativeL1, double frobenius) {
    private static final int TILE = 64;

    /** Errors of V ≈ W H with V K×N, W K×R, H R×N. */
    public static Errors of(float[] v, float[] w, float[] h, int k, int r, int n, Workers workers) {
        Parallel par = workers.pool();
        int tiles = (n + TILE - 1) / TILE;
        double[] l1 = new double[tiles];
        double[] sq = new double[tiles];
        double[] mass = new double[tiles];
        par.forRange(tiles, 1, (long) k * n * Math.max(1, r), (from, to) -> {
            float[] hb = new float[r * TILE];
            float[] wb = new float[k * r];
            float[] vhat = new float[k * TILE];
            int[] active = new int[r];
            int[] previous = new int[r];
            int previousCount = -1;
            int[] aRows = new int[k];
            int[] cRows = new int[k];
            for (int t = from; t < to; t++) {
                int j0 = t * TILE;
                int width = Math.min(TILE, n - j0);
                // V̂'s tile from the pitches sounding in it only (H^C keeps 16–20 % of H on the shared pieces):
                // their rows of H and columns of W packed, one small product on the block kernel.
                int count = 0;
                for (int c = 0; c < r; c++) {
                    if (!Products.allZero(h, c * n + j0, width)) {
                        System.arraycopy(h, c * n + j0, hb, count * TILE, width);
                        active[count++] = c;
                    }
                }
                if (count > 0) {
                    // Neighbouring tiles mostly share their pitches: pack W's columns only when they change.
                    if (count != previousCount || !java.util.Arrays.equals(active, 0, count, previous, 0, count)) {
                        for (int p = 0; p < k; p++) {
                            for (int i = 0; i < count; i++) {
                                wb[p * count + i] = w[p * r + active[i]];
                            }
                        }
                        System.arraycopy(active, 0, previous, 0, count);
                        previousCount = count;
                    }
                    Products.multiply(wb, count, hb, TILE, vhat, TILE, k, count, width, aRows, cRows);
                } else {
                    java.util.Arrays.fill(vhat, 0f);
                }
                double a = 0;
                double s = 0;
                double m = 0;
                for (int p = 0; p < k; p++) {
                    int vo = p * n + j0;
                    int o = p * TILE;
                    for (int j = 0; j < width; j++) {
                        double x = v[vo + j];
                        double d = x - vhat[o + j];
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
