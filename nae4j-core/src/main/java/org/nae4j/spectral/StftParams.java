package org.nae4j.spectral;

import org.nae4j.io.InvalidOptionException;

/**
 * STFT parameters (method §1): periodic Hann window of {@code nFft} samples, hop {@code hop} samples,
 * frames centred (zero padding of nFft/2 on both sides).
 *
 * @param nFft window and FFT length in samples, a power of two ≥ 16 (default 2048)
 * @param hop  hop size in samples, 1 ≤ hop ≤ nFft (default 1024)
 */
public record StftParams(int nFft, int hop) {
    public static final StftParams DEFAULT = new StftParams(2048, 1024);
    /** method §1: every recording is analysed at this rate. */
    public static final int DEFAULT_SAMPLE_RATE = 22050;

    public StftParams {
        if (nFft < 16 || Integer.bitCount(nFft) != 1) {
            throw new InvalidOptionException("nFft", "FFT size", "must be a power of two ≥ 16, got " + nFft);
        }
        if (hop < 1 || hop > nFft) {
            throw new InvalidOptionException("hop", "hop", "must be in 1.." + nFft + " (the FFT size), got " + hop);
        }
    }

    /** Number of frequency bins K = nFft/2 + 1. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** Number of centred frames N = 1 + floor(length / hop) for a signal of {@code length} samples. */
    public int frames(int length) {
        return 1 + length / hop;
    }
}
