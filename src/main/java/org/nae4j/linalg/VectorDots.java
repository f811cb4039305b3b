package org.nae4j.linalg;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockKernel#dots} on the Vector API: one block of 1–4 rows of A × {@link BlockKernel#DOT_ROWS}
 * rows of B, each pair's products summed lane-wise along the bins and the lanes reduced at the end. A block
 * of m rows keeps 4·m accumulators and loads 4 + m vectors per step, so a caller that splits its rows
 * evenly (9 rows as 3 + 3 + 3, not 4 + 4 + 1) issues no multiply-add for a missing row.
 */
final class VectorDots {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDots() {
    }

    static void dots(float[] a, int[] aRow, int rows, float[] b, int bOff, int bStride, int lo, int hi, float[] c,
                     int[] cRow, int cCol) {
        switch (rows) {
            case 4 -> dots4(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol);
            case 3 -> dots3(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol);
            case 2 -> dots2(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol);
            case 1 -> dots1(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol);
            default -> throw new IllegalArgumentException("a dot block has 1 to 4 rows, got " + rows);
        }
    }

    private static void dots4(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol) {
        int a0 = aRow[0];
        int a1 = aRow[1];
        int a2 = aRow[2];
        int a3 = aRow[3];
        int b1 = b0 + bStride;
        int b2 = b0 + 2 * bStride;
        int b3 = b0 + 3 * bStride;
        FloatVector x00 = FloatVector.zero(S);
        FloatVector x01 = x00;
        FloatVector x02 = x00;
        FloatVector x03 = x00;
        FloatVector x10 = x00;
        FloatVector x11 = x00;
        FloatVector x12 = x00;
        FloatVector x13 = x00;
        FloatVector x20 = x00;
        FloatVector x21 = x00;
        FloatVector x22 = x00;
        FloatVector x23 = x00;
        FloatVector x30 = x00;
        FloatVector x31 = x00;
        FloatVector x32 = x00;
        FloatVector x33 = x00;
        int p = lo;
        for (; p + L <= hi; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector w = FloatVector.fromArray(S, a, a0 + p);
            x00 = w.fma(y0, x00); x01 = w.fma(y1, x01); x02 = w.fma(y2, x02); x03 = w.fma(y3, x03);
            w = FloatVector.fromArray(S, a, a1 + p);
            x10 = w.fma(y0, x10); x11 = w.fma(y1, x11); x12 = w.fma(y2, x12); x13 = w.fma(y3, x13);
            w = FloatVector.fromArray(S, a, a2 + p);
            x20 = w.fma(y0, x20); x21 = w.fma(y1, x21); x22 = w.fma(y2, x22); x23 = w.fma(y3, x23);
            w = FloatVector.fromArray(S, a, a3 + p);
            x30 = w.fma(y0, x30); x31 = w.fma(y1, x31); x32 = w.fma(y2, x32); x33 = w.fma(y3, x33);
        }
        store(x00, x01, x02, x03, a, a0, b, b0, bStride, p, hi, c, cRow[0] + cCol);
        store(x10, x11, x12, x13, a, a1, b, b0, bStride, p, hi, c, cRow[1] + cCol);
        store(x20, x21, x22, x23, a, a2, b, b0, bStride, p, hi, c, cRow[2] + cCol);
        store(x30, x31, x32, x33, a, a3, b, b0, bStride, p, hi, c, cRow[3] + cCol);
    }

    private static void dots3(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol) {
        int a0 = aRow[0];
        int a1 = aRow[1];
        int a2 = aRow[2];
        int b1 = b0 + bStride;
        int b2 = b0 + 2 * bStride;
        int b3 = b0 + 3 * bStride;
        FloatVector x00 = FloatVector.zero(S);
        FloatVector x01 = x00;
        FloatVector x02 = x00;
        FloatVector x03 = x00;
        FloatVector x10 = x00;
        FloatVector x11 = x00;
        FloatVector x12 = x00;
        FloatVector x13 = x00;
        FloatVector x20 = x00;
        FloatVector x21 = x00;
        FloatVector x22 = x00;
        FloatVector x23 = x00;
        int p = lo;
        for (; p + L <= hi; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector w = FloatVector.fromArray(S, a, a0 + p);
            x00 = w.fma(y0, x00); x01 = w.fma(y1, x01); x02 = w.fma(y2, x02); x03 = w.fma(y3, x03);
            w = FloatVector.fromArray(S, a, a1 + p);
            x10 = w.fma(y0, x10); x11 = w.fma(y1, x11); x12 = w.fma(y2, x12); x13 = w.fma(y3, x13);
            w = FloatVector.fromArray(S, a, a2 + p);
            x20 = w.fma(y0, x20); x21 = w.fma(y1, x21); x22 = w.fma(y2, x22); x23 = w.fma(y3, x23);
        }
        store(x00, x01, x02, x03, a, a0, b, b0, bStride, p, hi, c, cRow[0] + cCol);
        store(x10, x11, x12, x13, a, a1, b, b0, bStride, p, hi, c, cRow[1] + cCol);
        store(x20, x21, x22, x23, a, a2, b, b0, bStride, p, hi, c, cRow[2] + cCol);
    }

    private static void dots2(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol) {
        int a0 = aRow[0];
        int a1 = aRow[1];
        int b1 = b0 + bStride;
        int b2 = b0 + 2 * bStride;
        int b3 = b0 + 3 * bStride;
        FloatVector x00 = FloatVector.zero(S);
        FloatVector x01 = x00;
        FloatVector x02 = x00;
        FloatVector x03 = x00;
        FloatVector x10 = x00;
        FloatVector x11 = x00;
        FloatVector x12 = x00;
        FloatVector x13 = x00;
        int p = lo;
        for (; p + L <= hi; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector w = FloatVector.fromArray(S, a, a0 + p);
            x00 = w.fma(y0, x00); x01 = w.fma(y1, x01); x02 = w.fma(y2, x02); x03 = w.fma(y3, x03);
            w = FloatVector.fromArray(S, a, a1 + p);
            x10 = w.fma(y0, x10); x11 = w.fma(y1, x11); x12 = w.fma(y2, x12); x13 = w.fma(y3, x13);
        }
        store(x00, x01, x02, x03, a, a0, b, b0, bStride, p, hi, c, cRow[0] + cCol);
        store(x10, x11, x12, x13, a, a1, b, b0, bStride, p, hi, c, cRow[1] + cCol);
    }

    private static void dots1(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol) {
        int a0 = aRow[0];
        int b1 = b0 + bStride;
        int b2 = b0 + 2 * bStride;
        int b3 = b0 + 3 * bStride;
        FloatVector x00 = FloatVector.zero(S);
        FloatVector x01 = x00;
        FloatVector x02 = x00;
        FloatVector x03 = x00;
        int p = lo;
        for (; p + L <= hi; p += L) {
            FloatVector w = FloatVector.fromArray(S, a, a0 + p);
            x00 = w.fma(FloatVector.fromArray(S, b, b0 + p), x00);
            x01 = w.fma(FloatVector.fromArray(S, b, b1 + p), x01);
            x02 = w.fma(FloatVector.fromArray(S, b, b2 + p), x02);
            x03 = w.fma(FloatVector.fromArray(S, b, b3 + p), x03);
        }
        store(x00, x01, x02, x03, a, a0, b, b0, bStride, p, hi, c, cRow[0] + cCol);
    }

    /** One row of a block: each accumulator's lanes summed, plus the indices [tail, hi) one at a time. */
    private static void store(FloatVector x0, FloatVector x1, FloatVector x2, FloatVector x3, float[] a, int ai,
                              float[] b, int b0, int bStride, int tail, int hi, float[] c, int co) {
        float s0 = x0.reduceLanes(VectorOperators.ADD);
        float s1 = x1.reduceLanes(VectorOperators.ADD);
        float s2 = x2.reduceLanes(VectorOperators.ADD);
        float s3 = x3.reduceLanes(VectorOperators.ADD);
        for (int p = tail; p < hi; p++) {
            float w = a[ai + p];
            s0 = Math.fma(w, b[b0 + p], s0);
            s1 = Math.fma(w, b[b0 + bStride + p], s1);
            s2 = Math.fma(w, b[b0 + 2 * bStride + p], s2);
            s3 = Math.fma(w, b[b0 + 3 * bStride + p], s3);
        }
        c[co] = s0;
        c[co + 1] = s1;
        c[co + 2] = s2;
        c[co + 3] = s3;
    }
}
