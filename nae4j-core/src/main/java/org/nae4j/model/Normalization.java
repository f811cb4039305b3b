package org.nae4j.model;

/** Removes the scale ambiguity of W H (method §5). */
public final class Normalization {
    private Normalization() {
    }

    /**
     * ℓ1-normalises each column of W and scales the matching row of H so that W H is unchanged. An all-zero
     * column stays zero (and its row of H is left as is), so no NaN appears. Returns new arrays.
     *
     * @return {normalised W (K×R), rescaled H (R×N)}
     */
    public static float[][] l1Columns(float[] w, float[] h, int k, int r, int n) {
        float[] wn = w.clone();
        float[] hn = h.clone();
        for (int c = 0; c < r; c++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
                s += Math.abs(w[p * r + c]);
            }
            if (s == 0) {
                continue;
            }
            float inv = (float) (1.0 / s);
            for (int p = 0; p < k; p++) {
                wn[p * r + c] = w[p * r + c] * inv;
            }
            float scale = (float) s;
            for (int j = 0; j < n; j++) {
                hn[c * n + j] = h[c * n + j] * scale;
            }
        }
        return new float[][] {wn, hn};
    }
}
