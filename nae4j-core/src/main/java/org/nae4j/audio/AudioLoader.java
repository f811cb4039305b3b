package org.nae4j.audio;

import java.nio.file.Path;
import java.util.Locale;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.Memory;

/**
 * Loads a recording for analysis (method §1): read the WAV file, down-mix to mono by averaging the
 * channels, resample to the analysis rate, and reject input that cannot be decomposed.
 */
public final class AudioLoader {
    /** Below this peak amplitude a recording counts as silent (about −140 dBFS, under 24-bit LSB). */
    public static final double SILENCE_PEAK = 1e-7;
    /**
     * Largest sample magnitude accepted, 120 dB above full scale: float files may exceed ±1, but
     * beyond this a file is corrupt, and squares of such samples overflow the analysis to NaN.
     */
    public static final double MAX_MAGNITUDE = 1e6;

    private AudioLoader() {
    }

    /**
     * Mono samples at {@code targetRate}.
     *
     * @see #load(Path, int)
     */
    public static float[] loadMono(Path file, int targetRate) {
        return load(file, targetRate).samples();
    }

    /**
     * Reads, down-mixes, resamples ({@link Resampler}, default options) and validates a WAV file.
     *
     * @param file       the WAV file
     * @param targetRate analysis sample rate in Hz (method §1: 22050), positive
     * @return the mono samples with the file's original rate, channel count and length
     * @throws InvalidInputException    (naming the file) if {@link Wav#read} fails, the file has no
     *                                  samples, holds NaN, infinite or absurdly large (beyond
     *                                  {@link #MAX_MAGNITUDE}) samples, is silent, or needs more memory
     *                                  than the heap has
     * @throws IllegalArgumentException if {@code targetRate} is not positive
     */
    public static LoadedAudio load(Path file, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target sample rate must be positive, got " + targetRate);
        }
        return load(file, Wav.read(file), targetRate);
    }

    /**
     * As {@link #load(Path, int)}, for audio already read from {@code file} (a pipe can be read only once).
     *
     * @param file  names the audio in messages and in the result
     * @param audio what {@link Wav#read} returned for it
     */
    public static LoadedAudio load(Path file, Audio audio, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target sample rate must be positive, got " + targetRate);
        }
        if (audio.length() == 0) {
            throw InvalidInputException.of(file, "is empty (0 samples): nothing to decompose");
        }
        checkSamples(file, audio);
        float[] mono;
        try {
            int outLen = Resampler.outputLength(audio.length(), audio.sampleRate(), targetRate);
            // The down-mix and the resampled copy, besides the decoded channels.
            Memory.require(file, (audio.length() + (long) outLen) * Float.BYTES,
                    "resampling " + audio.sampleRate() + " Hz to " + targetRate + " Hz");
            mono = Resampler.resample(audio.downmix(), audio.sampleRate(), targetRate);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(file, e.getMessage(), e);
        }
        if (mono.length == 0) {
            throw InvalidInputException.of(file, "is too short (" + audio.length() + " samples at "
                    + audio.sampleRate() + " Hz): nothing left at " + targetRate + " Hz");
        }
        double peak = peak(mono);
        if (peak < SILENCE_PEAK) {
            throw InvalidInputException.of(file, "is silent (peak amplitude "
                    + (peak == 0 ? "0" : String.format(Locale.ROOT, "%.3g", peak)) + "): nothing to decompose");
        }
        return new LoadedAudio(file, mono, targetRate, audio.sampleRate(), audio.channelCount(), audio.length());
    }

    /**
     * Refuses audio with NaN, infinite or absurdly large samples (beyond {@link #MAX_MAGNITUDE}).
     *
     * @param file names the audio in the message
     * @throws InvalidInputException naming the file and the first bad sample
     */
    public static void checkSamples(Path file, Audio audio) {
        // Report the earliest bad frame over all channels: that is where a user would look.
        int first = Integer.MAX_VALUE;
        int channel = -1;
        for (int c = 0; c < audio.channelCount(); c++) {
            float[] x = audio.channels()[c];
            for (int i = 0; i < Math.min(x.length, first); i++) {
                if (!(Math.abs(x[i]) <= MAX_MAGNITUDE)) {
                    first = i;
                    channel = c;
                    break;
                }
            }
        }
        if (channel >= 0) {
            float v = audio.channels()[channel][first];
            String where = String.format(Locale.ROOT, "first at sample %d%s, t = %.6f s", first,
                    audio.channelCount() > 1 ? " of channel " + (channel + 1) : "", first / (double) audio.sampleRate());
            throw InvalidInputException.of(file, Float.isFinite(v)
                    ? String.format(Locale.ROOT, "contains samples far beyond full scale (%.3g, %s): at most ±%.0e"
                            + " is accepted; the file is corrupt or not normalised", v, where, MAX_MAGNITUDE)
                    : "contains NaN or infinite samples (" + where + ")");
        }
    }

    static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }
}
