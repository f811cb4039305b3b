package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nae4j.Tolerance;
import org.nae4j.constraints.Constraints;

/** The mask-aware NMF iteration gives the dense reference's factors (up to float rounding). */
class NmfKernelsTest {
    private static final int ITERATIONS = 60;
    private static final double MAX_RELATIVE = 1e-4;

    @ParameterizedTest
    @CsvSource({"67, 133, 5, 1, 3", "31, 40, 1, 2, 5", "129, 77, 11, 2, 8", "20, 300, 9, 1, 13"})
    void maskedAndDenseAgree(int k, int n, int r, int threads, long seed) {
        Problems.Problem p = Problems.random(k, n, r, seed);
        Constraints c = p.constraints();
        try (Workers par = Workers.create(threads, 0)) {
            Nmf dense = new Nmf(p.v(), c, par, KernelChoice.DENSE);
            Nmf masked = new Nmf(p.v(), c, par, KernelChoice.MASKED);
            assertEquals(KernelChoice.DENSE, dense.kernels());
            assertEquals(KernelChoice.MASKED, masked.kernels());
            for (int it = 0; it < ITERATIONS; it++) {
                dense.step();
                masked.step();
            }
            float[] a = Problems.reconstruction(dense, k, n, r);
            float[] b = Problems.reconstruction(masked, k, n, r);
            double maxV = Tolerance.maxAbs(a);
            assertTrue(maxV > 0, "the reconstruction must not vanish");
            Tolerance.assertClose(a, b, 0, MAX_RELATIVE * maxV, "V̂_masked against V̂_dense (max " + maxV + ")");
            for (int i = 0; i < c.hc().length; i++) {
                if (c.hc()[i] == 0f) {
                    assertEquals(0f, masked.activations()[i]);
                }
            }
            for (int i = 0; i < c.wc().length; i++) {
                if (c.wc()[i] == 0f) {
                    assertEquals(0f, masked.templates()[i]);
                }
            }
        }
    }
}
