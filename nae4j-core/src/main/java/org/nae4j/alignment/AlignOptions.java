package org.nae4j.alignment;

import org.nae4j.io.InvalidOptionException;

/**
 * Settings of score-to-audio alignment ({@link Alignment}).
 *
 * @param featureRateHz  feature frames per second, 5–200 (default 50, i.e. 20 ms resolution); the hop is
 *                       {@code round(sampleRate / featureRateHz)} samples
 * @param windowSeconds  chroma analysis window length in seconds, 0.02–1 (default 0.19); the FFT size is the
 *                       largest power of two not above {@code windowSeconds · sampleRate} (4096 at 22050 Hz)
 * @param onsetWindowSeconds window of the onset features in seconds, 0.005–1 (default 0.05: 1024 samples at
 *                       22050 Hz), same rounding; short, so that an onset's feature peak does not depend on how
 *                       the note's attack and decay fill a long window (docs/alignment.md, "Onset bias")
 * @param onsetWeight    weight of the onset-feature cost relative to the chroma cost, 0–10 (default 1;
 *                       0 aligns on chroma only)
 * @param diagonalWeight DTW weight of a diagonal step (1,1), relative to weight 1 of the steps (1,0) and
 *                       (0,1), 0.5–3 (default 1; 2 treats diagonal and horizontal-plus-vertical alike)
 * @param bandRadius     half-width in feature frames, 1–1000 (default 8), of the band around the projected
 *                       coarse path in which each finer level of the multiscale DTW searches
 */
public record AlignOptions(double featureRateHz, double windowSeconds, double onsetWindowSeconds,
                           double onsetWeight, double diagonalWeight, int bandRadius) {
    public static final double MIN_FEATURE_RATE_HZ = 5;
    public static final double MAX_FEATURE_RATE_HZ = 200;
    public static final double MIN_WINDOW_SECONDS = 0.02;
    public static final double MAX_WINDOW_SECONDS = 1;
    public static final double MIN_ONSET_WINDOW_SECONDS = 0.005;
    public static final double MAX_ONSET_WEIGHT = 10;
    public static final double MIN_DIAGONAL_WEIGHT = 0.5;
    public static final double MAX_DIAGONAL_WEIGHT = 3;
    public static final int MAX_BAND_RADIUS = 1000;

    /** 50 Hz features, 0.19 s chroma and 0.05 s onset windows, onset weight 1, diagonal weight 1, band radius 8. */
    public static final AlignOptions DEFAULT = new AlignOptions(50, 0.19, 0.05, 1, 1, 8);

    public AlignOptions {
        check("featureRateHz", "feature rate (Hz)", featureRateHz, MIN_FEATURE_RATE_HZ, MAX_FEATURE_RATE_HZ);
        check("windowSeconds", "window (s)", windowSeconds, MIN_WINDOW_SECONDS, MAX_WINDOW_SECONDS);
        check("onsetWindowSeconds", "onset window (s)", onsetWindowSeconds, MIN_ONSET_WINDOW_SECONDS,
                MAX_WINDOW_SECONDS);
        check("onsetWeight", "onset weight", onsetWeight, 0, MAX_ONSET_WEIGHT);
        check("diagonalWeight", "diagonal weight", diagonalWeight, MIN_DIAGONAL_WEIGHT, MAX_DIAGONAL_WEIGHT);
        if (bandRadius < 1 || bandRadius > MAX_BAND_RADIUS) {
            throw new InvalidOptionException("bandRadius", "band radius", "must be in 1.." + MAX_BAND_RADIUS
                    + " frames, got " + bandRadius);
        }
    }

    /** The same options with another onset weight. */
    public AlignOptions withOnsetWeight(double weight) {
        return new AlignOptions(featureRateHz, windowSeconds, onsetWindowSeconds, weight, diagonalWeight, bandRadius);
    }

    /** The same options with another diagonal step weight. */
    public AlignOptions withDiagonalWeight(double weight) {
        return new AlignOptions(featureRateHz, windowSeconds, onsetWindowSeconds, onsetWeight, weight, bandRadius);
    }

    /** The same options with another band radius. */
    public AlignOptions withBandRadius(int radius) {
        return new AlignOptions(featureRateHz, windowSeconds, onsetWindowSeconds, onsetWeight, diagonalWeight, radius);
    }

    /** The same options with another feature rate. */
    public AlignOptions withFeatureRateHz(double rate) {
        return new AlignOptions(rate, windowSeconds, onsetWindowSeconds, onsetWeight, diagonalWeight, bandRadius);
    }

    /** Hop in samples at {@code sampleRate} (≥ 1). */
    public int hop(int sampleRate) {
        return Math.max(1, (int) Math.round(sampleRate / featureRateHz));
    }

    /** FFT size of the chroma in samples at {@code sampleRate}: a power of two ≥ 16. */
    public int fftSize(int sampleRate) {
        return powerOfTwo(windowSeconds, sampleRate);
    }

    /** FFT size of the onset features in samples at {@code sampleRate}: a power of two ≥ 16. */
    public int onsetFftSize(int sampleRate) {
        return powerOfTwo(onsetWindowSeconds, sampleRate);
    }

    /** The same options with another onset window in seconds. */
    public AlignOptions withOnsetWindowSeconds(double seconds) {
        return new AlignOptions(featureRateHz, windowSeconds, seconds, onsetWeight, diagonalWeight, bandRadius);
    }

    private static int powerOfTwo(double seconds, int sampleRate) {
        return Math.max(16, Integer.highestOneBit((int) Math.max(1, Math.round(seconds * sampleRate))));
    }

    private static void check(String parameter, String what, double v, double min, double max) {
        // Written as !(in range) so that NaN is refused too.
        if (!(v >= min && v <= max)) {
            throw new InvalidOptionException(parameter, what, "must be in [" + min + ", " + max + "], got " + v);
        }
    }
}
