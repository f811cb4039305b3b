package org.nae4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

/** {@link Wav#probe}: the header alone, with what {@link Wav#read} would say of the same file. */
class WavProbeTest {
    @TempDir
    Path dir;

    @Test
    void probeTellsTheLengthRateAndChannelsThatReadFinds() throws IOException {
        Path f = dir.resolve("stereo.wav");
        Wav.write(f, new Audio(new float[][]{new float[44100], new float[44100]}, 22050), WavEncoding.FLOAT_32);
        Audio read = Wav.read(f);
        try (FileChannel ch = FileChannel.open(f)) {
            WavHeader h = Wav.probe(f, ch);
            assertEquals(new WavHeader(read.channelCount(), read.sampleRate(), read.length()), h);
            assertEquals(2.0, h.seconds());
        }
    }

    @Test
    void aBrokenFileGetsTheMessageOfRead() throws IOException {
        Path text = dir.resolve("text.wav");
        Files.writeString(text, "no WAV file, only text");
        Path truncated = dir.resolve("truncated.wav");
        Wav.write(truncated, new float[1000], 22050, WavEncoding.PCM_16);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        for (Path f : new Path[]{text, truncated}) {
            String byRead = assertThrows(InvalidInputException.class, () -> Wav.read(f)).getMessage();
            try (FileChannel ch = FileChannel.open(f)) {
                assertEquals(byRead, assertThrows(InvalidInputException.class, () -> Wav.probe(f, ch)).getMessage());
            }
        }
    }
}
