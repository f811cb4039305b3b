package org.nae4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

class WavTest {
    @TempDir
    Path dir;

    private static float[] ramp(int n, float scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (float) Math.sin(0.37 * i + 0.1);
        }
        return x;
    }

    @Test
    void float32RoundTripIsExactStereo() {
        float[] l = ramp(1001, 0.9f);
        float[] r = ramp(1001, -1.7f); // float files may exceed full scale
        Path f = dir.resolve("f32.wav");
        Wav.write(f, new Audio(new float[][] {l, r}, 48000), WavEncoding.FLOAT_32);
        Audio a = Wav.read(f);
        assertEquals(48000, a.sampleRate());
        assertEquals(2, a.channelCount());
        assertArrayEquals(l, a.channels()[0]);
        assertArrayEquals(r, a.channels()[1]);
    }

    @Test
    void pcm16RoundTripQuantisesToNearestLevel() {
        float[] x = ramp(777, 0.99f);
        Path f = dir.resolve("p16.wav");
        Wav.write(f, x, 22050, WavEncoding.PCM_16);
        Audio a = Wav.read(f);
        assertEquals(22050, a.sampleRate());
        assertEquals(1, a.channelCount());
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.round(x[i] * 32768.0) / 32768.0, a.channels()[0][i], 0.0);
        }
    }

    @Test
    void pcm16ClipsOutOfRangeSamples() {
        Path f = dir.resolve("clip.wav");
        Wav.write(f, new float[] {1.5f, 1f, -1f, -2f, 0.5f}, 8000, WavEncoding.PCM_16);
        float[] y = Wav.read(f).channels()[0];
        assertArrayEquals(new float[] {32767 / 32768f, 32767 / 32768f, -1f, -1f, 0.5f}, y);
    }

    @Test
    void manyChannelsUseExtensibleFormatAndRoundTrip() throws IOException {
        float[][] ch = {ramp(50, 0.5f), ramp(50, -0.25f), ramp(50, 0.125f)};
        for (WavEncoding enc : WavEncoding.values()) {
            Path f = dir.resolve("multi-" + enc + ".wav");
            Wav.write(f, new Audio(ch, 96000), enc);
            byte[] raw = Files.readAllBytes(f);
            assertEquals(0xFFFE, (raw[20] & 0xFF) | (raw[21] & 0xFF) << 8, "format tag of " + enc);
            Audio a = Wav.read(f);
            assertEquals(3, a.channelCount());
            assertEquals(96000, a.sampleRate());
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(ch[c], a.channels()[c], enc == WavEncoding.PCM_16 ? 0.5f / 32768 : 0f);
            }
        }
    }

    @Test
    void writeReplacesExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("out.wav");
        Files.writeString(f, "old content");
        Wav.write(f, new float[] {0.25f}, 22050, WavEncoding.FLOAT_32);
        assertArrayEquals(new float[] {0.25f}, Wav.read(f).channels()[0]);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void writeRejectsNaN() {
        Path f = dir.resolve("nan.wav");
        assertThrows(IllegalArgumentException.class,
                () -> Wav.write(f, new float[] {0, Float.NaN}, 22050, WavEncoding.PCM_16));
        assertTrue(Files.notExists(f));
    }

    @Test
    void reads8BitUnsigned() {
        Path f = new WavBytes().fmt(WavBytes.PCM, 1, 11025, 8)
                .chunk("data", new byte[] {0, (byte) 128, (byte) 255, 64, 1}).writeTo(dir.resolve("u8.wav"));
        Audio a = Wav.read(f);
        assertEquals(11025, a.sampleRate());
        assertArrayEquals(new float[] {-1f, 0f, 127 / 128f, -0.5f, -127 / 128f}, a.channels()[0]);
    }

    @Test
    void reads24BitStereoWithUnknownChunksAndOddPadding() {
        Path f = new WavBytes()
                .chunk("LIST", "INFOISFT odd".getBytes(StandardCharsets.US_ASCII)) // 12 bytes
                .chunk("junk", new byte[] {1, 2, 3}) // odd size: a pad byte follows
                .fmt(WavBytes.PCM, 2, 44100, 24)
                .chunk("data", WavBytes.int24(0x7FFFFF, -0x800000, 1, -1, 0x400000, 0))
                .chunk("cue ", new byte[] {9, 9, 9, 9})
                .writeTo(dir.resolve("s24.wav"));
        Audio a = Wav.read(f);
        assertEquals(44100, a.sampleRate());
        assertEquals(3, a.length());
        float lsb = 1f / (1 << 23);
        assertArrayEquals(new float[] {1 - lsb, lsb, 0.5f}, a.channels()[0]);
        assertArrayEquals(new float[] {-1f, -lsb, 0f}, a.channels()[1]);
    }

    @Test
    void reads32BitPcm() {
        Path f = new WavBytes().fmt(WavBytes.PCM, 1, 192000, 32)
                .chunk("data", WavBytes.int32(Integer.MIN_VALUE, 1 << 30, -(1 << 29), 0))
                .writeTo(dir.resolve("s32.wav"));
        assertArrayEquals(new float[] {-1f, 0.5f, -0.25f, 0f}, Wav.read(f).channels()[0]);
    }

    @Test
    void readsFloat64() {
        Path f = new WavBytes().fmt(WavBytes.FLOAT, 1, 32000, 64)
                .chunk("fact", WavBytes.int32(3))
                .chunk("data", WavBytes.float64(0.125, -1.5, 1e-3)).writeTo(dir.resolve("f64.wav"));
        Audio a = Wav.read(f);
        assertEquals(32000, a.sampleRate());
        assertArrayEquals(new float[] {0.125f, -1.5f, 1e-3f}, a.channels()[0]);
    }

    @Test
    void readsExtensiblePcm24AndFloat32() {
        Path pcm = new WavBytes().fmtExtensible(WavBytes.PCM, 1, 48000, 24, 20)
                .chunk("data", WavBytes.int24(0x400000, -0x200000)).writeTo(dir.resolve("ext24.wav"));
        assertArrayEquals(new float[] {0.5f, -0.25f}, Wav.read(pcm).channels()[0]);
        Path flt = new WavBytes().fmtExtensible(WavBytes.FLOAT, 2, 88200, 32, 32)
                .chunk("data", WavBytes.float32(0.1f, -0.2f, 0.3f, -0.4f)).writeTo(dir.resolve("extf.wav"));
        Audio a = Wav.read(flt);
        assertEquals(88200, a.sampleRate());
        assertArrayEquals(new float[] {0.1f, 0.3f}, a.channels()[0]);
        assertArrayEquals(new float[] {-0.2f, -0.4f}, a.channels()[1]);
    }

    @Test
    void dropsTrailingPartialFrame() {
        Path f = new WavBytes().fmt(WavBytes.PCM, 2, 8000, 16)
                .chunk("data", WavBytes.int16(16384, -16384, 8192)).writeTo(dir.resolve("partial.wav"));
        Audio a = Wav.read(f);
        assertEquals(1, a.length());
        assertArrayEquals(new float[] {0.5f}, a.channels()[0]);
    }

    private void assertRejected(Path f, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Wav.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        for (String s : fragments) {
            assertTrue(e.getMessage().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
    }

    @Test
    void missingFile() {
        assertRejected(dir.resolve("nope.wav"), "not found");
    }

    @Test
    void textFileIsNotAWav() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.wav"), "Start;Duration;Pitch\n0.5;1.0;60\n");
        assertRejected(f, "not a WAV file");
        assertRejected(Files.write(dir.resolve("tiny.wav"), new byte[] {1, 2}), "not a WAV file");
    }

    @Test
    void truncatedDataChunk() {
        Path f = new WavBytes().fmt(WavBytes.PCM, 1, 22050, 16)
                .chunk("data", WavBytes.int16(1, 2, 3), 1000).writeTo(dir.resolve("cut.wav"));
        assertRejected(f, "truncated: data chunk declares 1000 bytes but only 6 are present");
    }

    @Test
    void truncatedHeader() throws IOException {
        byte[] full = new WavBytes().fmt(WavBytes.PCM, 1, 22050, 16).chunk("data", WavBytes.int16(1)).bytes();
        byte[] cut = java.util.Arrays.copyOf(full, 28); // ends inside the fmt chunk
        assertRejected(Files.write(dir.resolve("cuthead.wav"), cut), "truncated", "fmt chunk");
        byte[] onlyRiff = java.util.Arrays.copyOf(full, 8);
        assertRejected(Files.write(dir.resolve("riff.wav"), onlyRiff), "truncated");
    }

    @Test
    void unsupportedCodecsNameTheFormatTag() {
        Path mulaw = new WavBytes().fmt(7, 1, 8000, 8).chunk("data", new byte[] {1, 2})
                .writeTo(dir.resolve("mulaw.wav"));
        assertRejected(mulaw, "unsupported WAV encoding (format tag 0x0007", "only PCM and IEEE float");
        Path adpcm = new WavBytes().fmt(2, 1, 8000, 4).chunk("data", new byte[] {1, 2})
                .writeTo(dir.resolve("adpcm.wav"));
        assertRejected(adpcm, "format tag 0x0002", "ADPCM");
        Path extAlaw = new WavBytes().fmtExtensible(6, 1, 8000, 8, 8).chunk("data", new byte[] {1, 2})
                .writeTo(dir.resolve("extalaw.wav"));
        assertRejected(extAlaw, "format tag 0x0006");
        Path float16 = new WavBytes().fmt(WavBytes.FLOAT, 1, 8000, 16).chunk("data", new byte[] {1, 2})
                .writeTo(dir.resolve("f16.wav"));
        assertRejected(float16, "unsupported WAV encoding", "float");
    }

    @Test
    void zeroChannelsAndMissingChunks() {
        Path zero = new WavBytes().chunk("fmt ", WavBytes.le(16).putShort((short) 1).putShort((short) 0)
                .putInt(8000).putInt(0).putShort((short) 0).putShort((short) 16).array())
                .chunk("data", new byte[4]).writeTo(dir.resolve("zero.wav"));
        assertRejected(zero, "0 channels");
        Path noData = new WavBytes().fmt(WavBytes.PCM, 1, 8000, 16).chunk("LIST", new byte[6])
                .writeTo(dir.resolve("nodata.wav"));
        assertRejected(noData, "no data chunk");
        Path noFmt = new WavBytes().chunk("data", new byte[40]).writeTo(dir.resolve("nofmt.wav"));
        assertRejected(noFmt, "no fmt chunk");
    }

    @Test
    void directoryIsRejected() {
        assertRejected(dir, "directory");
    }
}
