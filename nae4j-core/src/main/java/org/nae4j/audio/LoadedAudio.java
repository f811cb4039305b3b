package org.nae4j.audio;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A recording as the analysis sees it: mono, at the analysis rate, plus what the file originally held
 * (for run summaries).
 *
 * @param file               the file read
 * @param samples            mono samples at {@code sampleRate}, nominally in [-1, 1] (not copied:
 *                           callers must not mutate)
 * @param sampleRate         rate of {@code samples} in Hz
 * @param originalSampleRate the file's rate in Hz
 * @param originalChannels   the file's channel count, ≥ 1
 * @param originalFrames     samples per channel in the file
 */
public record LoadedAudio(Path file, float[] samples, int sampleRate, int originalSampleRate,
                          int originalChannels, long originalFrames) {
    public LoadedAudio {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0 || originalSampleRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + sampleRate + " and "
                    + originalSampleRate);
        }
        if (originalChannels < 1) {
            throw new IllegalArgumentException("channel count must be ≥ 1, got " + originalChannels);
        }
        if (originalFrames < 0) {
            throw new IllegalArgumentException("frame count must be ≥ 0, got " + originalFrames);
        }
    }

    /** Duration of {@link #samples} in seconds. */
    public double duration() {
        return samples.length / (double) sampleRate;
    }

    /** Duration of the file in seconds. */
    public double originalDuration() {
        return originalFrames / (double) originalSampleRate;
    }

    /** Whether the samples were resampled from another rate. */
    public boolean resampled() {
        return sampleRate != originalSampleRate;
    }

    /** Largest absolute sample value of {@link #samples}. */
    public double peak() {
        return AudioLoader.peak(samples);
    }
}
