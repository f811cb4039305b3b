package org.nae4j.linalg;

/**
 * Chooses the {@link BlockKernel} once, at class initialisation: the SIMD one when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, else the scalar one. The SIMD class is loaded only
 * through reflection, so nothing that references the incubator API is loaded when it is absent. The
 * system property {@value #SCALAR_PROPERTY}{@code =true} forces the scalar kernel (for comparisons).
 */
public final class BlockKernels {
    /** System property that forces the scalar kernel. */
    public static final String SCALAR_PROPERTY = "nae4j.scalar";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "org.nae4j.linalg.VectorBlockKernel";

    static final BlockKernel KERNEL = choose();

    private BlockKernels() {
    }

    /**
     * x ← x ⊙ num ⊘ (den + eps) on x[xOff, xOff + len) (num and den at their own offsets), results below
     * {@code flush} set to 0, on the chosen kernel (SIMD when available); the same floats as the scalar loop.
     */
    public static void multiplicativeUpdate(float[] x, int xOff, float[] num, int numOff, float[] den, int denOff,
                                            int len, float eps, float flush) {
        KERNEL.multiplicativeUpdate(x, xOff, num, numOff, den, denOff, len, eps, flush);
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
        DenseOps.check(a, (long) (m - 1) * aStride + depth, "A");
        DenseOps.check(b, (long) Math.max(0, depth - 1) * bStride + cols, "B");
        DenseOps.check(c, (long) (m - 1) * cStride + cols, "C");
        if (aRows.length < m || cRows.length < m) {
            throw new IllegalArgumentException("multiply: row scratch of " + aRows.length + " and " + cRows.length
                    + " ints for " + m + " rows");
        }
        for (int i = 0; i < m; i++) {
            aRows[i] = i * aStride;
            cRows[i] = i * cStride;
        }
        KERNEL.run(a, aRows, 1, b, 0, bStride, depth, c, cRows, 0, m, cols, false);
    }

    /** Whether the SIMD (Vector API) kernel is in use. */
    public static boolean vectorized() {
        return !(KERNEL instanceof ScalarBlockKernel);
    }

    /** A one-line description for reports, e.g. {@code "SIMD, 16 floats per vector"}. */
    public static String describe() {
        return vectorized() ? "SIMD (jdk.incubator.vector)" : "scalar (start the JVM with --add-modules jdk.incubator.vector for SIMD)";
    }

    private static BlockKernel choose() {
        if (Boolean.getBoolean(SCALAR_PROPERTY) || ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return new ScalarBlockKernel();
        }
        try {
            return (BlockKernel) Class.forName(VECTOR_KERNEL).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarBlockKernel();
        }
    }
}
