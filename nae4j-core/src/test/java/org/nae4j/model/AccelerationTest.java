package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nae4j.Tolerance;
import org.nae4j.constraints.Constraints;
import org.nae4j.io.InvalidOptionException;

/** Accelerated multiplicative updates: the same path masked and dense, a lower loss sooner, zeros kept. */
class AccelerationTest {

    @Test
    void innerCountsFollowGillisAndGlineur() {
        // The long piece: K=1025, N=5490, R=55.
        assertEquals(1, Acceleration.NONE.innerH(1025, 55, 5490));
        assertEquals(1, Acceleration.NONE.innerW(1025, 55, 5490));
        // ρ_H = 1 + ⌊(K·N + K·R) / (N·(R+1))⌋ = 1 + 18 = 19, ⌊1 + 2·19⌋ = 39.
        Acceleration two = new Acceleration(2, 0.1);
        assertEquals(39, two.innerH(1025, 55, 5490));
        // ρ_W = 1 + ⌊(K·N + N·R) / (K·(R+1))⌋ = 1 + 103 = 104, ⌊1 + 2·104⌋ = 209.
        assertEquals(209, two.innerW(1025, 55, 5490));
        // The default α = 0.5: ⌊1 + 9.5⌋ = 10 and ⌊1 + 52⌋ = 53.
        assertEquals(10, Acceleration.DEFAULT.innerH(1025, 55, 5490));
        assertEquals(53, Acceleration.DEFAULT.innerW(1025, 55, 5490));
        assertThrows(InvalidOptionException.class, () -> new Acceleration(-1, 0.1));
        assertThrows(InvalidOptionException.class, () -> new Acceleration(2, 1));
        assertThrows(InvalidOptionException.class, () -> new Acceleration(Double.NaN, 0.1));
    }

    /** With δ = 0 every inner loop runs its full count, so both paths take the same steps. */
    @ParameterizedTest
    @CsvSource({"67, 133, 5, 1, 3", "129, 77, 11, 2, 8", "20, 300, 9, 2, 13"})
    void maskedAndDenseAgree(int k, int n, int r, int threads, long seed) {
        Problems.Problem p = Problems.random(k, n, r, seed);
        Constraints c = p.constraints();
        Acceleration a = new Acceleration(2, 0);
        try (Workers par = Workers.create(threads, 0)) {
            Nmf dense = new Nmf(p.v(), c, par, KernelChoice.DENSE, a);
            Nmf masked = new Nmf(p.v(), c, par, KernelChoice.MASKED, a);
            for (int it = 0; it < 15; it++) {
                dense.step();
                masked.step();
            }
            float[] x = Problems.reconstruction(dense, k, n, r);
            float[] y = Problems.reconstruction(masked, k, n, r);
            double maxV = Tolerance.maxAbs(x);
            Tolerance.assertClose(x, y, 0, 1e-4 * maxV, "accelerated V̂_masked against V̂_dense");
            for (int i = 0; i < c.hc().length; i++) {
                if (c.hc()[i] == 0f) {
                    assertEquals(0f, masked.activations()[i]);
                    assertEquals(0f, dense.activations()[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"MASKED", "DENSE"})
    void theLossFallsFasterPerPassAndNeverRises(KernelChoice kernels) {
        Problems.Problem p = Problems.random(90, 200, 8, 21);
        Constraints c = p.constraints();
        try (Workers par = Workers.create(1)) {
            Nmf plain = new Nmf(p.v(), c, par, kernels);
            Nmf accelerated = new Nmf(p.v(), c, par, kernels, Acceleration.DEFAULT);
            double previous = Double.POSITIVE_INFINITY;
            for (int it = 0; it < 20; it++) {
                plain.step();
                accelerated.step();
                double loss = loss(p.v(), accelerated, c);
                assertTrue(loss <= previous * (1 + 1e-6), "iteration " + it + ": " + loss + " after " + previous);
                previous = loss;
            }
            double plainLoss = loss(p.v(), plain, c);
            assertTrue(previous < plainLoss, "accelerated " + previous + " against plain " + plainLoss);
        }
    }

    private static double loss(float[] v, Factorization f, Constraints c) {
        float[] vhat = Problems.reconstruction(f, c.bins(), c.frames(), c.rank());
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - vhat[i];
            s += d * d;
        }
        return s;
    }
}
