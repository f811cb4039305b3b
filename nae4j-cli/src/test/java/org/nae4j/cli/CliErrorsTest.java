package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;

/** Bad input gets one clear message naming the file, exit code 1, and no output folder. */
class CliErrorsTest {
    private static final int FS = 22050;
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

    private void assertBadInput(String fileName, String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(1, o.exitCode(), o.err());
        assertTrue(o.err().contains(fileName), "message names the file: " + o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one message: " + o.err());
        assertFalse(Files.exists(out), "no output folder is left behind");
    }

    private String[] decompose(Path audio, Path score) {
        return new String[] {"decompose", "--audio", audio.toString(), "--score", score.toString(),
            "--out", out.toString(), "--iterations", "5", "-q", "--no-plots"};
    }

    @Test
    void goodInputWorksAndWritesEverything() throws Exception {
        CliTestSupport.Outcome o = CliTestSupport.run("decompose", "--audio", wav.toString(), "--score", csv.toString(),
                "--out", out.toString(), "--iterations", "20", "-q");
        assertEquals(0, o.exitCode(), o.err());
        for (String f : List.of("W.npy", "H.npy", "pitches.csv", "history.csv", "summary.json", "plots/V.png",
                "plots/Vhat.png", "plots/W.png", "plots/H.png", "plots/loss-iterations.png", "plots/loss-seconds.png")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals("iteration,seconds,l1_error,frobenius", Files.readAllLines(out.resolve("history.csv")).get(0));
        String summary = Files.readString(out.resolve("summary.json"));
        for (String key : List.of("\"method\"", "\"iterations\"", "\"seed\"", "\"threads\"", "\"K\"", "\"N\"", "\"R\"",
                "\"l1_error\"", "\"relative_l1_error\"", "\"seconds\"", "\"tau\"", "\"onset_tolerance_s\"")) {
            assertTrue(summary.contains(key), key);
        }
        try (var s = Files.list(dir)) {
            assertEquals(3, s.count(), "only the inputs and the output folder");
        }
        CliTestSupport.Outcome refused = CliTestSupport.run(decompose(wav, csv));
        assertEquals(1, refused.exitCode(), "an earlier result is replaced only with --overwrite");
        assertTrue(Files.exists(out.resolve("plots")), "and stays as it was");
        String[] withOverwrite = java.util.stream.Stream.concat(java.util.Arrays.stream(decompose(wav, csv)),
                java.util.stream.Stream.of("--overwrite")).toArray(String[]::new);
        CliTestSupport.Outcome again = CliTestSupport.run(withOverwrite);
        assertEquals(0, again.exitCode(), again.err());
        assertFalse(Files.exists(out.resolve("plots")), "--no-plots writes no plots");
        assertTrue(Files.exists(out.resolve("W.npy")), "and the old results were replaced");
    }

    @Test
    void missingAudio() {
        assertBadInput("nope.wav", decompose(dir.resolve("nope.wav"), csv));
    }

    @Test
    void missingScore() {
        assertBadInput("nope.csv", decompose(wav, dir.resolve("nope.csv")));
    }

    @Test
    void truncatedWav() throws Exception {
        byte[] bytes = Files.readAllBytes(wav);
        Path t = dir.resolve("truncated.wav");
        Files.write(t, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput("truncated.wav", decompose(t, csv));
    }

    @Test
    void nonAudioFile() throws Exception {
        Path t = dir.resolve("notes.wav");
        Files.writeString(t, "this is not audio");
        assertBadInput("notes.wav", decompose(t, csv));
    }

    @Test
    void emptyScore() throws Exception {
        Path t = dir.resolve("empty.csv");
        Files.writeString(t, "Start;Duration;Pitch;Velocity;Instrument\n");
        assertBadInput("empty.csv", decompose(wav, t));
    }

    @Test
    void pitchOutOfRange() throws Exception {
        Path t = dir.resolve("pitch.csv");
        Files.writeString(t, "Start;Duration;Pitch;Velocity;Instrument\n0.1;0.5;130;90;right\n");
        assertBadInput("pitch.csv", decompose(wav, t));
    }

    @Test
    void scoreLongerThanAudio() throws Exception {
        Path t = dir.resolve("long.csv");
        Files.writeString(t, "Start;Duration;Pitch;Velocity;Instrument\n0.1;0.5;60;90;right\n30.0;1.0;62;90;right\n");
        assertBadInput("long.csv", decompose(wav, t));
        CliTestSupport.Outcome o = CliTestSupport.run(decompose(wav, t));
        assertTrue(o.err().contains("starts after the end of the audio") && o.err().contains("--align"), o.err());
    }

    @Test
    void tuningIsEstimatedByDefaultGivenOnRequestAndRecorded() throws Exception {
        CliTestSupport.Outcome auto = CliTestSupport.run(decompose(wav, csv));
        assertEquals(0, auto.exitCode(), auto.err());
        Map<String, Object> analysis = analysisSection(out.resolve("summary.json"));
        assertEquals("auto", analysis.get("tuning"));
        assertEquals("nearest", analysis.get("band_rounding"));
        // The synthesizer plays at A440; its partials are slightly sharp.
        assertTrue(Math.abs(((Number) analysis.get("tuning_cents")).doubleValue()) < 5, analysis.toString());
        String[] given = decompose(wav, csv);
        CliTestSupport.Outcome pinned = CliTestSupport.run(concat(given, "--overwrite", "--tuning", "-12.5",
                "--band-rounding", "libfmp"));
        assertEquals(0, pinned.exitCode(), pinned.err());
        analysis = analysisSection(out.resolve("summary.json"));
        assertEquals(-12.5, ((Number) analysis.get("tuning_cents")).doubleValue());
        assertEquals("libfmp", analysis.get("band_rounding"));
        for (String[] bad : List.of(new String[] {"--tuning", "150"}, new String[] {"--tuning", "flat"},
                new String[] {"--band-rounding", "up"})) {
            CliTestSupport.Outcome o = CliTestSupport.run(concat(given, "--overwrite", bad[0], bad[1]));
            assertEquals(2, o.exitCode(), o.err());
            assertTrue(o.err().contains(bad[0]), o.err());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> analysisSection(Path summary) {
        Map<String, Object> parameters = (Map<String, Object>) org.nae4j.io.Json.readObject(summary).get("parameters");
        return (Map<String, Object>) parameters.get("analysis");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void notesRunningPastTheEndAreCutThereWithAWarningEvenWhenQuiet() throws Exception {
        // The recording lasts 2 s; the last note starts inside it and is held 5 s longer than it.
        Path t = dir.resolve("held.csv");
        Files.writeString(t, "Start;Duration;Pitch;Velocity;Instrument\n0.1;0.5;60;90;right\n1.5;5.5;62;90;right\n");
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        CliTestSupport.Outcome o;
        System.setErr(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            o = CliTestSupport.run(decompose(wav, t));
        } finally {
            System.setErr(stderr);
        }
        assertEquals(0, o.exitCode(), o.err());
        String warning = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(warning.contains("nae4j: warning: " + t + ": 1 note runs past the end of the recording (2.000 s) "
                + "and is cut there"), warning);
        assertTrue(Files.exists(out.resolve("H.npy")));
    }

    @Test
    void silentAudio() {
        Path t = dir.resolve("silent.wav");
        Wav.write(t, new float[FS * 2], FS, WavEncoding.PCM_16);
        assertBadInput("silent.wav", decompose(t, csv));
    }

    @Test
    void nanSamples() {
        float[] x = new float[FS * 2];
        x[100] = 0.5f;
        x[FS] = Float.NaN;
        Path t = dir.resolve("nan.wav");
        // Wav.write refuses NaN, so write the float file by hand.
        writeFloatWav(t, x);
        assertBadInput("nan.wav", decompose(t, csv));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliTestSupport.run("decompose", "--audio", wav.toString()).exitCode());
        assertEquals(2, CliTestSupport.run("decompose", "--audio", wav.toString(), "--score", csv.toString(),
                "--out", out.toString(), "--method", "nope").exitCode());
        // Accelerated updates are NMF's; refused before any work, and nothing is written.
        assertEquals(2, CliTestSupport.run("decompose", "--audio", wav.toString(), "--score", csv.toString(),
                "--out", out.toString(), "--method", "nae-sgd", "--accelerate").exitCode());
        assertTrue(!java.nio.file.Files.exists(out), "no output folder after a usage error");
    }

    @Test
    void acceleratedNmfWritesItsParameters() throws Exception {
        CliTestSupport.Outcome o = CliTestSupport.run("decompose", "--audio", wav.toString(), "--score", csv.toString(),
                "--out", out.toString(), "--iterations", "5", "--accelerate", "--no-plots", "-q");
        assertEquals(0, o.exitCode(), o.err());
        String summary = java.nio.file.Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"accelerated\" : true"), summary);
        assertTrue(summary.contains("\"acceleration_alpha\" : 0.5"), summary);
    }

    @Test
    void helpDocumentsEveryOptionWithDefaults() {
        CliTestSupport.Outcome o = CliTestSupport.run("decompose", "--help");
        assertEquals(0, o.exitCode());
        for (String s : List.of("--audio", "--score", "--out", "--method", "--iterations", "default: 10000", "--seed",
                "--threads", "--quiet", "--tau", "--onset-tolerance")) {
            assertTrue(o.out().contains(s), s + " in\n" + o.out());
        }
    }

    @Test
    void versionIsPrinted() {
        CliTestSupport.Outcome o = CliTestSupport.run("--version");
        assertEquals(0, o.exitCode());
        assertTrue(o.out().startsWith("nae4j "), o.out());
    }

    private static void writeFloatWav(Path file, float[] x) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 4 * x.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 4 * x.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(FS).putInt(4 * FS)
                .putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes()).putInt(4 * x.length);
        for (float v : x) {
            b.putFloat(v);
        }
        try {
            Files.write(file, b.array());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
