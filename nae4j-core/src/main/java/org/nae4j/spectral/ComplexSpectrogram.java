package org.nae4j.spectral;

/**
 * A complex STFT, K×N, row-major: entry (k, n) is {@code re[k*frames + n] + i·im[k*frames + n]}.
 *
 * <p>Its arrays are handed out as they are, not copied (copies would cost the memory of the signal or
 * the matrices again): treat them as read-only.
 *
 * @param re         real parts, length bins·frames
 * @param im         imaginary parts, length bins·frames
 * @param bins       K, number of frequency bins (nFft/2 + 1)
 * @param frames     N, number of frames
 * @param params     the STFT parameters that produced it
 * @param sampleRate sample rate of the analysed signal in Hz
 * @param length     number of samples of the analysed signal (to invert to the same length)
 */
public record ComplexSpectrogram(float[] re, float[] im, int bins, int frames, StftParams params,
                                 int sampleRate, int length) {
    public ComplexSpectrogram {
        if (re.length != (long) bins * frames || im.length != re.length) {
            throw new IllegalArgumentException("arrays must hold bins*frames = " + (long) bins * frames + " entries");
        }
    }

    /** V = |X|, K×N row-major (method §1: magnitude, not power). */
    public float[] magnitude() {
        float[] v = new float[re.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.hypot(re[i], im[i]);
        }
        return v;
    }

    /** Centre frequency of bin k in Hz. */
    public double binFrequency(int k) {
        return k * (double) sampleRate / params.nFft();
    }

    /** Time of frame n's centre in seconds. */
    public double frameTime(int n) {
        return n * (double) params.hop() / sampleRate;
    }
}
