package org.nae4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductsTest {
    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() < 0.3 ? 0f : (float) r.nextDouble();
        }
        return x;
    }

    private static double[] naive(float[] a, float[] b, int m, int k, int n, boolean ta, boolean tb) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * m + i] : a[i * k + p];
                    double bv = tb ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static void assertClose(double[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * (1 + Math.abs(expected[i])), "entry " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1,1,1", "3,5,7,1", "7,300,513,2", "55,33,260,2", "1,17,1000,2"})
    void productsMatchNaive(int m, int k, int n, int threads) {
        try (Parallel par = new Parallel(threads, 0)) {
            float[] a = random(m * k, 1);
            float[] b = random(k * n, 2);
            float[] c = new float[m * n];
            Products.multiply(a, b, c, m, k, n, par);
            assertClose(naive(a, b, m, k, n, false, false), c);

            float[] at = random(k * m, 3);
            Products.multiplyTransA(at, b, c, k, m, n, par);
            assertClose(naive(at, b, m, k, n, true, false), c);
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1", "4,9", "30,7"})
    void gramMatricesMatchNaive(int m, int n) {
        float[] a = random(m * n, 5);
        float[] g = new float[m * m];
        Products.gramRows(a, m, n, g);
        float[] t = new float[n * m];
        Products.transpose(a, m, n, t);
        assertClose(naive(a, t, m, n, m, false, false), g);
        Products.gramCols(t, n, m, g);
        assertClose(naive(a, t, m, n, m, false, false), g);
    }

    @org.junit.jupiter.api.Test
    void transposeColumnsWritesTheChosenColumnsAsPaddedRows() {
        int m = 3;
        int n = 5;
        float[] a = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = i + 1;
        }
        int stride = 4;
        float[] out = new float[n * stride];
        java.util.Arrays.fill(out, -1f);
        Products.transposeColumns(a, m, n, 1, 4, out, stride);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < stride; i++) {
                float want = j >= 1 && j < 4 && i < m ? a[i * n + j] : -1f;
                org.junit.jupiter.api.Assertions.assertEquals(want, out[j * stride + i], "(" + j + "," + i + ")");
            }
        }
    }
}
