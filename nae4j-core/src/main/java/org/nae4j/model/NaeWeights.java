package org.nae4j.model;

/**
 * Trained weights an autoencoder can start from instead of an {@link NaeInit}, e.g. a model trained on
 * another recording of the same piece, to be refined on this one. The arrays are copied.
 *
 * @param encoder W_E, R×K row-major
 * @param decoder W_D, K×R row-major
 * @param bins    K
 * @param rank    R
 */
public record NaeWeights(float[] encoder, float[] decoder, int bins, int rank) {
    /**
     * @throws IllegalArgumentException if the shapes disagree or an entry is not finite
     */
    public NaeWeights {
        if (bins < 1 || rank < 1) {
            throw new IllegalArgumentException("K and R must be ≥ 1, got " + bins + " and " + rank);
        }
        if (encoder == null || decoder == null || encoder.length != (long) bins * rank
                || decoder.length != (long) bins * rank) {
            throw new IllegalArgumentException("W_E (R×K) and W_D (K×R) must both hold " + (long) bins * rank
                    + " entries");
        }
        encoder = encoder.clone();
        decoder = decoder.clone();
        for (int i = 0; i < encoder.length; i++) {
            if (!Float.isFinite(encoder[i]) || !Float.isFinite(decoder[i])) {
                throw new IllegalArgumentException("W_E and W_D must be finite");
            }
        }
    }

    /**
     * The same model with each component's W_D column and W_E row rescaled to equal ℓ2 norms: ReLU is
     * positively homogeneous, so V̂ does not change, but an optimizer's steps are sized for weights of the
     * scale {@link NaeInit} gives them (both factors share the scale), not for ℓ1-normalised templates with
     * the whole scale in the encoder.
     */
    public NaeWeights balanced() {
        float[] we = encoder.clone();
        float[] wd = decoder.clone();
        for (int c = 0; c < rank; c++) {
            double d = 0;
            double e = 0;
            for (int p = 0; p < bins; p++) {
                d += (double) wd[p * rank + c] * wd[p * rank + c];
                e += (double) we[c * bins + p] * we[c * bins + p];
            }
            if (d == 0 || e == 0) {
                continue;
            }
            double s = Math.sqrt(Math.sqrt(e / d));
            for (int p = 0; p < bins; p++) {
                wd[p * rank + c] = (float) (wd[p * rank + c] * s);
                we[c * bins + p] = (float) (we[c * bins + p] / s);
            }
        }
        return new NaeWeights(we, wd, bins, rank);
    }

    /** Whether every entry of W_E and W_D is ≥ 0, as the multiplicative rule needs. */
    public boolean nonnegative() {
        for (int i = 0; i < encoder.length; i++) {
            if (encoder[i] < 0f || decoder[i] < 0f) {
                return false;
            }
        }
        return true;
    }
}
