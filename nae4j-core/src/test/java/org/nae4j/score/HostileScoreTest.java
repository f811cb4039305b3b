package org.nae4j.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

/** Hostile score files end in a message naming the file, in bounded time and memory. */
class HostileScoreTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static String rejected(Path f, Executable read) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> assertTimeoutPreemptively(QUICK, read));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c < 0x20), "printable: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void scoreFilesBeyond64MiBAreRefusedUnread() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(3L << 30); // sparse: 3 GiB without disk
        }
        assertTrue(rejected(big, () -> Score.read(big)).contains("too large (3 GiB): at most 64 MiB are read"));
    }

    @Test
    void anEndlessDeviceIsRefusedAtTheLimit() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero));
        Path link = Files.createSymbolicLink(dir.resolve("zero.mid"), zero);
        assertTrue(rejected(link, () -> Score.read(link)).contains("too large (more than 64 MiB)"));
    }

    @Test
    void rootAndDirectoriesAreNotScores() {
        Path root = Path.of("/");
        assertTrue(rejected(root, () -> Score.read(root)).contains("is a directory"));
    }

    @Test
    void aNamedPipeIsReadAndItsFormatSniffed() throws Exception {
        Path fifo = dir.resolve("score-pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        Path mid = dir.resolve("x.mid");
        Score s = new Score(List.of(new Note(0, 1, 60, 90, "right"), new Note(0.5, 1, 48, 80, "left")));
        MidiScores.write(s, mid);
        byte[] bytes = Files.readAllBytes(mid);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        Score back = assertTimeoutPreemptively(QUICK, () -> Score.read(fifo));
        assertEquals(List.of("right", "left"), back.instruments());
    }

    @Test
    void csvContentQuotedInMessagesIsEscapedAndCut() throws IOException {
        Path f = Files.writeString(dir.resolve("esc.csv"), "Start;Duration;\u001b]0;pwned\u0007" + "x".repeat(500)
                + ";Pitch\n0;1;2;60\n");
        String m = rejected(f, () -> CsvScores.read(f));
        assertTrue(m.contains("unknown column '\\x1B]0"), m);
        assertTrue(m.length() < 300, "a long field is cut: " + m);
        Path nul = Files.write(dir.resolve("nul.csv"), "0;1;6\u00000\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(rejected(nul, () -> CsvScores.read(nul)).contains("pitch '6\\x000' is not a number"));
    }

    @Test
    void aLongRunOfDigitsDoesNotBacktrackQuadratically() throws IOException {
        Path f = Files.writeString(dir.resolve("digits.csv"), "1".repeat(200_000) + "x;1;60\n");
        assertTrue(rejected(f, () -> CsvScores.read(f)).contains("unknown column"));
        Path g = Files.writeString(dir.resolve("digits2.csv"), "0;" + "1".repeat(200_000) + "x;60\n");
        assertTrue(rejected(g, () -> CsvScores.read(g)).contains("is not a number"));
    }

    @Test
    void timesBeyondAMillionSecondsAreRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("far.csv"), "0;1;60\n1e300;1;62\n");
        assertTrue(rejected(f, () -> CsvScores.read(f)).contains("line 2: start 1e300 s is beyond 1000000 s"));
    }

    @Test
    void aHugeTrackNameIsCutAndNotCopiedPerNote() throws IOException {
        // 8 MB name, 20000 notes on two channels: a label per note would be 160 GB.
        byte[] name = "n".repeat(8_000_000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        int n = name.length;
        t.write(new byte[] {0, (byte) 0xFF, 0x03, // variable-length quantity of n, 4 bytes
            (byte) (0x80 | n >> 21), (byte) (0x80 | (n >> 14 & 0x7F)), (byte) (0x80 | (n >> 7 & 0x7F)), (byte) (n & 0x7F)});
        t.write(name);
        for (int i = 0; i < 10_000; i++) {
            t.write(new byte[] {0, (byte) 0x90, 60, 90, 1, (byte) 0x91, 62, 90});
        }
        t.write(new byte[] {0, (byte) 0xFF, 0x2F, 0});
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        // Format 1 with a second note track: only files with several note tracks label notes by track name.
        f.write(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 2, 1, (byte) 0xE0, 'M', 'T', 'r', 'k'});
        int len = t.size();
        f.write(new byte[] {(byte) (len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len});
        t.writeTo(f);
        f.write(new byte[] {'M', 'T', 'r', 'k', 0, 0, 0, 12, 0, (byte) 0x92, 64, 90, 1, (byte) 0x82, 64, 0,
            0, (byte) 0xFF, 0x2F, 0});
        Path mid = Files.write(dir.resolve("longname.mid"), f.toByteArray());
        Score s = assertTimeoutPreemptively(QUICK, () -> MidiScores.read(mid));
        assertEquals(20_001, s.size());
        assertEquals(List.of("n".repeat(SmfReader.MAX_NAME_BYTES) + " ch 1", "track 2",
                "n".repeat(SmfReader.MAX_NAME_BYTES) + " ch 2"), s.instruments());
        assertFalse(s.notes().get(0).instrument().length() > SmfReader.MAX_NAME_BYTES + 5);
    }
}
