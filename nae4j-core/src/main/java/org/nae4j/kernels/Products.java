package org.nae4j.kernels;

/**
 * Dense float32 matrix kernels on row-major arrays with explicit shapes; every product writes into a
 * caller-given output array (overwritten, never accumulated into). These are the straightforward,
 * tested reference that faster kernels are checked against. Reductions run in a fixed order, so results do
 * not depend on the number of threads.
 */
public final class Products {
    /** Columns per tile: a tile of the right factor (K × TILE floats) stays in a core's L2 cache. */
    static final int TILE = 256;

    /** Guards the division of the multiplicative updates (method §3: machine epsilon of float32). */
    public static final float EPSILON = Math.ulp(1f);
    /**
     * Updated entries below this are set to zero. Multiplicative updates drive unused entries towards 0
     * geometrically; once products of such entries become subnormal floats, every kernel that touches them
     * runs many times slower on x86, while an entry below 1e-30 contributes nothing a float V̂ can hold.
     */
    public static final float FLUSH_BELOW = 1e-30f;

    private Products() {
    }

    /** Whether x[from, from + count) holds only zeros (a row of H outside H^C, for instance). */
    public static boolean allZero(float[] x, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (x[i] != 0f) {
                return false;
            }
        }
        return true;
    }

    /** C (m×n) = A (m×k) · B (k×n). */
    public static void multiply(float[] a, float[] b, float[] c, int m, int k, int n, Parallel par) {
        check(a, m * k, "A");
        product(a, k, 1, b, c, m, k, n, par);
    }

    /** C (m×n) = Aᵀ · B with A k×m and B k×n (e.g. WᵀV). */
    public static void multiplyTransA(float[] a, float[] b, float[] c, int k, int m, int n, Parallel par) {
        check(a, k * m, "A");
        product(a, 1, m, b, c, m, k, n, par);
    }

    /**
     * C (m×n) = A · B where entry (i, p) of A is {@code a[i*rowStride + p*colStride]}: one loop serves A
     * and Aᵀ. Tiles of columns of B are split among the threads; zeros of A are skipped.
     */
    private static void product(float[] a, int rowStride, int colStride, float[] b, float[] c, int m, int k, int n,
                                Parallel par) {
        check(b, k * n, "B");
        check(c, m * n, "C");
        par.forRange(n, TILE, (long) m * k * n, (from, to) -> {
            for (int j0 = from; j0 < to; j0 += TILE) {
                int j1 = Math.min(to, j0 + TILE);
                for (int i = 0; i < m; i++) {
                    int ci = i * n;
                    java.util.Arrays.fill(c, ci + j0, ci + j1, 0f);
                    for (int p = 0; p < k; p++) {
                        float av = a[i * rowStride + p * colStride];
                        if (av != 0f) {
                            axpy(av, b, p * n + j0, c, ci + j0, j1 - j0);
                        }
                    }
                }
            }
        });
    }

    /** G (m×m) = Aᵀ A for A k×m (e.g. WᵀW). Small; runs on the calling thread. */
    public static void gramCols(float[] a, int k, int m, float[] g) {
        check(a, k * m, "A");
        check(g, m * m, "G");
        double[] acc = new double[m * m];
        for (int p = 0; p < k; p++) {
            int row = p * m;
            for (int i = 0; i < m; i++) {
                double ai = a[row + i];
                if (ai == 0) {
                    continue;
                }
                for (int j = i; j < m; j++) {
                    acc[i * m + j] += ai * a[row + j];
                }
            }
        }
        symmetrize(acc, m, g);
    }

    /** G (m×m) = A Aᵀ for A m×n (e.g. HHᵀ). Small; runs on the calling thread. */
    public static void gramRows(float[] a, int m, int n, float[] g) {
        check(a, m * n, "A");
        check(g, m * m, "G");
        double[] acc = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double s = 0;
                for (int t = 0; t < n; t++) {
                    s += (double) a[i * n + t] * a[j * n + t];
                }
                acc[i * m + j] = s;
            }
        }
        symmetrize(acc, m, g);
    }

    /**
     * Vᵀ (N×K) of a spectrogram V that must be exactly K×N, as the factorisations take it.
     *
     * @throws IllegalArgumentException if V does not hold K·N values
     */
    public static float[] transposeSpectrogram(float[] v, int k, int n) {
        if (v.length != (long) k * n) {
            throw new IllegalArgumentException("V must be K×N = " + k + "×" + n);
        }
        float[] vt = new float[k * n];
        transpose(v, k, n, vt);
        return vt;
    }

    /** out (n×m) = Aᵀ for A m×n. */
    public static void transpose(float[] a, int m, int n, float[] out) {
        check(a, m * n, "A");
        check(out, m * n, "output");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[j * m + i] = a[i * n + j];
            }
        }
    }

    /**
     * Columns [from, to) of A (m×n row-major) as rows of out, whose rows are {@code outStride} ≥ m floats
     * apart: out[j·outStride + i] = A[i·n + j]. For the transposes a caller splits among threads by column.
     */
    public static void transposeColumns(float[] a, int m, int n, int from, int to, float[] out, int outStride) {
        for (int j = from; j < to; j++) {
            int o = j * outStride;
            for (int i = 0; i < m; i++) {
                out[o + i] = a[i * n + j];
            }
        }
    }

    /** y[yo .. yo+len) += alpha · x[xo .. xo+len). A simple loop the JIT vectorises. */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        for (int t = 0; t < len; t++) {
            y[yo + t] += alpha * x[xo + t];
        }
    }

    private static void symmetrize(double[] upper, int m, float[] g) {
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                float v = (float) upper[i * m + j];
                g[i * m + j] = v;
                g[j * m + i] = v;
            }
        }
    }

    static void check(float[] x, long size, String name) {
        if (x.length < size) {
            throw new IllegalArgumentException(name + " must hold at least " + size + " floats, has " + x.length);
        }
    }

    /**
     * x ← x ⊙ num ⊘ (den + eps) on x[xOff, xOff + len) (num and den at their own offsets), results below
     * {@code flush} set to 0, on the chosen kernel (SIMD when available); the same floats as the scalar loop.
     */
    public static void multiplicativeUpdate(float[] x, int xOff, float[] num, int numOff, float[] den, int denOff,
                                            int len, float eps, float flush) {
        BlockKernels.KERNEL.multiplicativeUpdate(x, xOff, num, numOff, den, denOff, len, eps, flush);
    }

    /**
     * C (m×cols, row stride cStride) = A (m×depth, row stride aStride) · B (depth×cols, row stride bStride) on
     * the calling thread, on the chosen kernel: for small dense products inside a caller's own parallel loop.
     * {@code aRows} and {@code cRows} are the caller's scratch of at least m ints each (overwritten), so a call
     * allocates nothing.
     */
    public static void multiply(float[] a, int aStride, float[] b, int bStride, float[] c, int cStride, int m,
                                int depth, int cols, int[] aRows, int[] cRows) {
        if (m < 0 || depth < 0 || cols < 0 || aStride < depth || bStride < cols || cStride < cols) {
            throw new IllegalArgumentException("multiply: m " + m + ", depth " + depth + ", cols " + cols
                    + ", strides " + aStride + ", " + bStride + ", " + cStride);
        }
        if (m == 0 || cols == 0) {
            return;
        }
        check(a, (long) (m - 1) * aStride + depth, "A");
        check(b, (long) Math.max(0, depth - 1) * bStride + cols, "B");
        check(c, (long) (m - 1) * cStride + cols, "C");
        if (aRows.length < m || cRows.length < m) {
            throw new IllegalArgumentException("multiply: row scratch of " + aRows.length + " and " + cRows.length
                    + " ints for " + m + " rows");
        }
        for (int i = 0; i < m; i++) {
            aRows[i] = i * aStride;
            cRows[i] = i * cStride;
        }
        BlockKernels.KERNEL.run(a, aRows, 1, b, 0, bStride, depth, c, cRows, 0, m, cols, false);
    }

    /** Whether the SIMD (Vector API) kernel is in use. */
    public static boolean vectorized() {
        return !(BlockKernels.KERNEL instanceof ScalarBlockKernel);
    }

    /** Floats per SIMD vector the kernels use (1 for the scalar kernel): 16 with AVX-512, 8 with AVX2. */
    public static int floatsPerVector() {
        return BlockKernels.KERNEL.floatsPerVector();
    }

    /** A one-line description for reports, e.g. {@code "SIMD (jdk.incubator.vector, 16 floats = 512-bit vectors)"}. */
    public static String describe() {
        int l = floatsPerVector();
        return vectorized() ? "SIMD (jdk.incubator.vector, " + l + " floats = " + (32 * l) + "-bit vectors)"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
    }
}
