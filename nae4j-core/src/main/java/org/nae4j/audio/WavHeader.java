package org.nae4j.audio;

/**
 * What the header of a WAV file says, read without its samples ({@link Wav#probe}).
 *
 * @param channels   channels per frame
 * @param sampleRate frames per second (Hz)
 * @param frames     frames per channel
 */
public record WavHeader(int channels, int sampleRate, long frames) {
    /** The duration in seconds. */
    public double seconds() {
        return frames / (double) sampleRate;
    }
}
