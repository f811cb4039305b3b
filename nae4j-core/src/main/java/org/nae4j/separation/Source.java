package org.nae4j.separation;

import java.util.Objects;

/**
 * One separated signal.
 *
 * <p>Its arrays are handed out as they are, not copied (copies would cost the memory of the signal or
 * the matrices again): treat them as read-only.
 *
 * @param name       the group's file-safe name, or {@link Separation#RESIDUAL} for the residual
 * @param samples    mono samples at {@code sampleRate} (callers must not mutate them)
 * @param sampleRate Hz, positive
 */
public record Source(String name, float[] samples, int sampleRate) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }
}
