package org.nae4j;

import org.nae4j.kernels.Parallel;
import org.nae4j.kernels.Products;
import org.nae4j.model.Errors;
import org.nae4j.model.History;

/**
 * The outcome of {@link Decomposition#fit}: W and H after ℓ1 normalisation of W's columns (method §5).
 *
 * <p>Its arrays are handed out as they are, not copied (copies would cost the memory of the signal or
 * the matrices again): treat them as read-only.
 *
 * @param w        templates (or decoder W_D), K×R, columns summing to 1 (or all zero)
 * @param h        activations, R×N, rescaled so that W H is the trained model's V̂
 * @param encoder  the encoder W_E, R×K, for autoencoder methods; null for NMF
 * @param bins     K
 * @param frames   N
 * @param pitches  MIDI pitch of each component
 * @param history  errors per recorded iteration
 * @param errors   the final errors
 * @param seconds  training wall-clock seconds (error evaluation excluded)
 * @param options  the options of the run
 */
public record DecompositionResult(float[] w, float[] h, float[] encoder, int bins, int frames, int[] pitches,
                                  History history, Errors errors, double seconds,
                                  DecompositionOptions options) {
    public int rank() {
        return pitches.length;
    }

    /** The approximation V̂ = W H, K×N row-major (a new array). */
    public float[] approximation() {
        float[] vhat = new float[bins * frames];
        try (Parallel serial = Parallel.serial()) {
            Products.multiply(w, h, vhat, bins, rank(), frames, serial);
        }
        return vhat;
    }
}
