package org.nae4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both block kernels compute the gathered product of their contract, for every row and column count. */
class BlockKernelTest {

    /** The build runs these tests once per vector shape; each fork must really run the shape it asks for. */
    @Test
    void theVectorShapeIsTheOneAskedFor() {
        String bits = System.getProperty(VectorShape.PROPERTY);
        if (bits == null) {
            // No shape forced: the machine's preferred one.
            assertEquals(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length(), Products.floatsPerVector());
            return;
        }
        assertEquals(Integer.parseInt(bits), 32 * Products.floatsPerVector(), Products.describe());
        assertTrue(Products.describe().contains(bits + "-bit"), Products.describe());
    }

    @Test
    void sixteenRegistersMeanTheSmallBlocks() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        org.junit.jupiter.api.Assertions.assertTrue(VectorShape.fewRegisters(null, "2"), "AVX2");
        org.junit.jupiter.api.Assertions.assertFalse(VectorShape.fewRegisters(null, "3"), "AVX-512");
        org.junit.jupiter.api.Assertions.assertFalse(VectorShape.fewRegisters(null, null), "not x86");
        org.junit.jupiter.api.Assertions.assertTrue(VectorShape.fewRegisters("16", "3"), "forced");
        org.junit.jupiter.api.Assertions.assertFalse(VectorShape.fewRegisters("32", "2"), "forced");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> VectorShape.fewRegisters("8", null));
        String forced = System.getProperty(VectorShape.REGISTERS_PROPERTY);
        if (forced != null) {
            assertEquals(forced.equals("16"), VectorShape.FEW_REGISTERS, "the fork runs the blocks it asks for");
        }
    }

    @Test
    void aShapeOtherThan128256Or512IsRefused() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> VectorShape.choose("64"));
        assertEquals(8, VectorShape.choose("256").length());
        assertEquals(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED, VectorShape.choose(null));
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1, false", "2, 17, 5, true", "3, 31, 0, false", "4, 32, 9, true", "5, 33, 40, false",
                "6, 64, 3, true", "7, 95, 11, false", "13, 70, 1, true", "6, 15, 2, false",
                "4, 48, 7, true", "5, 16, 6, false",
                // every register block: 8 × 2 (5–8 rows), 4 × 2, 2 × 2 and 8 × 1 on narrow products;
                // 6 × 4 (4–6 rows) and 3 × 4 (1–3 rows) on products at least 64 columns wide (with 16 registers,
                // the 256-bit fork: 4 × 2 and 2 × 2 narrow, 2 × 4 with a missing row on 32 columns and more)
                "8, 32, 5, true", "9, 47, 4, false", "10, 63, 3, true", "12, 34, 2, false",
                "2, 64, 4, false", "3, 80, 5, true", "4, 129, 3, false", "5, 96, 2, true", "11, 200, 6, true",
                "3, 16, 7, true", "1, 17, 4, false", "4, 48, 3, true",
                // several blocks of 4 vectors in one call, with and without a ragged end
                "1, 130, 2, true", "6, 256, 5, false", "3, 192, 4, false", "7, 272, 3, true"})
    void scalarAndVectorKernelsMatchTheDefinition(int rows, int cols, int depth, boolean accumulate) {
        check(new ScalarBlockKernel(), rows, cols, depth, accumulate);
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "SIMD kernel needs --add-modules jdk.incubator.vector");
        check(new VectorBlockKernel(), rows, cols, depth, accumulate);
        assertTrue(Products.vectorized(), "with the module present the SIMD kernel is chosen");
    }

    /** Dot-product blocks of 1–6 rows, over ranges that are whole vectors, shorter than one, or ragged. */
    @ParameterizedTest
    @CsvSource({"1, 0, 16", "2, 3, 3", "3, 5, 40", "4, 16, 80", "4, 0, 1", "2, 17, 50", "3, 32, 33",
            "1, 5, 100", "3, 0, 64", "5, 16, 96", "6, 7, 70", "5, 0, 3", "6, 32, 32"})
    void dotBlocksMatchTheDefinition(int rows, int lo, int hi) {
        checkDots(new ScalarBlockKernel(), rows, lo, hi);
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "SIMD kernel needs --add-modules jdk.incubator.vector");
        checkDots(new VectorBlockKernel(), rows, lo, hi);
    }

    /** The public small product: strided operands, every entry of C written, strides checked. */
    @ParameterizedTest
    @CsvSource({"1, 1, 1", "7, 3, 5", "1025, 25, 64", "10, 9, 61", "6, 0, 16"})
    void publicMultiplyMatchesTheDefinition(int m, int depth, int cols) {
        SplittableRandom rnd = new SplittableRandom(m * 31L + depth * 7L + cols);
        int aStride = depth + 2;
        int bStride = cols + 3;
        int cStride = cols + 1;
        float[] a = new float[m * aStride];
        float[] b = new float[Math.max(1, depth) * bStride];
        float[] c = new float[m * cStride];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble();
        }
        java.util.Arrays.fill(c, Float.NaN);
        Products.multiply(a, aStride, b, bStride, c, cStride, m, depth, cols, new int[m], new int[m]);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < cols; j++) {
                double x = 0;
                for (int p = 0; p < depth; p++) {
                    x += (double) a[i * aStride + p] * b[p * bStride + j];
                }
                assertEquals(x, c[i * cStride + j], 1e-5 * Math.max(1, depth), "C[" + i + "," + j + "]");
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Products.multiply(a, aStride, b, bStride, c, cStride, m, depth, cols, new int[m - 1],
                        new int[m]));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Products.multiply(a, depth - 1, b, bStride, c, cStride, m, depth, cols, new int[m],
                        new int[m]));
    }

    /** The SIMD dot blocks spill their accumulators into the caller's work space: too small a one is refused. */
    @Test
    void dotBlocksRefuseTooSmallAWorkSpace() {
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "SIMD kernel needs --add-modules jdk.incubator.vector");
        float[] a = new float[64];
        float[] c = new float[4];
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new VectorBlockKernel().dots(a, new int[] {0}, 1, a, 0, 16, 0, 16, c, new int[] {0}, 0,
                        new float[BlockKernel.DOT_WORK - 1]));
        assertTrue(e.getMessage().contains("work space"), e.getMessage());
    }

    /** The SIMD update gives exactly the scalar loop's floats: zeros stay zero, tiny results become 0. */
    @ParameterizedTest
    @CsvSource({"0, 0", "3, 1", "5, 16", "1, 47", "16, 64", "2, 100"})
    void multiplicativeUpdatesMatchTheScalarLoop(int off, int len) {
        SplittableRandom rnd = new SplittableRandom(off * 100L + len);
        int size = off + len + 7;
        float[] x = new float[size];
        float[] num = new float[size + 3];
        float[] den = new float[size + 5];
        for (int i = 0; i < size; i++) {
            int kind = rnd.nextInt(4);
            x[i] = kind == 0 ? 0f : kind == 1 ? 1e-32f : (float) rnd.nextDouble();
        }
        for (int i = 0; i < num.length; i++) {
            num[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < den.length; i++) {
            den[i] = (float) rnd.nextDouble();
        }
        float eps = Math.ulp(1f);
        float flush = 1e-30f;
        float[] want = x.clone();
        for (int i = 0; i < len; i++) {
            float y = want[off + i] * num[off + 3 + i] / (den[off + 5 + i] + eps);
            want[off + i] = y < flush ? 0f : y;
        }
        float[] scalar = x.clone();
        new ScalarBlockKernel().multiplicativeUpdate(scalar, off, num, off + 3, den, off + 5, len, eps, flush);
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, scalar);
        Assumptions.assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "SIMD kernel needs --add-modules jdk.incubator.vector");
        float[] simd = x.clone();
        new VectorBlockKernel().multiplicativeUpdate(simd, off, num, off + 3, den, off + 5, len, eps, flush);
        org.junit.jupiter.api.Assertions.assertArrayEquals(want, simd);
    }

    private static void checkDots(BlockKernel kernel, int rows, int lo, int hi) {
        SplittableRandom rnd = new SplittableRandom(rows * 100L + lo * 10L + hi);
        int stride = hi + 9;
        float[] a = new float[(BlockKernel.DOT_MAX_ROWS + 1) * stride];
        float[] b = new float[3 + BlockKernel.DOT_ROWS * stride];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble();
        }
        int[] aRow = new int[rows];
        for (int i = 0; i < rows; i++) {
            aRow[i] = (BlockKernel.DOT_MAX_ROWS - i) * stride + rnd.nextInt(3);   // gathered, out of order
        }
        // Output rows scattered, out of order, with gaps between them that must stay untouched.
        int cStride = 7;
        int[] cRow = new int[rows];
        for (int i = 0; i < rows; i++) {
            cRow[i] = (rows - 1 - i) * cStride;
        }
        float[] c = new float[rows * cStride + 1];
        java.util.Arrays.fill(c, -1f);
        kernel.dots(a, aRow, rows, b, 3, stride, lo, hi, c, cRow, 1, new float[BlockKernel.DOT_WORK]);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < BlockKernel.DOT_ROWS; j++) {
                double s = 0;
                for (int p = lo; p < hi; p++) {
                    s += (double) a[aRow[i] + p] * b[3 + j * stride + p];
                }
                assertEquals(s, c[cRow[i] + 1 + j], 1e-5 * Math.max(1, hi - lo),
                        kernel.getClass().getSimpleName() + " (" + i + "," + j + ")");
            }
            for (int j = BlockKernel.DOT_ROWS; j < cStride && cRow[i] + 1 + j < c.length; j++) {
                assertEquals(-1f, c[cRow[i] + 1 + j], "outside the block");
            }
        }
        assertEquals(-1f, c[0], "before the block");
    }

    private static void check(BlockKernel kernel, int rows, int cols, int depth, boolean accumulate) {
        SplittableRandom rnd = new SplittableRandom(rows * 1000L + cols * 10L + depth);
        int aStep = 7;
        int bStride = cols + 5;
        int bOff = 3;
        float[] a = new float[50 + rows * 11 + depth * aStep];
        float[] b = new float[bOff + depth * bStride + cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble();
        }
        int[] aRow = new int[rows];
        int[] cRow = new int[rows];
        int cStride = cols + 4;
        for (int i = 0; i < rows; i++) {
            aRow[i] = ((i * 7) % rows) * 11 + rnd.nextInt(5);   // gathered, out of order, may repeat
            cRow[i] = (rows - 1 - i) * cStride;                  // the output rows in reverse order
        }
        float[] c = new float[rows * cStride + 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) rnd.nextDouble();
        }
        float[] before = c.clone();
        kernel.run(a, aRow, aStep, b, bOff, bStride, depth, c, cRow, 2, rows, cols, accumulate);
        boolean[] written = new boolean[c.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double s = accumulate ? before[cRow[i] + 2 + j] : 0;
                for (int p = 0; p < depth; p++) {
                    s += (double) a[aRow[i] + p * aStep] * b[bOff + p * bStride + j];
                }
                int at = cRow[i] + 2 + j;
                written[at] = true;
                assertEquals(s, c[at], 1e-5 * (1 + depth), kernel.getClass().getSimpleName() + " (" + i + "," + j + ")");
            }
        }
        for (int i = 0; i < c.length; i++) {
            if (!written[i]) {
                assertEquals(before[i], c[i], "entry " + i + " outside the block must not change");
            }
        }
    }
}
