package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nae4j.Tolerance;
import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.Support;

/**
 * The mask-aware autoencoder iterations give the dense reference's model (up to float rounding). The
 * optimizers run at their default learning rates: with steps large enough to make training unstable, Adam
 * and RMSprop (which divide by the gradient's size) amplify rounding differences of near-zero gradients.
 */
class NaeKernelsTest {
    private static final int ITERATIONS = 40;
    private static final double MAX_RELATIVE = 1e-4;

    @ParameterizedTest
    @CsvSource({
        "nae-mu, 67, 133, 5, 1, 3", "nae-mu, 31, 40, 1, 2, 5", "nae-mu, 129, 77, 11, 2, 8",
        "nae-sgd, 67, 133, 5, 2, 3", "nae-sgd, 20, 300, 9, 1, 13", "nae-sgd, 31, 40, 1, 1, 5",
        "nae-adam, 129, 77, 11, 2, 8", "nae-adam, 31, 40, 1, 1, 5",
        "nae-rmsprop, 67, 133, 5, 1, 3", "nae-rmsprop, 20, 300, 9, 2, 13"})
    void maskedAndDenseAgree(String method, int k, int n, int r, int threads, long seed) {
        Problems.Problem p = Problems.random(k, n, r, seed);
        compare(Method.parse(method), p.v(), p.constraints(), threads);
    }

    /** A component whose activation mask is empty and one whose template band is empty. */
    @ParameterizedTest
    @CsvSource({"nae-mu", "nae-sgd", "nae-adam", "nae-rmsprop"})
    void emptyRowsStayZero(String method) {
        Problems.Problem p = Problems.random(45, 70, 4, 17);
        Support s = p.constraints().support();
        int[][] bands = new int[4][];
        int[][] intervals = new int[4][];
        for (int c = 0; c < 4; c++) {
            bands[c] = s.bands().ranges(c);
            intervals[c] = s.intervals().ranges(c);
        }
        intervals[1] = new int[0];
        bands[2] = new int[0];
        Support t = new Support(45, 70, bands, intervals);
        Constraints c = new Constraints(t.templateMask(), t.activationMask(), 45, 70, p.constraints().pitches(), t);
        compare(Method.parse(method), p.v(), c, 2);
    }

    private static void compare(Method m, float[] v, Constraints c, int threads) {
        int k = c.bins();
        int n = c.frames();
        int r = c.rank();
        try (Workers par = Workers.create(threads, 0)) {
            Autoencoder dense = create(m, v, c, par, KernelChoice.DENSE);
            Autoencoder masked = create(m, v, c, par, KernelChoice.MASKED);
            for (int it = 0; it < ITERATIONS; it++) {
                dense.step();
                masked.step();
            }
            float[] a = Problems.reconstruction(dense, k, n, r);
            float[] b = Problems.reconstruction(masked, k, n, r);
            double maxV = Tolerance.maxAbs(a);
            assertTrue(maxV > 0, m + ": the reconstruction must not vanish");
            Tolerance.assertClose(a, b, 0, MAX_RELATIVE * maxV,
                    m + ": V̂_masked against V̂_dense (max " + maxV + ")");
            for (int i = 0; i < c.hc().length; i++) {
                if (c.hc()[i] == 0f) {
                    assertEquals(0f, masked.activations()[i], m + ": H outside H^C");
                }
            }
            for (int i = 0; i < c.wc().length; i++) {
                if (c.wc()[i] == 0f) {
                    assertEquals(0f, masked.templates()[i], m + ": W_D outside W^C");
                }
            }
        }
    }

    private static Autoencoder create(Method m, float[] v, Constraints c, Workers par, KernelChoice kernels) {
        if (m == Method.NAE_MU) {
            NaeMultiplicative x = new NaeMultiplicative(v, c, NaeInit.RANDOM, 7, par, kernels);
            assertEquals(kernels, x.kernels());
            return x;
        }
        Nae x = new Nae(v, c, NaeInit.RANDOM, 7, NaeOptions.DEFAULT.optimizer(m), par,
                kernels);
        assertEquals(kernels, x.kernels());
        return x;
    }
}
