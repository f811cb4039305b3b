package org.nae4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nae4j.constraints.RowRanges;
import org.nae4j.model.KernelChoice;

/** The mask-aware products agree with the dense reference on every entry the masks allow. */
class MaskedOpsTest {
    private static final double TOLERANCE = 1e-5;

    /** Random masks with empty rows, full rows and 1–3 ranges otherwise. */
    private static RowRanges randomMask(SplittableRandom rnd, int rows, int length) {
        int[][] ranges = new int[rows][];
        for (int r = 0; r < rows; r++) {
            int kind = rnd.nextInt(5);
            if (kind == 0 || length == 0) {
                ranges[r] = new int[0];
            } else if (kind == 1) {
                ranges[r] = new int[] {0, length};
            } else {
                int[] cuts = rnd.ints(2L * (1 + rnd.nextInt(3)), 0, length + 1).sorted().distinct().toArray();
                ranges[r] = java.util.Arrays.copyOf(cuts, cuts.length / 2 * 2);
            }
        }
        return new RowRanges(length, ranges);
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        return x;
    }

    /** x restricted to a mask given per row of x (rows × length). */
    private static float[] masked(float[] x, RowRanges m) {
        float[] d = m.toDense();
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= d[i];
        }
        return y;
    }

    private static float[] transpose(float[] a, int m, int n) {
        float[] t = new float[m * n];
        Products.transpose(a, m, n, t);
        return t;
    }

    private static void assertClose(float expected, float actual, double scale, String where) {
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * scale,
                where + ": expected " + expected + " but was " + actual);
    }

    @ParameterizedTest
    @CsvSource({"37, 101, 7, 1", "5, 33, 1, 2", "64, 64, 13, 1", "1, 1, 1, 2", "129, 95, 20, 2", "70, 31, 6, 1"})
    void transposedProductMatchesDenseOnTheMask(int k, int n, int r, int threads) {
        SplittableRandom rnd = new SplittableRandom(k * 31L + n);
        RowRanges hc = randomMask(rnd, r, n);
        RowRanges wcT = randomMask(rnd, r, k);
        float[] wT = masked(random(rnd, r * k), wcT);
        float[] w = transpose(wT, r, k);
        float[] v = random(rnd, k * n);
        float[] expected = new float[r * n];
        try (Parallel par = new Parallel(threads, 0)) {
            Products.multiplyTransA(w, v, expected, k, r, n, par);
            MaskedOps ops = new MaskedOps(hc, par);
            int kp = MaskedOps.paddedBins(k);
            float[] wtPadded = new float[r * kp];
            for (int i = 0; i < r; i++) {
                System.arraycopy(wT, i * k, wtPadded, i * kp, k);
            }
            float[] padded = new float[r * n];
            ops.transATilesPadded(wtPadded, kp, wcT.firsts(), wcT.lasts(), MaskedOps.transposePadded(v, k, n),
                    (n0, width, rows, from, to, count, tile, slot) -> {
                        for (int i = 0; i < count; i++) {
                            for (int j = from[i]; j < to[i]; j++) {
                                padded[rows[i] * n + j] = tile[i * MaskedOps.TILE + j - n0];
                            }
                        }
                    });
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < n; j++) {
                    if (hc.contains(i, j)) {
                        assertClose(expected[i * n + j], padded[i * n + j], k, "on padded Vᵀ (" + i + "," + j + ")");
                    }
                }
            }
        }
    }

    /**
     * The fused pass gives WᵀV on the mask to the action, which rewrites X's tile (here from the values it
     * got, as NMF's H update does), and then X Vᵀ of the rewritten X on each row's columns; C is the same for
     * any thread count.
     */
    @ParameterizedTest
    @CsvSource({"37, 101, 7", "5, 33, 1", "64, 64, 13", "1, 1, 1", "129, 95, 20", "70, 31, 6", "16, 200, 3"})
    void fusedPassMatchesTheTwoProducts(int k, int n, int r) {
        SplittableRandom rnd = new SplittableRandom(k * 7L + n);
        RowRanges hc = randomMask(rnd, r, n);
        RowRanges wcT = randomMask(rnd, r, k);
        float[] wT = masked(random(rnd, r * k), wcT);
        float[] v = random(rnd, k * n);
        float[] x0 = masked(random(rnd, r * n), hc);
        int kp = MaskedOps.paddedBins(k);
        assertEquals(0, kp % 16);
        float[] at = new float[r * kp];
        for (int i = 0; i < r; i++) {
            System.arraycopy(wT, i * k, at, i * kp, k);
        }
        float[] bt = MaskedOps.transposePadded(v, k, n);
        float[] expectedWtv = new float[r * n];
        float[] first = null;
        for (int threads = 1; threads <= MaskedLeftProduct.PARTS + 1; threads++) {
            float[] x = x0.clone();
            float[] wtv = new float[r * n];
            float[] c = new float[r * kp];
            try (Parallel par = new Parallel(threads, 0)) {
                Products.multiplyTransA(transpose(wT, r, k), v, expectedWtv, k, r, n, par);
                new MaskedOps(hc, par).transATilesThenMultiply(at, kp, wcT.firsts(), wcT.lasts(), bt,
                        (n0, width, rows, from, to, count, tile, worker) -> {
                            for (int i = 0; i < count; i++) {
                                for (int j = from[i]; j < to[i]; j++) {
                                    if (hc.contains(rows[i], j)) {
                                        float z = tile[i * MaskedOps.TILE + j - n0];
                                        wtv[rows[i] * n + j] = z;
                                        x[rows[i] * n + j] = 0.5f * x[rows[i] * n + j] + z;
                                    }
                                }
                            }
                        }, x, wcT.firsts(), wcT.lasts(), c);
                float[] expected = new float[r * k];
                Products.multiply(x, transpose(v, k, n), expected, r, n, k, par);
                for (int i = 0; i < r; i++) {
                    for (int j = 0; j < n; j++) {
                        if (hc.contains(i, j)) {
                            assertClose(expectedWtv[i * n + j], wtv[i * n + j], k, "WᵀV (" + i + "," + j + ")");
                        }
                    }
                    for (int j = wcT.first(i); j < wcT.last(i); j++) {
                        assertClose(expected[i * k + j], c[i * kp + j], n * k, "X Vᵀ (" + i + "," + j + ")");
                    }
                }
            }
            if (first == null) {
                first = c;
            } else {
                org.junit.jupiter.api.Assertions.assertArrayEquals(first, c, threads + " threads");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void paddedTransposeStartsFramesAtTheOriginAndPadsWithZeros() {
        int k = 19;
        int n = 35;
        float[] b = random(new SplittableRandom(8), k * n);
        float[] bt = MaskedOps.transposePadded(b, k, n);
        int kp = MaskedOps.paddedBins(k);
        int o = MaskedOps.PADDED_ORIGIN;
        assertEquals(o + 2L * MaskedOps.TILE * kp, bt.length);
        float[] rest = bt.clone();
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                assertEquals(b[p * n + j], bt[o + j * kp + p], "bin " + p + ", frame " + j);
                rest[o + j * kp + p] = 0;
            }
        }
        assertTrue(Arrays.equals(new float[rest.length], rest), "zeros before the origin and in the padding");
    }

    @org.junit.jupiter.api.Test
    void lineStartPutsTheElementOnA64ByteBoundary() {
        assertEquals(12, CacheLines.lineStart(16));
        assertEquals(10, CacheLines.lineStart(24));
        assertEquals(0, CacheLines.lineStart(64));
        assertTrue(CacheLines.LINE_START >= 0 && CacheLines.LINE_START < 16);
    }

    @org.junit.jupiter.api.Test
    void theBaseOffsetFollowsHotSpotsHeaderLayout() {
        assertEquals(16, CacheLines.baseOffset(null, "true"), "compressed class pointers, Java 17");
        assertEquals(16, CacheLines.baseOffset("false", "true"), "compressed class pointers, Java 24+");
        assertEquals(12, CacheLines.baseOffset("true", "true"), "compact object headers");
        assertEquals(0, CacheLines.baseOffset("false", "false"), "unknown layout: no padding");
        assertEquals(0, CacheLines.baseOffset(null, null), "no HotSpot flags: no padding");
        // The tests run on HotSpot with its default flags (compressed class pointers).
        assertEquals(12, CacheLines.LINE_START);
    }

    @ParameterizedTest
    @CsvSource({"37, 101, 7", "5, 33, 1", "129, 95, 20", "3, 2, 40"})
    void gramsAndSmallProductMatchDense(int k, int n, int r) {
        SplittableRandom rnd = new SplittableRandom(k + 1000L * r);
        RowRanges hc = randomMask(rnd, r, n);
        RowRanges wcT = randomMask(rnd, r, k);
        float[] h = masked(random(rnd, r * n), hc);
        float[] w = transpose(masked(random(rnd, r * k), wcT), r, k);
        try (Parallel par = new Parallel(2)) {
            MaskedOps ops = new MaskedOps(hc, par);
            float[] want = new float[r * r];
            // WᵀW from Wᵀ with rows padded to kp floats and to whole blocks of 4 rows.
            int kp = MaskedOps.paddedBins(k);
            int stride = (r + 3) / 4 * 4 + 1;
            float[] wt = new float[(r + 3) / 4 * 4 * kp];
            for (int i = 0; i < r; i++) {
                for (int p = 0; p < k; p++) {
                    wt[i * kp + p] = w[p * r + i];
                }
            }
            float[] wtw = new float[r * stride];
            Arrays.fill(wtw, Float.NaN);
            ops.gramRows(wt, kp, r, wcT.firsts(), wcT.lasts(), wtw, stride);
            Products.gramCols(w, k, r, want);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    assertClose(want[i * r + j], wtw[i * stride + j], k, "WᵀW " + i + "," + j);
                }
            }
            float[] c = new float[k * r];
            float[] d = new float[k * r];
            ops.multiply(w, want, c, k, r, r);
            Products.multiply(w, want, d, k, r, r, par);
            for (int i = 0; i < k * r; i++) {
                assertClose(d[i], c[i], r * (double) k, "W·G " + i);
            }
            // The per-tile small product: G (r×r) times the first r rows of W, strided operands.
            int bStride = r + 5;
            int cStride = r + 2;
            float[] wb = new float[r * bStride];
            for (int p = 0; p < Math.min(r, k); p++) {
                System.arraycopy(w, p * r, wb, p * bStride, r);
            }
            float[] small = new float[r * cStride];
            Arrays.fill(small, Float.NaN);
            ops.multiplySmall(want, r, wb, bStride, small, cStride, r, r, r, 1);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double s = 0;
                    for (int q = 0; q < r; q++) {
                        s += (double) want[i * r + q] * wb[q * bStride + j];
                    }
                    assertClose((float) s, small[i * cStride + j], r, "G·W " + i + "," + j);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0.05, MASKED", "0.6, MASKED", "0.9, DENSE"})
    void autoPicksMaskedOnlyWhenItSavesWork(double fraction, KernelChoice expected) {
        assertEquals(expected, KernelChoice.AUTO.resolve(fraction));
        assertEquals(KernelChoice.DENSE, KernelChoice.DENSE.resolve(0.01));
        assertEquals(KernelChoice.MASKED, KernelChoice.MASKED.resolve(1.0));
    }
}
