package org.nae4j.model;

/**
 * A factorization whose activations are computed from V by a learned encoder, H = ReLU(W_E V) ⊙ H^C
 * (method §4), so that the encoder can be applied to another recording.
 */
public interface Autoencoder extends Factorization {

    /** Current encoder W_E, R×K row-major (a live view: read it, do not modify it). */
    float[] encoder();
}
