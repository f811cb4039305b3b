package org.nae4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlockKernel#dots} on the Vector API: one block of 1–6 rows of A × {@link BlockKernel#DOT_ROWS}
 * rows of B, each pair's products summed lane-wise along the bins and the lanes added at the end
 * ({@link #sums}). A block of m rows keeps 4·m accumulators and loads 4 + m vectors per step, and a block
 * of fewer rows issues no multiply-add for a missing one: callers split their rows into as few blocks as
 * they can, evenly (9 rows as 5 + 4). Each block size is spelled out as its own method with named
 * accumulators: the JIT keeps local vectors in registers, while vectors in an array or passed to a method
 * it does not inline are boxed, so the six methods repeat one pattern on purpose.
 */
final class VectorDots {
    private static final VectorSpecies<Float> S = VectorShape.SPECIES;
    private static final int L = S.length();
    /** Whether {@link #sums} adds lanes by a butterfly (4 to 16 lanes) rather than by lane reductions. */
    private static final boolean BUTTERFLY = L >= 4 && L <= 16;
    private static final VectorMask<Float> HIGH_HALF = highLanes(L / 2);
    private static final VectorMask<Float> HIGH_QUARTER = highLanes(L / 4);
    private static final VectorShuffle<Float> SWAP_HALF = swapLanes(L / 2);
    private static final VectorShuffle<Float> SWAP_QUARTER = swapLanes(L / 4);
    private static final VectorShuffle<Float> SWAP_EIGHTH = swapLanes(L / 8);
    private static final VectorShuffle<Float> SWAP_SIXTEENTH = swapLanes(L / 16);

    private VectorDots() {
    }

    static void dots(float[] a, int[] aRow, int rows, float[] b, int bOff, int bStride, int lo, int hi, float[] c,
                     int[] cRow, int cCol, float[] work) {
        if (work.length < BlockKernel.DOT_WORK) {
            throw new IllegalArgumentException("dot blocks need " + BlockKernel.DOT_WORK + " floats of work space, got "
                    + work.length);
        }
        if (VectorShape.FEW_REGISTERS && rows > 2) {
            // 16 vector registers (AVX2): blocks of up to 2 rows keep 8 accumulators and 6 loads in registers.
            for (int off = 0; off < rows; off += 2) {
                if (rows - off >= 2) {
                    dots2(a, aRow, off, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
                } else {
                    dots1(a, aRow, off, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
                }
            }
            return;
        }
        switch (rows) {
            case 6 -> dots6(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
            case 5 -> dots5(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
            case 4 -> dots4(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
            case 3 -> dots3(a, aRow, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
            case 2 -> dots2(a, aRow, 0, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
            case 1 -> dots1(a, aRow, 0, b, bOff, bStride, lo, hi, c, cRow, cCol, work);
            default -> throw new IllegalArgumentException("a dot block has 1 to " + BlockKernel.DOT_MAX_ROWS
                    + " rows, got " + rows);
        }
    }

    private static void dots6(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol, float[] work) {
        int a0 = aRow[0];
        int a1 = aRow[1];
        int a2 = aRow[2];
        int a3 = aRow[3];
        int a4 = aRow[4];
        int a5 = aRow[5];
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
        FloatVector x40 = x00;
        FloatVector x41 = x00;
        FloatVector x42 = x00;
        FloatVector x43 = x00;
        FloatVector x50 = x00;
        FloatVector x51 = x00;
        FloatVector x52 = x00;
        FloatVector x53 = x00;
        int p = lo;
        // A bound fixed before the loop (not p + L <= hi) makes it a counted loop, whose range checks the JIT
        // hoists.
        for (int end = hi - L; p <= end; p += L) {
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
            w = FloatVector.fromArray(S, a, a4 + p);
            x40 = w.fma(y0, x40); x41 = w.fma(y1, x41); x42 = w.fma(y2, x42); x43 = w.fma(y3, x43);
            w = FloatVector.fromArray(S, a, a5 + p);
            x50 = w.fma(y0, x50); x51 = w.fma(y1, x51); x52 = w.fma(y2, x52); x53 = w.fma(y3, x53);
        }
        x00.intoArray(work, 0);
        x01.intoArray(work, L);
        x02.intoArray(work, 2 * L);
        x03.intoArray(work, 3 * L);
        x10.intoArray(work, 4 * L);
        x11.intoArray(work, 5 * L);
        x12.intoArray(work, 6 * L);
        x13.intoArray(work, 7 * L);
        x20.intoArray(work, 8 * L);
        x21.intoArray(work, 9 * L);
        x22.intoArray(work, 10 * L);
        x23.intoArray(work, 11 * L);
        x30.intoArray(work, 12 * L);
        x31.intoArray(work, 13 * L);
        x32.intoArray(work, 14 * L);
        x33.intoArray(work, 15 * L);
        x40.intoArray(work, 16 * L);
        x41.intoArray(work, 17 * L);
        x42.intoArray(work, 18 * L);
        x43.intoArray(work, 19 * L);
        x50.intoArray(work, 20 * L);
        x51.intoArray(work, 21 * L);
        x52.intoArray(work, 22 * L);
        x53.intoArray(work, 23 * L);
        sums(work, 6, a, aRow, 0, b, b0, bStride, p, hi, c, cRow, cCol);
    }

    private static void dots5(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol, float[] work) {
        int a0 = aRow[0];
        int a1 = aRow[1];
        int a2 = aRow[2];
        int a3 = aRow[3];
        int a4 = aRow[4];
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
        FloatVector x40 = x00;
        FloatVector x41 = x00;
        FloatVector x42 = x00;
        FloatVector x43 = x00;
        int p = lo;
        for (int end = hi - L; p <= end; p += L) {
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
            w = FloatVector.fromArray(S, a, a4 + p);
            x40 = w.fma(y0, x40); x41 = w.fma(y1, x41); x42 = w.fma(y2, x42); x43 = w.fma(y3, x43);
        }
        x00.intoArray(work, 0);
        x01.intoArray(work, L);
        x02.intoArray(work, 2 * L);
        x03.intoArray(work, 3 * L);
        x10.intoArray(work, 4 * L);
        x11.intoArray(work, 5 * L);
        x12.intoArray(work, 6 * L);
        x13.intoArray(work, 7 * L);
        x20.intoArray(work, 8 * L);
        x21.intoArray(work, 9 * L);
        x22.intoArray(work, 10 * L);
        x23.intoArray(work, 11 * L);
        x30.intoArray(work, 12 * L);
        x31.intoArray(work, 13 * L);
        x32.intoArray(work, 14 * L);
        x33.intoArray(work, 15 * L);
        x40.intoArray(work, 16 * L);
        x41.intoArray(work, 17 * L);
        x42.intoArray(work, 18 * L);
        x43.intoArray(work, 19 * L);
        sums(work, 5, a, aRow, 0, b, b0, bStride, p, hi, c, cRow, cCol);
    }

    private static void dots4(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol, float[] work) {
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
        for (int end = hi - L; p <= end; p += L) {
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
        x00.intoArray(work, 0);
        x01.intoArray(work, L);
        x02.intoArray(work, 2 * L);
        x03.intoArray(work, 3 * L);
        x10.intoArray(work, 4 * L);
        x11.intoArray(work, 5 * L);
        x12.intoArray(work, 6 * L);
        x13.intoArray(work, 7 * L);
        x20.intoArray(work, 8 * L);
        x21.intoArray(work, 9 * L);
        x22.intoArray(work, 10 * L);
        x23.intoArray(work, 11 * L);
        x30.intoArray(work, 12 * L);
        x31.intoArray(work, 13 * L);
        x32.intoArray(work, 14 * L);
        x33.intoArray(work, 15 * L);
        sums(work, 4, a, aRow, 0, b, b0, bStride, p, hi, c, cRow, cCol);
    }

    private static void dots3(float[] a, int[] aRow, float[] b, int b0, int bStride, int lo, int hi, float[] c,
                              int[] cRow, int cCol, float[] work) {
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
        for (int end = hi - L; p <= end; p += L) {
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
        x00.intoArray(work, 0);
        x01.intoArray(work, L);
        x02.intoArray(work, 2 * L);
        x03.intoArray(work, 3 * L);
        x10.intoArray(work, 4 * L);
        x11.intoArray(work, 5 * L);
        x12.intoArray(work, 6 * L);
        x13.intoArray(work, 7 * L);
        x20.intoArray(work, 8 * L);
        x21.intoArray(work, 9 * L);
        x22.intoArray(work, 10 * L);
        x23.intoArray(work, 11 * L);
        sums(work, 3, a, aRow, 0, b, b0, bStride, p, hi, c, cRow, cCol);
    }

    private static void dots2(float[] a, int[] aRow, int off, float[] b, int b0, int bStride, int lo, int hi,
                              float[] c, int[] cRow, int cCol, float[] work) {
        int a0 = aRow[off];
        int a1 = aRow[off + 1];
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
        for (int end = hi - L; p <= end; p += L) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p);
            FloatVector y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p);
            FloatVector y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector w = FloatVector.fromArray(S, a, a0 + p);
            x00 = w.fma(y0, x00); x01 = w.fma(y1, x01); x02 = w.fma(y2, x02); x03 = w.fma(y3, x03);
            w = FloatVector.fromArray(S, a, a1 + p);
            x10 = w.fma(y0, x10); x11 = w.fma(y1, x11); x12 = w.fma(y2, x12); x13 = w.fma(y3, x13);
        }
        x00.intoArray(work, 0);
        x01.intoArray(work, L);
        x02.intoArray(work, 2 * L);
        x03.intoArray(work, 3 * L);
        x10.intoArray(work, 4 * L);
        x11.intoArray(work, 5 * L);
        x12.intoArray(work, 6 * L);
        x13.intoArray(work, 7 * L);
        sums(work, 2, a, aRow, off, b, b0, bStride, p, hi, c, cRow, cCol);
    }

    private static void dots1(float[] a, int[] aRow, int off, float[] b, int b0, int bStride, int lo, int hi,
                              float[] c, int[] cRow, int cCol, float[] work) {
        int a0 = aRow[off];
        int b1 = b0 + bStride;
        int b2 = b0 + 2 * bStride;
        int b3 = b0 + 3 * bStride;
        FloatVector x00 = FloatVector.zero(S);
        FloatVector x01 = x00;
        FloatVector x02 = x00;
        FloatVector x03 = x00;
        int p = lo;
        for (int end = hi - L; p <= end; p += L) {
            FloatVector w = FloatVector.fromArray(S, a, a0 + p);
            x00 = w.fma(FloatVector.fromArray(S, b, b0 + p), x00);
            x01 = w.fma(FloatVector.fromArray(S, b, b1 + p), x01);
            x02 = w.fma(FloatVector.fromArray(S, b, b2 + p), x02);
            x03 = w.fma(FloatVector.fromArray(S, b, b3 + p), x03);
        }
        x00.intoArray(work, 0);
        x01.intoArray(work, L);
        x02.intoArray(work, 2 * L);
        x03.intoArray(work, 3 * L);
        sums(work, 1, a, aRow, off, b, b0, bStride, p, hi, c, cRow, cCol);
    }

    /**
     * The dots of a block from its accumulators, spilled into work (4 vectors per row), plus the indices
     * [tail, hi) one at a time. The butterfly adds each row's four vectors into one in two levels (each
     * level adds two vectors' halves: the low half of the result holds the first's, the high half the
     * second's), then folds within the quarters: a few lane-wise operations, where Java 17's lane
     * reductions add the lanes one by one. The spill keeps the vectors out of this method's arguments:
     * passed to a call the JIT declines to inline (the blocks are large), they would be boxed.
     */
    private static void sums(float[] work, int rows, float[] a, int[] aRow, int off, float[] b, int b0, int bStride,
                             int tail, int hi, float[] c, int[] cRow, int cCol) {
        for (int i = 0; i < rows; i++) {
            float s0;
            float s1;
            float s2;
            float s3;
            int w = 4 * i * L;
            FloatVector x0 = FloatVector.fromArray(S, work, w);
            FloatVector x1 = FloatVector.fromArray(S, work, w + L);
            FloatVector x2 = FloatVector.fromArray(S, work, w + 2 * L);
            FloatVector x3 = FloatVector.fromArray(S, work, w + 3 * L);
            if (BUTTERFLY) {
                FloatVector u = x0.blend(x1, HIGH_HALF).add(x1.blend(x0, HIGH_HALF).rearrange(SWAP_HALF));
                FloatVector v = x2.blend(x3, HIGH_HALF).add(x3.blend(x2, HIGH_HALF).rearrange(SWAP_HALF));
                FloatVector d = u.blend(v, HIGH_QUARTER).add(v.blend(u, HIGH_QUARTER).rearrange(SWAP_QUARTER));
                if (L >= 8) {
                    d = d.add(d.rearrange(SWAP_EIGHTH));
                }
                if (L >= 16) {
                    d = d.add(d.rearrange(SWAP_SIXTEENTH));
                }
                // Stored and read back: cheaper than extracting lanes from the upper halves.
                d.intoArray(work, w);
                s0 = work[w];
                s1 = work[w + L / 2];
                s2 = work[w + L / 4];
                s3 = work[w + 3 * L / 4];
            } else {
                s0 = x0.reduceLanes(VectorOperators.ADD);
                s1 = x1.reduceLanes(VectorOperators.ADD);
                s2 = x2.reduceLanes(VectorOperators.ADD);
                s3 = x3.reduceLanes(VectorOperators.ADD);
            }
            int ai = aRow[off + i];
            for (int p = tail; p < hi; p++) {
                float x = a[ai + p];
                s0 = Math.fma(x, b[b0 + p], s0);
                s1 = Math.fma(x, b[b0 + bStride + p], s1);
                s2 = Math.fma(x, b[b0 + 2 * bStride + p], s2);
                s3 = Math.fma(x, b[b0 + 3 * bStride + p], s3);
            }
            int co = cRow[off + i] + cCol;
            c[co] = s0;
            c[co + 1] = s1;
            c[co + 2] = s2;
            c[co + 3] = s3;
        }
    }

    /** Lanes i with i &amp; h set: the high half of each block of 2h lanes. */
    private static VectorMask<Float> highLanes(int h) {
        boolean[] bits = new boolean[L];
        for (int i = 0; i < L; i++) {
            bits[i] = (i & h) != 0;
        }
        return VectorMask.fromArray(S, bits, 0);
    }

    /** Lane i from lane i ^ h (h &lt; L): swaps the halves of each block of 2h lanes. */
    private static VectorShuffle<Float> swapLanes(int h) {
        return VectorShuffle.fromOp(S, i -> i ^ Math.max(1, Math.min(h, L / 2)));
    }
}
