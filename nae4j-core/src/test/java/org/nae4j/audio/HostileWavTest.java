package org.nae4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

/** Hostile WAV files end in a message naming the file: no overflow, no OutOfMemoryError, no hang. */
class HostileWavTest {
    private static final int FS = 22050;
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private String rejected(Path f) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> assertTimeoutPreemptively(QUICK, () -> AudioLoader.load(f, FS)));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void absurdSampleRatesAreRefusedBeforeResampling() {
        for (long rate : new long[] {Integer.MAX_VALUE, 400_000_000, 50_000_000, 1_000_001, 999, 1, 0xFFFFFFFFL}) {
            Path f = new WavBytes().fmt(WavBytes.PCM, 1, (int) rate, 16).chunk("data", WavBytes.int16(1000, -1000))
                    .writeTo(dir.resolve("rate" + rate + ".wav"));
            assertTrue(rejected(f).contains("unsupported sample rate " + rate + " Hz: only 1000 to 1000000 Hz"),
                    "rate " + rate);
        }
    }

    @Test
    void theLimitRatesStillWork() {
        Path slow = new WavBytes().fmt(WavBytes.PCM, 1, 1000, 16).chunk("data", WavBytes.int16(0, 9000, -9000, 5))
                .writeTo(dir.resolve("slow.wav"));
        assertEquals(Resampler.outputLength(4, 1000, FS), AudioLoader.load(slow, FS).samples().length);
        short[] tone = new short[20_000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 1e6));
        }
        int[] v = new int[tone.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = tone[i];
        }
        Path fast = new WavBytes().fmt(WavBytes.PCM, 1, 1_000_000, 16).chunk("data", WavBytes.int16(v))
                .writeTo(dir.resolve("fast.wav"));
        assertEquals(Resampler.outputLength(v.length, 1_000_000, FS), AudioLoader.load(fast, FS).samples().length);
    }

    @Test
    void fewSamplesAtTheHighestRateAreRefusedAsTooShortWithoutBuildingAFilter() {
        Path f = new WavBytes().fmt(WavBytes.PCM, 1, 1_000_000, 16).chunk("data", WavBytes.int16(900, 900, 900))
                .writeTo(dir.resolve("blip.wav"));
        assertTrue(rejected(f).contains("too short (3 samples at 1000000 Hz)"));
    }

    @Test
    void hugeFiniteFloatSamplesAreRefused() {
        Path f = new WavBytes().fmt(WavBytes.FLOAT, 1, FS, 32).chunk("data", WavBytes.float32(0.5f, 1e17f, -0.5f))
                .writeTo(dir.resolve("huge.wav"));
        String m = rejected(f);
        assertTrue(m.contains("far beyond full scale (1.00e+17, first at sample 1"), m);
        Path loud = new WavBytes().fmt(WavBytes.FLOAT, 1, FS, 32).chunk("data", WavBytes.float32(900f, -1000f, 3f))
                .writeTo(dir.resolve("loud.wav"));
        assertEquals(1000, AudioLoader.load(loud, FS).peak(), 100, "loud but plausible float files are read");
    }

    /** A sparse file: the header declares {@code dataBytes}, and the file is that long without using disk. */
    private Path sparse(String name, int channels, int bits, long dataBytes) throws IOException {
        int align = channels * bits / 8;
        byte[] head = new WavBytes().fmt(WavBytes.PCM, channels, FS, bits).bytes();
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(head);
            raf.write(new byte[] {'d', 'a', 't', 'a'});
            raf.write(WavBytes.le(4).putInt((int) dataBytes).array());
            raf.setLength(head.length + 8 + dataBytes);
        }
        assertEquals(0, dataBytes % align, "whole frames only");
        return f;
    }

    @Test
    void aLongRecordingThatCannotFitTheHeapIsRefusedBeforeDecoding() throws IOException {
        long frames = 20L * 3600 * FS; // 20 h: 6 GiB of floats, more than the test JVM's heap
        assumeTrue(frames * Float.BYTES > Runtime.getRuntime().maxMemory());
        Path f = sparse("long.wav", 1, 16, frames * 2);
        String m = rejected(f);
        assertTrue(m.contains("20.0 h of audio at 22050 Hz needs ~5.9 GiB, more than the"), m);
        assertTrue(m.contains("raise -Xmx via NAE4J_JAVA_OPTS"), m);
    }

    @Test
    void absurdChannelCountsEndInAMessageNamingTheFile() throws IOException {
        // 32767 channels × 2 bytes: once, count × blockAlign overflowed int, in a message without the file.
        Path f = sparse("wide.wav", 32767, 16, 40_000L * 32767 * 2);
        assertTrue(rejected(f).contains("needs ~"));
    }

    @Test
    void wideFramesAreDecodedInBlocksCorrectly() {
        int channels = 1000;
        int frames = 600; // ~2.3 frames of 4000 bytes per MiB: several blocks
        int[] v = new int[channels * frames];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 2_000_000 - 1_000_000;
        }
        Path f = new WavBytes().fmtExtensible(WavBytes.PCM, channels, FS, 32, 32).chunk("data", WavBytes.int32(v))
                .writeTo(dir.resolve("wide-ok.wav"));
        Audio a = Wav.read(f);
        assertEquals(frames, a.length());
        assertEquals(v[(frames - 1) * channels + channels - 1] / (double) (1L << 31),
                a.channels()[channels - 1][frames - 1], 1e-9);
    }

    @Test
    void aNamedPipeIsReadAsAStream() throws Exception {
        Path fifo = dir.resolve("pipe.wav");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is available");
        byte[] bytes = new WavBytes().fmt(WavBytes.PCM, 2, 44100, 16).chunk("data", WavBytes.int16(1, 2, 3, 4, 5, 6))
                .bytes();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        Audio a = assertTimeoutPreemptively(QUICK, () -> Wav.read(fifo));
        writer.join(QUICK.toMillis());
        assertEquals(44100, a.sampleRate());
        assertArrayEquals(new float[] {1 / 32768f, 3 / 32768f, 5 / 32768f}, a.channels()[0]);
    }

    @Test
    void anEndlessDeviceThatIsNoWavIsRefusedAtOnce() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero));
        assertTrue(rejected(zero).contains("not a WAV file (no RIFF/WAVE header)"));
    }

    @Test
    void fileNamesWithControlCharactersAreEscaped() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Wav.read(dir.resolve("a\u001b[2Jb\nc.wav")));
        assertTrue(e.getMessage().contains("a\\x1B[2Jb\\nc.wav: file not found"), e.getMessage());
    }
}
