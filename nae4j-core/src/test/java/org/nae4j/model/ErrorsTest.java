package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The errors of method §5 against a direct double-precision computation, with pitches silent over whole tiles. */
class ErrorsTest {

    @ParameterizedTest
    @CsvSource({"37, 150, 5, 1", "64, 64, 1, 2", "13, 200, 9, 3"})
    void matchTheDirectSums(int k, int n, int r, int threads) {
        SplittableRandom rnd = new SplittableRandom(31L * k + n);
        float[] v = new float[k * n];
        float[] w = new float[k * r];
        float[] h = new float[r * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextDouble() < 0.3 ? 0f : (float) rnd.nextDouble();
        }
        // Each pitch sounds in a few random runs of frames, silent elsewhere (as H outside H^C).
        for (int c = 0; c < r; c++) {
            for (int run = 0; run < 3; run++) {
                int from = rnd.nextInt(n);
                int to = Math.min(n, from + 1 + rnd.nextInt(40));
                for (int j = from; j < to; j++) {
                    h[c * n + j] = (float) rnd.nextDouble();
                }
            }
        }
        double l1 = 0;
        double sq = 0;
        double mass = 0;
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int c = 0; c < r; c++) {
                    x += (double) w[p * r + c] * h[c * n + j];
                }
                double d = v[p * n + j] - x;
                l1 += Math.abs(d);
                sq += d * d;
                mass += Math.abs(v[p * n + j]);
            }
        }
        try (Workers par = Workers.create(threads, 0)) {
            Errors e = Errors.of(v, w, h, k, r, n, par);
            assertEquals(l1 / n, e.columnL1(), 1e-5 * l1 / n);
            assertEquals(l1 / mass, e.relativeL1(), 1e-5);
            assertEquals(sq, e.frobenius(), 1e-5 * sq);
        }
    }
}
