package org.nae4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD {@link BlockKernel} (loaded only when {@code jdk.incubator.vector} is present). Register blocks of
 * R rows × V vectors keep R·V accumulators live: per step of the depth they load V vectors of B and broadcast
 * R values of A, then issue R·V fused multiply-adds. More accumulators per loaded value run faster
 * (docs/performance.md), so products at least four vectors wide run 6 × 4 blocks, narrower ones 8 × 2, one
 * vector 8 × 1, with smaller blocks for few rows and scalars for the columns left over. The vector shape is
 * {@link VectorShape}'s.
 * Every block has the same shape of code; missing rows of a block repeat its last row and are not stored.
 */
final class VectorBlockKernel implements BlockKernel {
    private static final VectorSpecies<Float> S = VectorShape.SPECIES;
    private static final int L = S.length();

    @Override
    public int floatsPerVector() {
        return L;
    }

    @Override
    public void run(float[] a, int[] aRow, int aStep, float[] b, int bOff, int bStride, int depth,
                    float[] c, int[] cRow, int cCol, int rows, int cols, boolean accumulate) {
        if (VectorShape.FEW_REGISTERS) {
            runSmall(a, aRow, aStep, b, bOff, bStride, depth, c, cRow, cCol, rows, cols, accumulate);
            return;
        }
        boolean wide = cols >= 4 * L;
        int group = wide ? WIDE_ROWS : NARROW_ROWS;
        for (int i = 0; i < rows; i += group) {
            int m = Math.min(group, rows - i);
            int j = 0;
            if (wide) {
                // All whole blocks of 4 vectors in one call: the rows' offsets are looked up once.
                int blocks = cols / (4 * L);
                if (m > 3) {
                    b6x4(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, blocks, accumulate);
                } else {
                    b3x4(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, blocks, accumulate);
                }
                j = blocks * 4 * L;
            }
            for (; j + 2 * L <= cols; j += 2 * L) {
                if (m > 4) {
                    b8x2(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                } else if (m > 2) {
                    b4x2(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                } else {
                    b2x2(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                }
            }
            for (; j + L <= cols; j += L) {
                if (m > 4) {
                    b8x1(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                } else {
                    b4x1(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                }
            }
            if (j < cols) {
                scalarColumns(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, j, cols, accumulate);
            }
        }
    }

    /**
     * {@link #run} for machines with 16 vector registers, where the larger blocks would spill: 2 rows × 4
     * vectors on products at least four vectors wide, else at most 4 rows × 2 vectors (8 accumulators).
     */
    private static void runSmall(float[] a, int[] aRow, int aStep, float[] b, int bOff, int bStride, int depth,
                                 float[] c, int[] cRow, int cCol, int rows, int cols, boolean accumulate) {
        boolean wide = cols >= 4 * L;
        for (int i = 0; i < rows; i += wide ? 2 : 4) {
            int m = Math.min(wide ? 2 : 4, rows - i);
            int j = 0;
            if (wide) {
                // 2 rows × 4 vectors: 8 accumulators, 4 loads and 2 broadcasts fit in 16 registers however the
                // JIT orders them. A 3 × 4 block needs 16 only if it loads one vector of B at a time, and the JIT
                // loads two or more, so it spilled; a 4 × 2 block issues its 8 multiply-adds per 2 loads and 4
                // broadcasts, and ran slower in the masked products (docs/performance.md).
                int blocks = cols / (4 * L);
                b2x4(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, blocks, accumulate);
                j = blocks * 4 * L;
            }
            for (; j + 2 * L <= cols; j += 2 * L) {
                if (m > 2) {
                    b4x2(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                } else {
                    b2x2(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
                }
            }
            for (; j + L <= cols; j += L) {
                b4x1(a, aRow, i, m, aStep, b, bOff + j, bStride, depth, c, cRow, cCol + j, accumulate);
            }
            if (j < cols) {
                scalarColumns(a, aRow, i, m, aStep, b, bOff, bStride, depth, c, cRow, cCol, j, cols, accumulate);
            }
        }
    }

    @Override
    public void dots(float[] a, int[] aRow, int rows, float[] b, int bOff, int bStride, int lo, int hi, float[] c,
                     int[] cRow, int cCol, float[] work) {
        VectorDots.dots(a, aRow, rows, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
    }

    @Override
    public void multiplicativeUpdate(float[] x, int xOff, float[] num, int numOff, float[] den, int denOff, int len,
                                     float eps, float flush) {
        int i = 0;
        // The scalar loop's select (result below flush → 0) keeps the JIT from vectorising it.
        for (; i + L <= len; i += L) {
            FloatVector y = FloatVector.fromArray(S, x, xOff + i).mul(FloatVector.fromArray(S, num, numOff + i))
                    .div(FloatVector.fromArray(S, den, denOff + i).add(eps));
            y.blend(0f, y.lt(flush)).intoArray(x, xOff + i);
        }
        for (; i < len; i++) {
            float y = x[xOff + i] * num[numOff + i] / (den[denOff + i] + eps);
            x[xOff + i] = y < flush ? 0f : y;
        }
    }

    /** Columns j0 .. cols of rows i0 .. i0+m, one at a time (fewer than one vector's worth). */
    private static void scalarColumns(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff,
                                      int bStride, int depth, float[] c, int[] cRow, int cCol, int j0, int cols,
                                      boolean acc) {
        for (int i = i0; i < i0 + m; i++) {
            int ai = aRow[i];
            int ci = cRow[i] + cCol;
            for (int j = j0; j < cols; j++) {
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

    /**
     * Columns [cCol, cCol + blocks·4·L) of rows i0 .. i0+m (m ≤ 6), 4 vectors at a time; missing rows repeat the
     * last one and are not stored. One call runs all the blocks, so the rows' offsets are looked up and the
     * arguments passed once, not per block.
     */
    private static void b6x4(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, int blocks, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        int a4 = aRow[Math.min(i0 + 4, last)];
        int a5 = aRow[Math.min(i0 + 5, last)];
        int c0 = cRow[i0] + cCol;
        int c1 = cRow[Math.min(i0 + 1, last)] + cCol;
        int c2 = cRow[Math.min(i0 + 2, last)] + cCol;
        int c3 = cRow[Math.min(i0 + 3, last)] + cCol;
        int c4 = cRow[Math.min(i0 + 4, last)] + cCol;
        int c5 = cRow[Math.min(i0 + 5, last)] + cCol;
        for (int jb = 0, j = 0; jb < blocks; jb++, j += 4 * L) {
            FloatVector x00 = load(acc, c, c0 + j + 0 * L);
            FloatVector x01 = load(acc, c, c0 + j + 1 * L);
            FloatVector x02 = load(acc, c, c0 + j + 2 * L);
            FloatVector x03 = load(acc, c, c0 + j + 3 * L);
            FloatVector x10 = load(acc && m > 1, c, c1 + j + 0 * L);
            FloatVector x11 = load(acc && m > 1, c, c1 + j + 1 * L);
            FloatVector x12 = load(acc && m > 1, c, c1 + j + 2 * L);
            FloatVector x13 = load(acc && m > 1, c, c1 + j + 3 * L);
            FloatVector x20 = load(acc && m > 2, c, c2 + j + 0 * L);
            FloatVector x21 = load(acc && m > 2, c, c2 + j + 1 * L);
            FloatVector x22 = load(acc && m > 2, c, c2 + j + 2 * L);
            FloatVector x23 = load(acc && m > 2, c, c2 + j + 3 * L);
            FloatVector x30 = load(acc && m > 3, c, c3 + j + 0 * L);
            FloatVector x31 = load(acc && m > 3, c, c3 + j + 1 * L);
            FloatVector x32 = load(acc && m > 3, c, c3 + j + 2 * L);
            FloatVector x33 = load(acc && m > 3, c, c3 + j + 3 * L);
            FloatVector x40 = load(acc && m > 4, c, c4 + j + 0 * L);
            FloatVector x41 = load(acc && m > 4, c, c4 + j + 1 * L);
            FloatVector x42 = load(acc && m > 4, c, c4 + j + 2 * L);
            FloatVector x43 = load(acc && m > 4, c, c4 + j + 3 * L);
            FloatVector x50 = load(acc && m > 5, c, c5 + j + 0 * L);
            FloatVector x51 = load(acc && m > 5, c, c5 + j + 1 * L);
            FloatVector x52 = load(acc && m > 5, c, c5 + j + 2 * L);
            FloatVector x53 = load(acc && m > 5, c, c5 + j + 3 * L);
            int pb = bOff + j;
            int pa = 0;
            for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
                FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
                FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
                FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
                x00 = w0.fma(b0, x00); x01 = w0.fma(b1, x01); x02 = w0.fma(b2, x02); x03 = w0.fma(b3, x03);
                FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
                x10 = w1.fma(b0, x10); x11 = w1.fma(b1, x11); x12 = w1.fma(b2, x12); x13 = w1.fma(b3, x13);
                FloatVector w2 = FloatVector.broadcast(S, a[a2 + pa]);
                x20 = w2.fma(b0, x20); x21 = w2.fma(b1, x21); x22 = w2.fma(b2, x22); x23 = w2.fma(b3, x23);
                FloatVector w3 = FloatVector.broadcast(S, a[a3 + pa]);
                x30 = w3.fma(b0, x30); x31 = w3.fma(b1, x31); x32 = w3.fma(b2, x32); x33 = w3.fma(b3, x33);
                FloatVector w4 = FloatVector.broadcast(S, a[a4 + pa]);
                x40 = w4.fma(b0, x40); x41 = w4.fma(b1, x41); x42 = w4.fma(b2, x42); x43 = w4.fma(b3, x43);
                FloatVector w5 = FloatVector.broadcast(S, a[a5 + pa]);
                x50 = w5.fma(b0, x50); x51 = w5.fma(b1, x51); x52 = w5.fma(b2, x52); x53 = w5.fma(b3, x53);
            }
            x00.intoArray(c, c0 + j + 0 * L);
            x01.intoArray(c, c0 + j + 1 * L);
            x02.intoArray(c, c0 + j + 2 * L);
            x03.intoArray(c, c0 + j + 3 * L);
            if (m > 1) {
                x10.intoArray(c, c1 + j + 0 * L);
                x11.intoArray(c, c1 + j + 1 * L);
                x12.intoArray(c, c1 + j + 2 * L);
                x13.intoArray(c, c1 + j + 3 * L);
            }
            if (m > 2) {
                x20.intoArray(c, c2 + j + 0 * L);
                x21.intoArray(c, c2 + j + 1 * L);
                x22.intoArray(c, c2 + j + 2 * L);
                x23.intoArray(c, c2 + j + 3 * L);
            }
            if (m > 3) {
                x30.intoArray(c, c3 + j + 0 * L);
                x31.intoArray(c, c3 + j + 1 * L);
                x32.intoArray(c, c3 + j + 2 * L);
                x33.intoArray(c, c3 + j + 3 * L);
            }
            if (m > 4) {
                x40.intoArray(c, c4 + j + 0 * L);
                x41.intoArray(c, c4 + j + 1 * L);
                x42.intoArray(c, c4 + j + 2 * L);
                x43.intoArray(c, c4 + j + 3 * L);
            }
            if (m > 5) {
                x50.intoArray(c, c5 + j + 0 * L);
                x51.intoArray(c, c5 + j + 1 * L);
                x52.intoArray(c, c5 + j + 2 * L);
                x53.intoArray(c, c5 + j + 3 * L);
            }
        }
    }

    /** As {@link #b6x4} for m ≤ 3 rows. */
    private static void b3x4(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, int blocks, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int c0 = cRow[i0] + cCol;
        int c1 = cRow[Math.min(i0 + 1, last)] + cCol;
        int c2 = cRow[Math.min(i0 + 2, last)] + cCol;
        for (int jb = 0, j = 0; jb < blocks; jb++, j += 4 * L) {
            FloatVector x00 = load(acc, c, c0 + j + 0 * L);
            FloatVector x01 = load(acc, c, c0 + j + 1 * L);
            FloatVector x02 = load(acc, c, c0 + j + 2 * L);
            FloatVector x03 = load(acc, c, c0 + j + 3 * L);
            FloatVector x10 = load(acc && m > 1, c, c1 + j + 0 * L);
            FloatVector x11 = load(acc && m > 1, c, c1 + j + 1 * L);
            FloatVector x12 = load(acc && m > 1, c, c1 + j + 2 * L);
            FloatVector x13 = load(acc && m > 1, c, c1 + j + 3 * L);
            FloatVector x20 = load(acc && m > 2, c, c2 + j + 0 * L);
            FloatVector x21 = load(acc && m > 2, c, c2 + j + 1 * L);
            FloatVector x22 = load(acc && m > 2, c, c2 + j + 2 * L);
            FloatVector x23 = load(acc && m > 2, c, c2 + j + 3 * L);
            int pb = bOff + j;
            int pa = 0;
            for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
                FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
                FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
                FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
                x00 = w0.fma(b0, x00); x01 = w0.fma(b1, x01); x02 = w0.fma(b2, x02); x03 = w0.fma(b3, x03);
                FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
                x10 = w1.fma(b0, x10); x11 = w1.fma(b1, x11); x12 = w1.fma(b2, x12); x13 = w1.fma(b3, x13);
                FloatVector w2 = FloatVector.broadcast(S, a[a2 + pa]);
                x20 = w2.fma(b0, x20); x21 = w2.fma(b1, x21); x22 = w2.fma(b2, x22); x23 = w2.fma(b3, x23);
            }
            x00.intoArray(c, c0 + j + 0 * L);
            x01.intoArray(c, c0 + j + 1 * L);
            x02.intoArray(c, c0 + j + 2 * L);
            x03.intoArray(c, c0 + j + 3 * L);
            if (m > 1) {
                x10.intoArray(c, c1 + j + 0 * L);
                x11.intoArray(c, c1 + j + 1 * L);
                x12.intoArray(c, c1 + j + 2 * L);
                x13.intoArray(c, c1 + j + 3 * L);
            }
            if (m > 2) {
                x20.intoArray(c, c2 + j + 0 * L);
                x21.intoArray(c, c2 + j + 1 * L);
                x22.intoArray(c, c2 + j + 2 * L);
                x23.intoArray(c, c2 + j + 3 * L);
            }
        }
    }

    /**
     * Columns [cCol, cCol + blocks·4·L) of rows i0 .. i0+m (m ≤ 2), a block of 4 vectors at a time; a missing
     * row repeats the first and is not stored.
     */
    private static void b2x4(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, int blocks, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[last];
        int c0 = cRow[i0] + cCol;
        int c1 = cRow[last] + cCol;
        for (int jb = 0, j = 0; jb < blocks; jb++, j += 4 * L) {
            FloatVector x00 = load(acc, c, c0 + j + 0 * L);
            FloatVector x01 = load(acc, c, c0 + j + 1 * L);
            FloatVector x02 = load(acc, c, c0 + j + 2 * L);
            FloatVector x03 = load(acc, c, c0 + j + 3 * L);
            FloatVector x10 = load(acc && m > 1, c, c1 + j + 0 * L);
            FloatVector x11 = load(acc && m > 1, c, c1 + j + 1 * L);
            FloatVector x12 = load(acc && m > 1, c, c1 + j + 2 * L);
            FloatVector x13 = load(acc && m > 1, c, c1 + j + 3 * L);
            int pb = bOff + j;
            int pa = 0;
            for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
                FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
                FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
                FloatVector b2 = FloatVector.fromArray(S, b, pb + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, pb + 3 * L);
                FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
                x00 = w0.fma(b0, x00); x01 = w0.fma(b1, x01); x02 = w0.fma(b2, x02); x03 = w0.fma(b3, x03);
                FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
                x10 = w1.fma(b0, x10); x11 = w1.fma(b1, x11); x12 = w1.fma(b2, x12); x13 = w1.fma(b3, x13);
            }
            x00.intoArray(c, c0 + j + 0 * L);
            x01.intoArray(c, c0 + j + 1 * L);
            x02.intoArray(c, c0 + j + 2 * L);
            x03.intoArray(c, c0 + j + 3 * L);
            if (m > 1) {
                x10.intoArray(c, c1 + j + 0 * L);
                x11.intoArray(c, c1 + j + 1 * L);
                x12.intoArray(c, c1 + j + 2 * L);
                x13.intoArray(c, c1 + j + 3 * L);
            }
        }
    }

    /** Columns [cCol, cCol + 2·L) of rows i0 .. i0+m (m ≤ 8); missing rows repeat the last one and are not stored. */
    private static void b8x2(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        int a4 = aRow[Math.min(i0 + 4, last)];
        int a5 = aRow[Math.min(i0 + 5, last)];
        int a6 = aRow[Math.min(i0 + 6, last)];
        int a7 = aRow[Math.min(i0 + 7, last)];
        FloatVector x00 = load(acc, c, cRow[i0] + cCol + 0 * L);
        FloatVector x01 = load(acc, c, cRow[i0] + cCol + 1 * L);
        FloatVector x10 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 0 * L);
        FloatVector x11 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 1 * L);
        FloatVector x20 = load(acc && m > 2, c, cRow[Math.min(i0 + 2, last)] + cCol + 0 * L);
        FloatVector x21 = load(acc && m > 2, c, cRow[Math.min(i0 + 2, last)] + cCol + 1 * L);
        FloatVector x30 = load(acc && m > 3, c, cRow[Math.min(i0 + 3, last)] + cCol + 0 * L);
        FloatVector x31 = load(acc && m > 3, c, cRow[Math.min(i0 + 3, last)] + cCol + 1 * L);
        FloatVector x40 = load(acc && m > 4, c, cRow[Math.min(i0 + 4, last)] + cCol + 0 * L);
        FloatVector x41 = load(acc && m > 4, c, cRow[Math.min(i0 + 4, last)] + cCol + 1 * L);
        FloatVector x50 = load(acc && m > 5, c, cRow[Math.min(i0 + 5, last)] + cCol + 0 * L);
        FloatVector x51 = load(acc && m > 5, c, cRow[Math.min(i0 + 5, last)] + cCol + 1 * L);
        FloatVector x60 = load(acc && m > 6, c, cRow[Math.min(i0 + 6, last)] + cCol + 0 * L);
        FloatVector x61 = load(acc && m > 6, c, cRow[Math.min(i0 + 6, last)] + cCol + 1 * L);
        FloatVector x70 = load(acc && m > 7, c, cRow[Math.min(i0 + 7, last)] + cCol + 0 * L);
        FloatVector x71 = load(acc && m > 7, c, cRow[Math.min(i0 + 7, last)] + cCol + 1 * L);
        int pb = bOff;
        int pa = 0;
        for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
            x00 = w0.fma(b0, x00); x01 = w0.fma(b1, x01);
            FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
            x10 = w1.fma(b0, x10); x11 = w1.fma(b1, x11);
            FloatVector w2 = FloatVector.broadcast(S, a[a2 + pa]);
            x20 = w2.fma(b0, x20); x21 = w2.fma(b1, x21);
            FloatVector w3 = FloatVector.broadcast(S, a[a3 + pa]);
            x30 = w3.fma(b0, x30); x31 = w3.fma(b1, x31);
            FloatVector w4 = FloatVector.broadcast(S, a[a4 + pa]);
            x40 = w4.fma(b0, x40); x41 = w4.fma(b1, x41);
            FloatVector w5 = FloatVector.broadcast(S, a[a5 + pa]);
            x50 = w5.fma(b0, x50); x51 = w5.fma(b1, x51);
            FloatVector w6 = FloatVector.broadcast(S, a[a6 + pa]);
            x60 = w6.fma(b0, x60); x61 = w6.fma(b1, x61);
            FloatVector w7 = FloatVector.broadcast(S, a[a7 + pa]);
            x70 = w7.fma(b0, x70); x71 = w7.fma(b1, x71);
        }
        x00.intoArray(c, cRow[i0 + 0] + cCol + 0 * L);
        x01.intoArray(c, cRow[i0 + 0] + cCol + 1 * L);
        if (m > 1) {
            x10.intoArray(c, cRow[i0 + 1] + cCol + 0 * L);
            x11.intoArray(c, cRow[i0 + 1] + cCol + 1 * L);
        }
        if (m > 2) {
            x20.intoArray(c, cRow[i0 + 2] + cCol + 0 * L);
            x21.intoArray(c, cRow[i0 + 2] + cCol + 1 * L);
        }
        if (m > 3) {
            x30.intoArray(c, cRow[i0 + 3] + cCol + 0 * L);
            x31.intoArray(c, cRow[i0 + 3] + cCol + 1 * L);
        }
        if (m > 4) {
            x40.intoArray(c, cRow[i0 + 4] + cCol + 0 * L);
            x41.intoArray(c, cRow[i0 + 4] + cCol + 1 * L);
        }
        if (m > 5) {
            x50.intoArray(c, cRow[i0 + 5] + cCol + 0 * L);
            x51.intoArray(c, cRow[i0 + 5] + cCol + 1 * L);
        }
        if (m > 6) {
            x60.intoArray(c, cRow[i0 + 6] + cCol + 0 * L);
            x61.intoArray(c, cRow[i0 + 6] + cCol + 1 * L);
        }
        if (m > 7) {
            x70.intoArray(c, cRow[i0 + 7] + cCol + 0 * L);
            x71.intoArray(c, cRow[i0 + 7] + cCol + 1 * L);
        }
    }

    /** Columns [cCol, cCol + 2·L) of rows i0 .. i0+m (m ≤ 4); missing rows repeat the last one and are not stored. */
    private static void b4x2(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        FloatVector x00 = load(acc, c, cRow[i0] + cCol + 0 * L);
        FloatVector x01 = load(acc, c, cRow[i0] + cCol + 1 * L);
        FloatVector x10 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 0 * L);
        FloatVector x11 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 1 * L);
        FloatVector x20 = load(acc && m > 2, c, cRow[Math.min(i0 + 2, last)] + cCol + 0 * L);
        FloatVector x21 = load(acc && m > 2, c, cRow[Math.min(i0 + 2, last)] + cCol + 1 * L);
        FloatVector x30 = load(acc && m > 3, c, cRow[Math.min(i0 + 3, last)] + cCol + 0 * L);
        FloatVector x31 = load(acc && m > 3, c, cRow[Math.min(i0 + 3, last)] + cCol + 1 * L);
        int pb = bOff;
        int pa = 0;
        for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
            x00 = w0.fma(b0, x00); x01 = w0.fma(b1, x01);
            FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
            x10 = w1.fma(b0, x10); x11 = w1.fma(b1, x11);
            FloatVector w2 = FloatVector.broadcast(S, a[a2 + pa]);
            x20 = w2.fma(b0, x20); x21 = w2.fma(b1, x21);
            FloatVector w3 = FloatVector.broadcast(S, a[a3 + pa]);
            x30 = w3.fma(b0, x30); x31 = w3.fma(b1, x31);
        }
        x00.intoArray(c, cRow[i0 + 0] + cCol + 0 * L);
        x01.intoArray(c, cRow[i0 + 0] + cCol + 1 * L);
        if (m > 1) {
            x10.intoArray(c, cRow[i0 + 1] + cCol + 0 * L);
            x11.intoArray(c, cRow[i0 + 1] + cCol + 1 * L);
        }
        if (m > 2) {
            x20.intoArray(c, cRow[i0 + 2] + cCol + 0 * L);
            x21.intoArray(c, cRow[i0 + 2] + cCol + 1 * L);
        }
        if (m > 3) {
            x30.intoArray(c, cRow[i0 + 3] + cCol + 0 * L);
            x31.intoArray(c, cRow[i0 + 3] + cCol + 1 * L);
        }
    }

    /** Columns [cCol, cCol + 2·L) of rows i0 .. i0+m (m ≤ 2); missing rows repeat the last one and are not stored. */
    private static void b2x2(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        FloatVector x00 = load(acc, c, cRow[i0] + cCol + 0 * L);
        FloatVector x01 = load(acc, c, cRow[i0] + cCol + 1 * L);
        FloatVector x10 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 0 * L);
        FloatVector x11 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 1 * L);
        int pb = bOff;
        int pa = 0;
        for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, b, pb + 1 * L);
            FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
            x00 = w0.fma(b0, x00); x01 = w0.fma(b1, x01);
            FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
            x10 = w1.fma(b0, x10); x11 = w1.fma(b1, x11);
        }
        x00.intoArray(c, cRow[i0 + 0] + cCol + 0 * L);
        x01.intoArray(c, cRow[i0 + 0] + cCol + 1 * L);
        if (m > 1) {
            x10.intoArray(c, cRow[i0 + 1] + cCol + 0 * L);
            x11.intoArray(c, cRow[i0 + 1] + cCol + 1 * L);
        }
    }

    /** Columns [cCol, cCol + 1·L) of rows i0 .. i0+m (m ≤ 8); missing rows repeat the last one and are not stored. */
    private static void b8x1(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        int a4 = aRow[Math.min(i0 + 4, last)];
        int a5 = aRow[Math.min(i0 + 5, last)];
        int a6 = aRow[Math.min(i0 + 6, last)];
        int a7 = aRow[Math.min(i0 + 7, last)];
        FloatVector x00 = load(acc, c, cRow[i0] + cCol + 0 * L);
        FloatVector x10 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol + 0 * L);
        FloatVector x20 = load(acc && m > 2, c, cRow[Math.min(i0 + 2, last)] + cCol + 0 * L);
        FloatVector x30 = load(acc && m > 3, c, cRow[Math.min(i0 + 3, last)] + cCol + 0 * L);
        FloatVector x40 = load(acc && m > 4, c, cRow[Math.min(i0 + 4, last)] + cCol + 0 * L);
        FloatVector x50 = load(acc && m > 5, c, cRow[Math.min(i0 + 5, last)] + cCol + 0 * L);
        FloatVector x60 = load(acc && m > 6, c, cRow[Math.min(i0 + 6, last)] + cCol + 0 * L);
        FloatVector x70 = load(acc && m > 7, c, cRow[Math.min(i0 + 7, last)] + cCol + 0 * L);
        int pb = bOff;
        int pa = 0;
        for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb + 0 * L);
            FloatVector w0 = FloatVector.broadcast(S, a[a0 + pa]);
            x00 = w0.fma(b0, x00);
            FloatVector w1 = FloatVector.broadcast(S, a[a1 + pa]);
            x10 = w1.fma(b0, x10);
            FloatVector w2 = FloatVector.broadcast(S, a[a2 + pa]);
            x20 = w2.fma(b0, x20);
            FloatVector w3 = FloatVector.broadcast(S, a[a3 + pa]);
            x30 = w3.fma(b0, x30);
            FloatVector w4 = FloatVector.broadcast(S, a[a4 + pa]);
            x40 = w4.fma(b0, x40);
            FloatVector w5 = FloatVector.broadcast(S, a[a5 + pa]);
            x50 = w5.fma(b0, x50);
            FloatVector w6 = FloatVector.broadcast(S, a[a6 + pa]);
            x60 = w6.fma(b0, x60);
            FloatVector w7 = FloatVector.broadcast(S, a[a7 + pa]);
            x70 = w7.fma(b0, x70);
        }
        x00.intoArray(c, cRow[i0 + 0] + cCol + 0 * L);
        if (m > 1) {
            x10.intoArray(c, cRow[i0 + 1] + cCol + 0 * L);
        }
        if (m > 2) {
            x20.intoArray(c, cRow[i0 + 2] + cCol + 0 * L);
        }
        if (m > 3) {
            x30.intoArray(c, cRow[i0 + 3] + cCol + 0 * L);
        }
        if (m > 4) {
            x40.intoArray(c, cRow[i0 + 4] + cCol + 0 * L);
        }
        if (m > 5) {
            x50.intoArray(c, cRow[i0 + 5] + cCol + 0 * L);
        }
        if (m > 6) {
            x60.intoArray(c, cRow[i0 + 6] + cCol + 0 * L);
        }
        if (m > 7) {
            x70.intoArray(c, cRow[i0 + 7] + cCol + 0 * L);
        }
    }

    /** Columns [cCol, cCol + L) of rows i0 .. i0+m (m ≤ 4); missing rows repeat the last one and are not stored. */
    private static void b4x1(float[] a, int[] aRow, int i0, int m, int aStep, float[] b, int bOff, int bStride,
                              int depth, float[] c, int[] cRow, int cCol, boolean acc) {
        int last = i0 + m - 1;
        int a0 = aRow[i0];
        int a1 = aRow[Math.min(i0 + 1, last)];
        int a2 = aRow[Math.min(i0 + 2, last)];
        int a3 = aRow[Math.min(i0 + 3, last)];
        FloatVector x00 = load(acc, c, cRow[i0] + cCol);
        FloatVector x10 = load(acc && m > 1, c, cRow[Math.min(i0 + 1, last)] + cCol);
        FloatVector x20 = load(acc && m > 2, c, cRow[Math.min(i0 + 2, last)] + cCol);
        FloatVector x30 = load(acc && m > 3, c, cRow[Math.min(i0 + 3, last)] + cCol);
        int pb = bOff;
        int pa = 0;
        for (int p = 0; p < depth; p++, pb += bStride, pa += aStep) {
            FloatVector b0 = FloatVector.fromArray(S, b, pb);
            x00 = FloatVector.broadcast(S, a[a0 + pa]).fma(b0, x00);
            x10 = FloatVector.broadcast(S, a[a1 + pa]).fma(b0, x10);
            x20 = FloatVector.broadcast(S, a[a2 + pa]).fma(b0, x20);
            x30 = FloatVector.broadcast(S, a[a3 + pa]).fma(b0, x30);
        }
        x00.intoArray(c, cRow[i0] + cCol);
        if (m > 1) {
            x10.intoArray(c, cRow[i0 + 1] + cCol);
        }
        if (m > 2) {
            x20.intoArray(c, cRow[i0 + 2] + cCol);
        }
        if (m > 3) {
            x30.intoArray(c, cRow[i0 + 3] + cCol);
        }
    }

    private static FloatVector load(boolean acc, float[] c, int offset) {
        return acc ? FloatVector.fromArray(S, c, offset) : FloatVector.zero(S);
    }
}
