package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** Hostile input through the command line: exit 0, or exit 1 with one escaped line naming the file. */
class HostileInputCliTest {
    private static final int FS = 44100;
    @TempDir
    Path dir;
    Path wav;
    Path csv;
    Path out;

    @BeforeEach
    void goodInputs() {
        wav = dir.resolve("good.wav");
        csv = dir.resolve("good.csv");
        CliTestSupport.twoNotes(wav, csv, FS);
        out = dir.resolve("out");
    }

    private static CliTestSupport.Outcome decompose(Path audio, Path score, Path out) {
        return CliTestSupport.run("decompose", "--audio", audio.toString(), "--score", score.toString(),
                "--out", out.toString(), "--iterations", "3", "-q", "--no-plots");
    }

    private static void assertCleanRefusal(CliTestSupport.Outcome o, String names) {
        assertEquals(1, o.exitCode(), o.err());
        assertTrue(o.err().contains("nae4j: error: " + names), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertTrue(o.err().strip().chars().noneMatch(c -> c < 0x20 && c != '\t'), "printable: " + o.err());
    }

    @Test
    void aRootIsNeitherAScoreNorAnOutputFolder() {
        assertCleanRefusal(decompose(wav, Path.of("/"), out), "/: is a directory");
        assertCleanRefusal(decompose(wav, csv, Path.of("/")), "/: is a file-system root and cannot be an output folder");
        CliTestSupport.Outcome synth = CliTestSupport.run("synth", "--score", csv.toString(), "--out", "/");
        assertEquals(2, synth.exitCode(), "not a .wav name: a usage error " + synth.err());
        assertFalse(synth.err().contains("\tat "), synth.err());
    }

    @Test
    void evaluateRefusesAbsurdSamplesInsteadOfScoringNaN() throws IOException {
        Path est = Files.createDirectory(dir.resolve("est"));
        Path ref = Files.createDirectory(dir.resolve("ref"));
        float[] x = Synth.render(new Score(List.of(new Note(0, 0.2, 60, 90, "p"))), FS, SynthOptions.DEFAULT);
        float[] loud = x.clone();
        loud[100] = 1e17f;
        Wav.write(ref.resolve("p.wav"), x, FS, WavEncoding.FLOAT_32);
        Wav.write(est.resolve("p.wav"), loud, FS, WavEncoding.FLOAT_32);
        assertCleanRefusal(CliTestSupport.run("evaluate", "--estimates", est.toString(), "--references", ref.toString(),
                "--out", out.toString()), est.resolve("p.wav") + ": contains samples far beyond full scale");
    }

    @Test
    void separateEscapesTrackNamesInItsTable() throws IOException {
        Path mid = dir.resolve("names.mid");
        org.nae4j.score.MidiScores.write(new Score(List.of(new Note(0.1, 0.5, 60, 90, "r\u001b[2Jx"),
                new Note(0.4, 0.6, 48, 80, "left"))), mid);
        CliTestSupport.Outcome o = CliTestSupport.run("separate", "--audio", wav.toString(), "--score",
                mid.toString(), "--out", out.toString(), "--iterations", "3", "-q", "--no-plots");
        assertEquals(0, o.exitCode(), o.err());
        String table = o.out();
        assertTrue(table.contains("r\\x1B[2Jx"), table);
        assertFalse(table.contains("\u001b"), "no raw escape reaches the terminal");
    }

    @Test
    void recordingAndScoreFromNamedPipes() throws Exception {
        Path audioPipe = dir.resolve("audio-pipe");
        Path scorePipe = dir.resolve("score-pipe");
        for (Path p : List.of(audioPipe, scorePipe)) {
            assumeTrue(new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0, "mkfifo is available");
        }
        feed(audioPipe, Files.readAllBytes(wav));
        feed(scorePipe, Files.readAllBytes(csv));
        CliTestSupport.Outcome o = CliTestSupport.run("separate", "--audio", audioPipe.toString(), "--score",
                scorePipe.toString(), "--out", out.toString(), "--iterations", "3", "-q", "--no-plots");
        assertEquals(0, o.exitCode(), o.err());
        assertEquals(FS, Wav.read(out.resolve("right.wav")).sampleRate(), "the 44.1 kHz pipe was read once");
    }

    private static void feed(Path fifo, byte[] bytes) {
        Thread t = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Test
    void everyFuzzCorpusFileEndsCleanly() throws Exception {
        // The corpus of nae4j-core's fuzz tests; the tests run in the repository's root folder.
        Path corpus = Path.of("nae4j-core/src/test/resources/fuzz");
        assertTrue(Files.isRegularFile(corpus.resolve("README.md")), corpus.toAbsolutePath().toString());
        for (String kind : List.of("wav", "csv", "mid")) {
            try (Stream<Path> files = Files.list(corpus.resolve(kind))) {
                for (Path f : files.sorted().toList()) {
                    Path copy = Files.copy(f, dir.resolve("hostile." + kind));
                    CliTestSupport.Outcome o = kind.equals("wav") ? decompose(copy, csv, out) : decompose(wav, copy, out);
                    if (o.exitCode() != 0) {
                        assertCleanRefusal(o, copy.toString());
                    }
                    Files.delete(copy);
                    org.nae4j.io.AtomicFiles.deleteTree(out);
                }
            }
        }
    }
}
