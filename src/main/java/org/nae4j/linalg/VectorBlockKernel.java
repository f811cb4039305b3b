package org.nae4j.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD {@link BlockKernel} (loaded only when {@code jdk.incubator.vector} is present). A register block
 * of 6 rows × 2 vectors keeps 12 accumulators live: per step of the depth it loads 2 vectors of B and
 * broadcasts 6 values of A, then issues 12 fused multiply-adds, so it runs at the FMA units' rate while B
 * stays in cache. Fewer rows use a 3 × 2 block; columns left over use 1 vector, then scalars.
 */
final class VectorBlockKernel implements BlockKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int SMALL = 3;

    @Override
    public void run(float[] a, int[] aRow, int aStep, float[] b, int bOff, int bStride, int depth,
                    float[] c, int[] cRow, int cCol, int rows, int cols, boolean accumulate) {
        int i = 0;
        while (i < rows) {
            int m = Math.min(ROWS, rows - i);
            if (m > SMALL) {
                block6(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, cols, accumulate);
            } else {
                block3(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, cols, accumulate);
            }
            i += m;
        }
    }

    /** Rows i0 .. i0+m (m ≤ 6); missing rows repeat the last one and are not stored. */
    private static void block6(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                               int depth, float[] c, int[] cRow, int cCol, int cols, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        int a4 = aRow[Math.min(i0 + 4, last)];
        int a5 = aRow[Math.min(i0 + 5, last)];
        int j = 0;
        for (; j + 2 * L <= cols; j += 2 * L) {
            int cj = cCol + j;
            FloatVector z = FloatVector.zero(S);
            FloatVector x00 = acc ? FloatVector.fromArray(S, c, cRow[i0] + cj) : z;
            FloatVector x01 = acc ? FloatVector.fromArray(S, c, cRow[i0] + cj + L) : z;
            FloatVector x10 = acc && m > 1 ? FloatVector.fromArray(S, c, cRow[i0 + 1] + cj) : z;
            FloatVector x11 = acc && m > 1 ? FloatVector.fromArray(S, c, cRow[i0 + 1] + cj + L) : z;
            FloatVector x20 = acc && m > 2 ? FloatVector.fromArray(S, c, cRow[i0 + 2] + cj) : z;
            FloatVector x21 = acc && m > 2 ? FloatVector.fromArray(S, c, cRow[i0 + 2] + cj + L) : z;
            FloatVector x30 = acc && m > 3 ? FloatVector.fromArray(S, c, cRow[i0 + 3] + cj) : z;
            FloatVector x31 = acc && m > 3 ? FloatVector.fromArray(S, c, cRow[i0 + 3] + cj + L) : z;
            FloatVector x40 = acc && m > 4 ? FloatVector.fromArray(S, c, cRow[i0 + 4] + cj) : z;
            FloatVector x41 = acc && m > 4 ? FloatVector.fromArray(S, c, cRow[i0 + 4] + cj + L) : z;
            FloatVector x50 = acc && m > 5 ? FloatVector.fromArray(S, c, cRow[i0 + 5] + cj) : z;
            FloatVector x51 = acc && m > 5 ? FloatVector.fromArray(S, c, cRow[i0 + 5] + cj + L) : z;
            int pb = bOff + j;
            int pa = 0;
            for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                FloatVector b0 = FloatVector.fromArray(S, b, pb);
                FloatVector b1 = FloatVector.fromArray(S, b, pb + L);
                FloatVector w = FloatVector.broadcast(S, a[a0 + pa]);
                x00 = w.fma(b0, x00);
                x01 = w.fma(b1, x01);
                w = FloatVector.broadcast(S, a[a1 + pa]);
                x10 = w.fma(b0, x10);
                x11 = w.fma(b1, x11);
                w = FloatVector.broadcast(S, a[a2 + pa]);
                x20 = w.fma(b0, x20);
                x21 = w.fma(b1, x21);
                w = FloatVector.broadcast(S, a[a3 + pa]);
                x30 = w.fma(b0, x30);
                x31 = w.fma(b1, x31);
                w = FloatVector.broadcast(S, a[a4 + pa]);
                x40 = w.fma(b0, x40);
                x41 = w.fma(b1, x41);
                w = FloatVector.broadcast(S, a[a5 + pa]);
                x50 = w.fma(b0, x50);
                x51 = w.fma(b1, x51);
            }
            x00.intoArray(c, cRow[i0] + cj);
            x01.intoArray(c, cRow[i0] + cj + L);
            if (m > 1) {
                x10.intoArray(c, cRow[i0 + 1] + cj);
                x11.intoArray(c, cRow[i0 + 1] + cj + L);
            }
            if (m > 2) {
                x20.intoArray(c, cRow[i0 + 2] + cj);
                x21.intoArray(c, cRow[i0 + 2] + cj + L);
            }
            if (m > 3) {
                x30.intoArray(c, cRow[i0 + 3] + cj);
                x31.intoArray(c, cRow[i0 + 3] + cj + L);
            }
            if (m > 4) {
                x40.intoArray(c, cRow[i0 + 4] + cj);
                x41.intoArray(c, cRow[i0 + 4] + cj + L);
            }
            if (m > 5) {
                x50.intoArray(c, cRow[i0 + 5] + cj);
                x51.intoArray(c, cRow[i0 + 5] + cj + L);
            }
        }
        narrowColumns(a, aRow, i0, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, j, cols, acc);
    }

    /** Rows i0 .. i0+m (m ≤ 3); missing rows repeat the last one and are not stored. */
    private static void block3(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                               int depth, float[] c, int[] cRow, int cCol, int cols, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int j = 0;
        for (; j + 2 * L <= cols; j += 2 * L) {
            int cj = cCol + j;
            FloatVector z = FloatVector.zero(S);
            FloatVector x00 = acc ? FloatVector.fromArray(S, c, cRow[i0] + cj) : z;
            FloatVector x01 = acc ? FloatVector.fromArray(S, c, cRow[i0] + cj + L) : z;
            FloatVector x10 = acc && m > 1 ? FloatVector.fromArray(S, c, cRow[i0 + 1] + cj) : z;
            FloatVector x11 = acc && m > 1 ? FloatVector.fromArray(S, c, cRow[i0 + 1] + cj + L) : z;
            FloatVector x20 = acc && m > 2 ? FloatVector.fromArray(S, c, cRow[i0 + 2] + cj) : z;
            FloatVector x21 = acc && m > 2 ? FloatVector.fromArray(S, c, cRow[i0 + 2] + cj + L) : z;
            int pb = bOff + j;
            int pa = 0;
            for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                FloatVector b0 = FloatVector.fromArray(S, b, pb);
                FloatVector b1 = FloatVector.fromArray(S, b, pb + L);
                FloatVector w = FloatVector.broadcast(S, a[a0 + pa]);
                x00 = w.fma(b0, x00);
                x01 = w.fma(b1, x01);
                w = FloatVector.broadcast(S, a[a1 + pa]);
                x10 = w.fma(b0, x10);
                x11 = w.fma(b1, x11);
                w = FloatVector.broadcast(S, a[a2 + pa]);
                x20 = w.fma(b0, x20);
                x21 = w.fma(b1, x21);
            }
            x00.intoArray(c, cRow[i0] + cj);
            x01.intoArray(c, cRow[i0] + cj + L);
            if (m > 1) {
                x10.intoArray(c, cRow[i0 + 1] + cj);
                x11.intoArray(c, cRow[i0 + 1] + cj + L);
            }
            if (m > 2) {
                x20.intoArray(c, cRow[i0 + 2] + cj);
                x21.intoArray(c, cRow[i0 + 2] + cj + L);
            }
        }
        narrowColumns(a, aRow, i0, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, j, cols, acc);
    }

    /**
     * Columns j0 .. cols of rows i0 .. i0+m: one vector wide for all rows at once, then scalars row by row.
     * (One row at a time would chain every multiply-add on the one before it.)
     */
    private static void narrowColumns(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff,
                                      int bStride, int depth, float[] c, int[] cRow, int cCol, int j0, int cols,
                                      boolean acc) {
        int jv = j0;
        for (; jv + L <= cols; jv += L) {
            oneVector(a, aRow, i0, m, aStep, b, bOff + jv, bStride, depth, c, cRow, cCol + jv, acc);
        }
        for (int i = i0; i < i0 + m; i++) {
            int ai = aRow[i];
            int ci = cRow[i] + cCol;
            int j = jv;
            for (; j + L <= cols; j += L) {
                FloatVector x = acc ? FloatVector.fromArray(S, c, ci + j) : FloatVector.zero(S);
                int pb = bOff + j;
                int pa = ai;
                for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                    x = FloatVector.broadcast(S, a[pa]).fma(FloatVector.fromArray(S, b, pb), x);
                }
                x.intoArray(c, ci + j);
            }
            for (; j < cols; j++) {
                float x = acc ? c[ci + j] : 0f;
                int pb = bOff + j;
                int pa = ai;
                for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                    x = Math.fma(a[pa], b[pb], x);
                }
                c[ci + j] = x;
            }
        }
    }

    /** One vector of columns (B from bOff, C from cCol) of rows i0 .. i0+m (m ≤ 6), six accumulators. */
    private static void oneVector(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff,
                                  int bStride, int depth, float[] c, int[] cRow, int cCol, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        int a4 = aRow[Math.min(i0 + 4, last)];
        int a5 = aRow[Math.min(i0 + 5, last)];
        FloatVector z = FloatVector.zero(S);
        FloatVector x0 = acc ? FloatVector.fromArray(S, c, cRow[i0] + cCol) : z;
        FloatVector x1 = acc && m > 1 ? FloatVector.fromArray(S, c, cRow[i0 + 1] + cCol) : z;
        FloatVector x2 = acc && m > 2 ? FloatVector.fromArray(S, c, cRow[i0 + 2] + cCol) : z;
        FloatVector x3 = acc && m > 3 ? FloatVector.fromArray(S, c, cRow[i0 + 3] + cCol) : z;
        FloatVector x4 = acc && m > 4 ? FloatVector.fromArray(S, c, cRow[i0 + 4] + cCol) : z;
        FloatVector x5 = acc && m > 5 ? FloatVector.fromArray(S, c, cRow[i0 + 5] + cCol) : z;
        int pb = bOff;
        int pa = 0;
        for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            x0 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, x0);
            x1 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, x1);
            x2 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, x2);
            x3 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, x3);
            x4 = FloatVector.broadcast(S, a[a4 + pa]).fma(b0, x4);
            x5 = FloatVector.broadcast(S, a[a5 + pa]).fma(b0, x5);
        }
        x0.intoArray(c, cRow[i0] + cCol);
        if (m > 1) {
            x1.intoArray(c, cRow[i0 + 1] + cCol);
        }
        if (m > 2) {
            x2.intoArray(c, cRow[i0 + 2] + cCol);
        }
        if (m > 3) {
            x3.intoArray(c, cRow[i0 + 3] + cCol);
        }
        if (m > 4) {
            x4.intoArray(c, cRow[i0 + 4] + cCol);
        }
        if (m > 5) {
            x5.intoArray(c, cRow[i0 + 5] + cCol);
        }
    }
}
