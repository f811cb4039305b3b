package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** {@code nae4j bench}, and its side-by-side comparison with the dense NumPy baseline ({@code --numpy}). */
class BenchCommandTest {
    private static final int FS = 22050;
    @TempDir
    Path dir;
    Path wav;
    Path csv;

    @BeforeEach
    void inputs() {
        Score s = new Score(List.of(new Note(0.1, 0.5, 60, 90, "right"), new Note(0.4, 0.6, 48, 80, "left"),
                new Note(0.8, 0.4, 64, 70, "right")));
        wav = dir.resolve("piece.wav");
        csv = dir.resolve("piece.csv");
        Wav.write(wav, Synth.render(s, FS, SynthOptions.DEFAULT), FS, WavEncoding.PCM_16);
        CsvScores.write(s, csv);
    }

    private String[] bench(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "--audio", wav.toString(), "--score",
                csv.toString(), "--iterations", "2", "--warmup", "1", "--threads", "1", "--methods", "nmf,nae-sgd"));
        if (!List.of(extra).contains("--jit-warmup")) {
            args.addAll(List.of("--jit-warmup", "0"));   // the default 5 s per method and path is for real runs
        }
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    @Test
    void numpyBaselineRunsSideBySide() throws Exception {
        Assumptions.assumeTrue(pythonWithNumpy(), "needs python3 with NumPy");
        Path out = dir.resolve("results");
        CliTestSupport.Outcome o = CliTestSupport.run(bench("--numpy", "--out", out.toString()));
        assertEquals(0, o.exitCode(), o.err());
        List<String> lines = Files.readAllLines(out.resolve("bench.csv"));
        assertTrue(lines.get(0).endsWith("numpy_ms_per_iteration,speedup_vs_numpy"), lines.get(0));
        assertEquals(3, lines.size(), "a row per method");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double numpyMs = Double.parseDouble(f[9]);
            double ratio = Double.parseDouble(f[10]);
            assertTrue(numpyMs > 0, line);
            assertEquals(numpyMs / Double.parseDouble(f[3]), ratio, 1e-9 * ratio, "ratio = NumPy / masked: " + line);
        }
        assertTrue(Files.readString(out.resolve("bench.json")).contains("\"speedup_vs_numpy\""));
    }

    @Test
    void withoutNumpyTheColumnsStayEmpty() throws Exception {
        Path out = dir.resolve("results");
        CliTestSupport.Outcome o = CliTestSupport.run(bench("--out", out.toString()));
        assertEquals(0, o.exitCode(), o.err());
        List<String> lines = Files.readAllLines(out.resolve("bench.csv"));
        assertTrue(lines.get(1).endsWith(",,"), lines.get(1));
    }

    @Test
    void theJitWarmupIsRecordedAndANegativeOneRefused() throws Exception {
        Path out = dir.resolve("results");
        CliTestSupport.Outcome o = CliTestSupport.run(bench("--out", out.toString(), "--jit-warmup", "0.2"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(Files.readString(out.resolve("bench.json")).contains("\"jit_warmup_seconds\" : 0.2"),
                Files.readString(out.resolve("bench.json")));
        CliTestSupport.Outcome bad = CliTestSupport.run(bench("--jit-warmup", "-1"));
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--jit-warmup"), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad.err());
    }

    @Test
    void missingInterpreterIsOneClearMessage() {
        CliTestSupport.Outcome o = CliTestSupport.run(bench("--numpy", "--python", dir.resolve("no-python").toString()));
        assertEquals(1, o.exitCode(), o.err());
        assertTrue(o.err().contains("no-python"), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void numpyNeedsTheDefaultAnalysisOptions() {
        CliTestSupport.Outcome o = CliTestSupport.run(bench("--numpy", "--tau", "0.1"));
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("--numpy"), o.err());
    }

    private static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
