package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nae4j.constraints.Constraints;
import org.nae4j.kernels.MaskedAutoencoderPasses;
import org.nae4j.constraints.RowRanges;

/**
 * The autoencoders' masked kernels give the same floats on any number of threads: the tiles' work is split
 * into fixed parts whose sums are added in part order, whichever thread ran a part.
 */
class MaskedNaeThreadsTest {
    private static final int K = 53;
    private static final int N = 350;
    private static final int R = 6;

    @Test
    void productsDoNotDependOnTheThreadCount() {
        Problems.Problem p = Problems.random(K, N, R, 10);
        Constraints c = p.constraints();
        RowRanges act = c.support().intervals();
        RowRanges tpl = c.support().bands();
        float[] we = new float[R * K];
        float[] wd = new float[K * R];
        NaeInitialization.initialise(p.v(), c, NaeInit.RANDOM, 3, we, wd, Workers.serial().pool());
        int[] threads = {1, 2, 3};
        float[][] h = new float[threads.length][R * N];
        float[][] gd = new float[threads.length][K * R];
        float[][] ge = new float[threads.length][R * K];
        float[][] num = new float[threads.length][R * K];
        float[][] den = new float[threads.length][R * K];
        double[] loss = new double[threads.length];
        for (int i = 0; i < threads.length; i++) {
            try (Workers par = Workers.create(threads[i], 0)) {
                MaskedAutoencoderPasses m = new MaskedAutoencoderPasses(p.v(), c, act, tpl, par.pool());
                m.encode(we, h[i]);
                loss[i] = m.gradients(wd, h[i], 0.01f, 1.0, gd[i], ge[i]);
                m.encoderFactors(wd, h[i], num[i], den[i]);
            }
        }
        double hMax = 0;
        for (float x : h[0]) {
            hMax = Math.max(hMax, x);
        }
        assertTrue(hMax > 0, "the encoder must activate some units");
        for (int i = 1; i < threads.length; i++) {
            String on = threads[i] + " threads against 1";
            assertArrayEquals(h[0], h[i], "H, " + on);
            assertArrayEquals(gd[0], gd[i], "G_D, " + on);
            assertArrayEquals(ge[0], ge[i], "G_E, " + on);
            assertArrayEquals(num[0], num[i], "Eq. 3 numerator, " + on);
            assertArrayEquals(den[0], den[i], "Eq. 3 denominator, " + on);
            assertArrayEquals(new double[] {loss[0]}, new double[] {loss[i]}, "loss, " + on);
        }
    }
}
