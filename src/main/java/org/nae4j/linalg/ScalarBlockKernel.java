package org.nae4j.linalg;

/** The portable {@link BlockKernel}: loops over columns that the JIT auto-vectorises where it can. */
final class ScalarBlockKernel implements BlockKernel {
    @Override
    public void run(float[] a, int[] aRow, int aStep, float[] b, int bOff, int bStride, int depth,
                    float[] c, int[] cRow, int cCol, int rows, int cols, boolean accumulate) {
        for (int i = 0; i < rows; i++) {
            int ci = cRow[i] + cCol;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + cols, 0f);
            }
            int ai = aRow[i];
            for (int p = 0; p < depth; p++) {
                float av = a[ai + p * aStep];
                if (av != 0f) {
                    DenseOps.axpy(av, b, bOff + p * bStride, c, ci, cols);
                }
            }
        }
    }
}
