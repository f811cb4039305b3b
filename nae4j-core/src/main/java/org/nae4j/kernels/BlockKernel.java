package org.nae4j.kernels;

/**
 * The one inner kernel every fast product is built from: a small matrix product whose left rows are
 * gathered from arbitrary offsets, so a tile can multiply just the few pitches active in it without copying
 * them. For i &lt; rows, j &lt; cols:
 * <pre>C[cRow[i] + cCol + j] (= or +=) Σ_{p &lt; depth} A[aRow[i] + p·aStep] · B[bOff + p·bStride + j]</pre>
 * The sum runs over p in ascending order. Implementations are stateless and thread-safe.
 */
interface BlockKernel {
    /**
     * Rows a register block holds on products at least 64 columns wide (6 rows × 4 vectors of 16 floats);
     * callers that vary the depth per block group rows by this, or by {@link #NARROW_ROWS} on narrower ones.
     */
    int WIDE_ROWS = 6;
    /** Rows a register block holds on narrower products, such as a tile of 32 frames (8 rows × 2 vectors). */
    int NARROW_ROWS = 8;
    /** The most rows any block holds: the size of callers' row-index scratch. */
    int MAX_ROWS = Math.max(WIDE_ROWS, NARROW_ROWS);

    void run(float[] a, int[] aRow, int aStep, float[] b, int bOff, int bStride, int depth,
             float[] c, int[] cRow, int cCol, int rows, int cols, boolean accumulate);

    /** Rows of B (frames, in the tile passes) in one block of {@link #dots}. */
    int DOT_ROWS = 4;
    /**
     * The most rows of A in one block of {@link #dots}: 6 × {@value #DOT_ROWS} accumulators, plus the
     * {@value #DOT_ROWS} + 1 vectors a step loads, fill 29 of AVX-512's 32 registers.
     */
    int DOT_MAX_ROWS = 6;

    /**
     * A block of dot products along a contiguous index, for operands laid out the other way round (both
     * contiguous along the sum): for i &lt; rows (1 to {@link #DOT_MAX_ROWS}) and j &lt; {@link #DOT_ROWS},
     * <pre>C[cRow[i] + cCol + j] = Σ_{p ∈ [lo, hi)} A[aRow[i] + p] · B[bOff + j·bStride + p]</pre>
     * Runs fastest when hi − lo is a multiple of the vector length (16 floats with AVX-512); a block of fewer
     * rows costs proportionally less. The order of the sum depends only on lo and hi.
     *
     * @param work the caller's scratch of at least {@link #DOT_WORK} floats (one per thread); overwritten
     */
    void dots(float[] a, int[] aRow, int rows, float[] b, int bOff, int bStride, int lo, int hi, float[] c,
              int[] cRow, int cCol, float[] work);

    /** Floats of work space a {@link #dots} block needs: its accumulators, for vectors of up to 64 floats. */
    int DOT_WORK = DOT_MAX_ROWS * DOT_ROWS * 64;

    /**
     * The multiplicative update x ← x ⊙ num ⊘ (den + eps), with results below {@code flush} set to 0, on
     * x[xOff + i], num[numOff + i], den[denOff + i] for i &lt; len: each entry computed as (x·num)/(den + eps),
     * as the scalar loop does, so both give the same floats.
     */
    void multiplicativeUpdate(float[] x, int xOff, float[] num, int numOff, float[] den, int denOff, int len,
                              float eps, float flush);

    /** Floats per vector register the kernel uses (1 for the scalar kernel). */
    int floatsPerVector();
}
