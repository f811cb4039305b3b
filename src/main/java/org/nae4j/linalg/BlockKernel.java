package org.nae4j.linalg;

/**
 * The one inner kernel every fast product is built from: a small matrix product whose left rows are
 * gathered from arbitrary offsets, so a tile can multiply just the few pitches active in it without copying
 * them. For i &lt; rows, j &lt; cols:
 * <pre>C[cRow[i] + cCol + j] (= or +=) Σ_{p &lt; depth} A[aRow[i] + p·aStep] · B[bOff + p·bStride + j]</pre>
 * The sum runs over p in ascending order. Implementations are stateless and thread-safe.
 */
interface BlockKernel {
    /** Rows one register block holds; callers that vary the depth per block group rows by this. */
    int ROWS = 6;

    void run(float[] a, int[] aRow, int aStep, float[] b, int bOff, int bStride, int depth,
             float[] c, int[] cRow, int cCol, int rows, int cols, boolean accumulate);
}
