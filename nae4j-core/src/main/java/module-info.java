/**
 * nae4j-core: the library. Score-informed NMF and nonnegative autoencoders for music recordings, with the
 * audio and score input, STFT, score constraints, alignment and separation they need.
 * The entry points are {@link org.nae4j.Analysis}, {@link org.nae4j.Decomposition} and {@link org.nae4j.Results}.
 * Comments cite the method's decisions as "method §n": the sections of the repository's docs/method.md.
 */
module org.nae4j.core {
    // SIMD kernels (org.nae4j.kernels.VectorBlockKernel): optional at run time, where a scalar kernel takes over.
    requires static jdk.incubator.vector;
    // JTransforms 3.1 has no module descriptor and no Automatic-Module-Name: its name derives from the jar's.
    requires JTransforms;
    requires com.fasterxml.jackson.databind;
    // kernels.CacheLines reads HotSpot's object-header flags to align the kernels' arrays to cache lines.
    requires java.management;
    requires jdk.management;

    exports org.nae4j;
    exports org.nae4j.alignment;
    exports org.nae4j.audio;
    exports org.nae4j.constraints;
    exports org.nae4j.io;
    exports org.nae4j.model;
    exports org.nae4j.optim;
    exports org.nae4j.score;
    exports org.nae4j.separation;
    exports org.nae4j.spectral;
    // org.nae4j.kernels (the fast products and the thread pool) is internal: the model package is its API.
}
