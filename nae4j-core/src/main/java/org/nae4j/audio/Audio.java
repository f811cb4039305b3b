package org.nae4j.audio;

/**
 * Multichannel audio in memory: {@code channels[c][i]} is sample i of channel c, as floats in [-1, 1]
 * for full-scale PCM. Immutable by convention: the arrays are not copied, callers must not mutate them.
 *
 * @param channels   samples per channel, all of the same length (at least one channel)
 * @param sampleRate samples per second per channel (Hz), positive
 */
public record Audio(float[][] channels, int sampleRate) {
    public Audio {
        if (channels == null || channels.length == 0) {
            throw new IllegalArgumentException("audio needs at least one channel");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        for (float[] c : channels) {
            if (c.length != channels[0].length) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
        }
    }

    /** Wraps a single mono signal. */
    public static Audio mono(float[] samples, int sampleRate) {
        return new Audio(new float[][] {samples}, sampleRate);
    }

    public int channelCount() {
        return channels.length;
    }

    /** Number of samples per channel. */
    public int length() {
        return channels[0].length;
    }

    /** Duration in seconds. */
    public double duration() {
        return length() / (double) sampleRate;
    }

    /** Down-mix by averaging channels (method §1); returns a new array (or a copy of the only channel). */
    public float[] downmix() {
        int n = length();
        float[] out = new float[n];
        if (channels.length == 1) {
            System.arraycopy(channels[0], 0, out, 0, n);
            return out;
        }
        double inv = 1.0 / channels.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (float[] c : channels) {
                s += c[i];
            }
            out[i] = (float) (s * inv);
        }
        return out;
    }
}
