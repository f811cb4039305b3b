package org.nae4j.audio;

import org.nae4j.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

class AudioLoaderTest {
    private static final int FS = 22050;

    @TempDir
    Path dir;

    private static float[] sine(double amp, double freq, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return x;
    }

    @Test
    void stereoIsAveragedAndResampled() {
        int n = 44100;
        Path f = dir.resolve("stereo.wav");
        Wav.write(f, new Audio(new float[][] {sine(0.6, 500, 44100, n), sine(0.2, 500, 44100, n)}, 44100),
                WavEncoding.FLOAT_32);
        LoadedAudio a = AudioLoader.load(f, FS);
        assertEquals(FS, a.sampleRate());
        assertEquals(44100, a.originalSampleRate());
        assertEquals(2, a.originalChannels());
        assertEquals(n, a.originalFrames());
        assertEquals(1.0, a.originalDuration(), 1e-12);
        assertEquals(1.0, a.duration(), 1e-12);
        assertTrue(a.resampled());
        float[] expected = sine(0.4, 500, FS, FS);
        for (int i = 1000; i < FS - 1000; i++) {
            assertEquals(expected[i], a.samples()[i], 1e-4f, "sample " + i);
        }
        assertEquals(0.4, a.peak(), 1e-3);
        assertArrayEquals(a.samples(), AudioLoader.loadMono(f, FS));
    }

    @Test
    void fileAtTargetRateIsUnchanged() {
        float[] x = sine(0.5, 440, FS, 1000);
        Path f = dir.resolve("mono.wav");
        Wav.write(f, x, FS, WavEncoding.FLOAT_32);
        LoadedAudio a = AudioLoader.load(f, FS);
        assertFalse(a.resampled());
        assertArrayEquals(x, a.samples());
    }

    private void assertRejected(Path f, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AudioLoader.loadMono(f, FS));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
    }

    @Test
    void nanSamplesAreReportedWithPosition() {
        Path f = new WavBytes().fmt(WavBytes.FLOAT, 2, 8000, 32)
                .chunk("data", WavBytes.float32(0.1f, 0.1f, 0.2f, 0.2f, 0.3f, Float.NaN, Float.POSITIVE_INFINITY, 0f))
                .writeTo(dir.resolve("nan.wav"));
        assertRejected(f, "contains NaN or infinite samples (first at sample 2 of channel 2, t = 0.000250 s)");
    }

    @Test
    void silenceIsRejected() {
        Path zero = dir.resolve("zero.wav");
        Wav.write(zero, new float[4410], 44100, WavEncoding.PCM_16);
        assertRejected(zero, "is silent (peak amplitude 0): nothing to decompose");
        Path tiny = dir.resolve("tiny.wav");
        Wav.write(tiny, sine(1e-9, 100, FS, FS), FS, WavEncoding.FLOAT_32);
        assertRejected(tiny, "is silent (peak amplitude 1.00e-09)");
        // Opposite channels cancel in the down-mix: silent as far as the analysis is concerned.
        Path cancel = dir.resolve("cancel.wav");
        Wav.write(cancel, new Audio(new float[][] {sine(0.5, 300, FS, FS), sine(-0.5, 300, FS, FS)}, FS),
                WavEncoding.FLOAT_32);
        assertRejected(cancel, "is silent");
    }

    @Test
    void emptyAndTooShortFilesAreRejected() {
        Path empty = dir.resolve("empty.wav");
        Wav.write(empty, new float[0], FS, WavEncoding.PCM_16);
        assertRejected(empty, "empty (0 samples)");
        Path one = dir.resolve("one.wav");
        Wav.write(one, new float[] {0.5f}, 96000, WavEncoding.PCM_16);
        assertRejected(one, "too short");
    }

    @Test
    void readErrorsPropagateWithFileName() throws Exception {
        assertRejected(dir.resolve("missing.wav"), "not found");
        assertRejected(Files.writeString(dir.resolve("text.wav"), "hello"), "not a WAV file");
    }

    @Test
    void loadsSharedRecordingWhenPresent() {
        Path f = Path.of("..", "shared", "data", "real", "chopin-op10-3-igoshina", "audio.wav");
        SharedData.require(f);
        LoadedAudio a = AudioLoader.load(f, FS);
        assertEquals(FS, a.originalSampleRate());
        assertEquals(1, a.originalChannels());
        assertEquals(36.458, a.duration(), 1e-3); // README: 36.458 s
        assertTrue(a.peak() > 0.01 && a.peak() < 0.99, "peak " + a.peak()); // README: peak below 0.99
    }
}
