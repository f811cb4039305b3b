package org.nae4j.audio;

/**
 * Design of the {@link Resampler}'s Kaiser-windowed sinc low-pass filter.
 *
 * <p>The pass band ends at {@code (1 − transitionWidth)} × the lower of the two Nyquist frequencies
 * and the stop band starts at that Nyquist frequency, so nothing above it aliases. Kaiser designs have
 * equal pass- and stop-band ripple, so 80 dB of stop band means a pass band flat within ±0.001 dB.
 *
 * @param stopbandDb      stop-band attenuation in dB, 40–200 (default 80). Filter length, and cost,
 *                        grow linearly with it.
 * @param transitionWidth width of the transition band as a fraction of the lower Nyquist frequency,
 *                        in (0, 0.5] (default 0.1: flat to 90 % of Nyquist). Cost grows as 1/width.
 */
public record ResamplerOptions(double stopbandDb, double transitionWidth) {
    public static final double DEFAULT_STOPBAND_DB = 80.0;
    public static final double DEFAULT_TRANSITION_WIDTH = 0.1;
    public static final ResamplerOptions DEFAULT =
            new ResamplerOptions(DEFAULT_STOPBAND_DB, DEFAULT_TRANSITION_WIDTH);

    private static final double MIN_STOPBAND_DB = 40.0;
    private static final double MAX_STOPBAND_DB = 200.0;
    private static final double MAX_TRANSITION_WIDTH = 0.5;

    public ResamplerOptions {
        if (!(stopbandDb >= MIN_STOPBAND_DB && stopbandDb <= MAX_STOPBAND_DB)) {
            throw new IllegalArgumentException("stop-band attenuation must be in " + MIN_STOPBAND_DB + ".."
                    + MAX_STOPBAND_DB + " dB, got " + stopbandDb);
        }
        if (!(transitionWidth > 0 && transitionWidth <= MAX_TRANSITION_WIDTH)) {
            throw new IllegalArgumentException("transition width must be in (0, " + MAX_TRANSITION_WIDTH
                    + "] of the Nyquist frequency, got " + transitionWidth);
        }
    }
}
