package org.nae4j.kernels;

/**
 * Chooses the {@link BlockKernel} once, at class initialisation: the SIMD one when the JVM was started
 * with {@code --add-modules jdk.incubator.vector}, else the scalar one. The SIMD class is loaded only
 * through reflection, so nothing that references the incubator API is loaded when it is absent. The
 * system property {@value #SCALAR_PROPERTY}{@code =true} forces the scalar kernel (for comparisons).
 */
final class BlockKernels {
    /** System property that forces the scalar kernel. */
    static final String SCALAR_PROPERTY = "nae4j.scalar";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_KERNEL = "org.nae4j.kernels.VectorBlockKernel";

    static final BlockKernel KERNEL = choose();

    private BlockKernels() {
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
