package org.nae4j.kernels;

/** The portable {@link BlockKernel}: loops over columns that the JIT auto-vectorises where it can. */
final class ScalarBlockKernel implements BlockKernel {
    @Override
    public int floatsPerVector() {
        return 1;
    }

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
                    Products.axpy(av, b, bOff + p * bStride, c, ci, cols);
                }
            }
        }
    }

    @Override
    public void dots(float[] a, int[] aRow, int rows, float[] b, int bOff, int bStride, int lo, int hi, float[] c,
                     int[] cRow, int cCol, float[] work) {
        if (rows < 1 || rows > DOT_MAX_ROWS) {
            throw new IllegalArgumentException("a dot block has 1 to " + DOT_MAX_ROWS + " rows, got " + rows);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < DOT_ROWS; j++) {
                int ai = aRow[i];
                int bj = bOff + j * bStride;
                float s = 0f;
                for (int p = lo; p < hi; p++) {
                    s = Math.fma(a[ai + p], b[bj + p], s);
                }
                c[cRow[i] + cCol + j] = s;
            }
        }
    }

    @Override
    public void multiplicativeUpdate(float[] x, int xOff, float[] num, int numOff, float[] den, int denOff, int len,
                                     float eps, float flush) {
        for (int i = 0; i < len; i++) {
            float y = x[xOff + i] * num[numOff + i] / (den[denOff + i] + eps);
            x[xOff + i] = y < flush ? 0f : y;
        }
    }
}
