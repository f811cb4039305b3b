package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nae4j.constraints.Constraints;
import org.nae4j.linalg.Parallel;
import org.nae4j.linalg.RowRanges;

/**
 * The autoencoders' masked kernels read V either from its tiled copy or in place (when the heap cannot afford
 * the copy, e.g. an hour-long recording): both give the same numbers, since each sum runs in the same order.
 * (NMF reads only Vᵀ.)
 */
class TiledCopyTest {
    private static final int K = 53;
    private static final int N = 150;
    private static final int R = 6;

    @Test
    void autoencoderProductsAreTheSameWithAndWithoutTheTiledCopy() {
        Problems.Problem p = Problems.random(K, N, R, 10);
        Constraints c = p.constraints();
        RowRanges act = new RowRanges(N, c.support().intervals());
        RowRanges tpl = new RowRanges(K, c.support().bands());
        float[] we = new float[R * K];
        float[] wd = new float[K * R];
        NaeInitialization.initialise(p.v(), c, NaeInit.RANDOM, 3, we, wd, Parallel.serial());
        try (Parallel par = new Parallel(2)) {
            MaskedNaeKernels[] m = {new MaskedNaeKernels(p.v(), c, act, tpl, par, true),
                new MaskedNaeKernels(p.v(), c, act, tpl, par, false)};
            float[][] h = new float[2][R * N];
            float[][] gd = new float[2][K * R];
            float[][] ge = new float[2][R * K];
            float[][] num = new float[2][R * K];
            float[][] den = new float[2][R * K];
            double[] loss = new double[2];
            for (int i = 0; i < 2; i++) {
                m[i].encode(we, h[i]);
                loss[i] = m[i].gradients(wd, h[i], 0.01f, 1.0, gd[i], ge[i]);
                m[i].encoderFactors(wd, h[i], num[i], den[i]);
            }
            double hMax = 0;
            for (float x : h[0]) {
                hMax = Math.max(hMax, x);
            }
            assertTrue(hMax > 0, "the encoder must activate some units");
            assertArrayEquals(h[0], h[1]);
            assertArrayEquals(gd[0], gd[1]);
            assertArrayEquals(ge[0], ge[1]);
            assertArrayEquals(num[0], num[1]);
            assertArrayEquals(den[0], den[1]);
            assertArrayEquals(new double[] {loss[0]}, new double[] {loss[1]});
        }
    }
}
