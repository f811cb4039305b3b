package org.nae4j.model;

/**
 * One run of an iterative, score-constrained decomposition V ≈ W H (K×N ≈ K×R · R×N). Implementations
 * hold their own state (for NMF W and H, for an autoencoder its encoder and decoder) and advance it by
 * {@link #step()}. Arrays returned are live views into the state: read them, do not modify them.
 */
public interface Factorization {

    /** Performs one iteration (method §3/4: both factors are updated once). */
    void step();

    /** Current templates W (or decoder W_D), K×R row-major. */
    float[] templates();

    /** Current activations H, R×N row-major (for an autoencoder, the encoder's output for V). */
    float[] activations();
}
