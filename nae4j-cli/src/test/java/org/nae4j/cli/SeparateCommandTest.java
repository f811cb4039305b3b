package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Audio;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.Json;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** separate and evaluate end to end, on a stereo 44.1 kHz recording of two known hands. */
class SeparateCommandTest {
    private static final int RATE = 44100;
    private static final String ITERATIONS = "60";
    /** Well below the library test's 12 dB: this checks the plumbing (files, rates, matching), not quality. */
    private static final double MIN_SI_SDR_DB = 8;

    @TempDir
    static Path tmp;
    private static Path mix;
    private static Path csv;
    private static Path refs;
    private static float[] mono;

    @BeforeAll
    static void render() {
        List<Note> right = new ArrayList<>();
        List<Note> left = new ArrayList<>();
        int[] melody = {76, 79, 81, 79};
        for (int i = 0; i < melody.length; i++) {
            right.add(new Note(0.2 + 0.5 * i, 0.45, melody[i], 90, "right"));
        }
        left.add(new Note(0.2, 0.95, 45, 80, "left"));
        left.add(new Note(1.2, 0.95, 52, 80, "left"));
        Score r = new Score(right);
        Score l = new Score(left);
        SynthOptions o = SynthOptions.DEFAULT;
        float[] xr = Synth.render(r, RATE, o.withTailSeconds(0.5 + l.end() - r.end()));
        float[] xl = Synth.render(l, RATE, o.withTailSeconds(0.5));
        int n = Math.min(xr.length, xl.length);
        float[] a = new float[n];
        float[] b = new float[n];
        mono = new float[n];
        float[] sr = new float[n];
        float[] sl = new float[n];
        for (int i = 0; i < n; i++) {
            sr[i] = 0.5f * xr[i];
            sl[i] = 0.5f * xl[i];
            // Different channels, whose average is the sum of the hands.
            a[i] = 2 * sr[i];
            b[i] = 2 * sl[i];
            mono[i] = (a[i] + b[i]) / 2;
        }
        mix = tmp.resolve("mix.wav");
        Wav.write(mix, new Audio(new float[][] {a, b}, RATE), WavEncoding.FLOAT_32);
        refs = tmp.resolve("refs");
        Wav.write(refs.resolve("right.wav"), sr, RATE, WavEncoding.FLOAT_32);
        Wav.write(refs.resolve("left.wav"), sl, RATE, WavEncoding.FLOAT_32);
        List<Note> all = new ArrayList<>(right);
        all.addAll(left);
        csv = tmp.resolve("score.csv");
        CsvScores.write(new Score(all), csv);
    }

    @Test
    void separatedFilesHaveTheInputsRateAndLengthAndAddUpToIt() throws IOException {
        Path out = tmp.resolve("sep");
        assertEquals(0, CliTestSupport.run("separate", "--audio", mix.toString(), "--score", csv.toString(), "--out",
                out.toString(), "--iterations", ITERATIONS, "-q", "--no-plots").exitCode());
        assertTrue(Files.isRegularFile(out.resolve("decomposition/W.npy")));
        double[] sum = new double[mono.length];
        for (String name : List.of("right", "left", "residual")) {
            Audio x = Wav.read(out.resolve(name + ".wav"));
            assertEquals(RATE, x.sampleRate());
            assertEquals(1, x.channelCount());
            assertEquals(mono.length, x.length());
            for (int i = 0; i < sum.length; i++) {
                sum[i] += x.channels()[0][i];
            }
        }
        double err = 0;
        double energy = 0;
        for (int i = 0; i < sum.length; i++) {
            err += (sum[i] - mono[i]) * (sum[i] - mono[i]);
            energy += (double) mono[i] * mono[i];
        }
        assertTrue(Math.sqrt(err / energy) < 1e-4, "relative error of the sum " + Math.sqrt(err / energy));

        Path eval = tmp.resolve("eval");
        assertEquals(0, CliTestSupport.run("evaluate", "--estimates", out.toString(), "--references", refs.toString(),
                "--out", eval.toString(), "-q").exitCode());
        List<String> lines = Files.readAllLines(eval.resolve(EvaluateCommand.CSV_FILE));
        assertEquals("name,si_sdr_db,sdr_db,samples,sample_rate", lines.get(0));
        assertEquals(3, lines.size());
        Map<String, Object> json = Json.readObject(eval.resolve(EvaluateCommand.JSON_FILE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) json.get("sources");
        assertEquals(List.of("left", "right"), sources.stream().map(m -> m.get("name")).toList());
        for (Map<String, Object> m : sources) {
            double si = ((Number) m.get("si_sdr_db")).doubleValue();
            assertTrue(si > MIN_SI_SDR_DB, m.toString());
        }
    }

    @Test
    void badCombinationsAreUsageErrorsAndMissingNotesInputErrors() throws IOException {
        String[] base = {"separate", "--audio", mix.toString(), "--score", csv.toString(), "--iterations", "1", "-q",
            "--no-plots", "--out"};
        assertEquals(Main.EXIT_USAGE, CliTestSupport.run(concat(base, tmp.resolve("a").toString(), "--by", "notes"))
                .exitCode());
        assertEquals(Main.EXIT_USAGE, CliTestSupport.run(concat(base, tmp.resolve("b").toString(), "--power", "3"))
                .exitCode());
        Path notes = tmp.resolve("mine.csv");
        CsvScores.write(new Score(List.of(new Note(0.2, 0.45, 77, 90, "right"))), notes);
        assertEquals(Main.EXIT_BAD_INPUT, CliTestSupport.run(concat(base, tmp.resolve("c").toString(),
                "--notes", notes.toString())).exitCode());
        CsvScores.write(new Score(List.of(new Note(0.2, 0.45, 76, 90, "right"))), notes);
        Path byNotes = tmp.resolve("d");
        assertEquals(0, CliTestSupport.run(concat(base, byNotes.toString(), "--notes", notes.toString(),
                "--mask", "wiener")).exitCode());
        assertTrue(Files.isRegularFile(byNotes.resolve("mine.wav")));
        assertTrue(Files.isRegularFile(byNotes.resolve("rest.wav")));
        // No reference called mine.wav or rest.wav.
        assertEquals(Main.EXIT_BAD_INPUT, CliTestSupport.run("evaluate", "--estimates", byNotes.toString(),
                "--references", refs.toString(), "-q").exitCode());
        Path wrongRate = tmp.resolve("wrong-rate");
        Wav.write(wrongRate.resolve("mine.wav"), new float[mono.length], RATE / 2, WavEncoding.PCM_16);
        Wav.write(wrongRate.resolve("rest.wav"), new float[mono.length], RATE / 2, WavEncoding.PCM_16);
        assertEquals(Main.EXIT_BAD_INPUT, CliTestSupport.run("evaluate", "--estimates", byNotes.toString(),
                "--references", wrongRate.toString(), "-q").exitCode());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void labelsBecomeDistinctFilesInsideOut() throws IOException {
        List<String> labels = List.of("../evil", "/abs", "-rf", "Right", "right", "x".repeat(300), "..", "con");
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            notes.add(new Note(0.2 + 0.2 * i, 0.3, 60 + i, 90, labels.get(i)));
        }
        Path score = tmp.resolve("labels").resolve("evil.csv");
        CsvScores.write(new Score(notes), score);
        Path out = tmp.resolve("labels").resolve("out");
        assertEquals(0, CliTestSupport.run("separate", "--audio", mix.toString(), "--score", score.toString(), "--out",
                out.toString(), "--iterations", "1", "-q", "--no-plots").exitCode());
        List<String> wavs;
        try (var files = Files.list(out)) {
            wavs = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".wav")).sorted().toList();
        }
        assertEquals(labels.size() + 1, wavs.size(), "one file per label and the residual: " + wavs);
        assertEquals(wavs.size(), wavs.stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).distinct().count(),
                "distinct even ignoring case: " + wavs);
        for (String w : wavs) {
            assertTrue(w.length() <= 64 + ".wav".length() && !w.startsWith(".") && !w.startsWith("-"), w);
        }
        try (var files = Files.list(tmp.resolve("labels"))) {
            assertEquals(List.of("evil.csv", "out"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "nothing written next to --out");
        }
        try (var files = Files.list(Path.of("/"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("abs")), "nothing written to /");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) Json.readObject(out.resolve("separation.json"))
                .get("sources");
        assertEquals(labels, sources.subList(0, labels.size()).stream().map(m -> m.get("label")).toList(),
                "separation.json keeps each file's label");
    }

    @Test
    void tooManyGroupsAreRefusedBeforeDecomposing() throws IOException {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < SeparateCommand.DEFAULT_MAX_GROUPS + 1; i++) {
            notes.add(new Note(0.2 + 0.01 * i, 0.3, 60, 90, "label" + i));
        }
        Path score = tmp.resolve("many.csv");
        CsvScores.write(new Score(notes), score);
        Path out = tmp.resolve("many");
        CliTestSupport.Outcome o = CliTestSupport.run("separate", "--audio", mix.toString(), "--score",
                score.toString(), "--out", out.toString(), "-q", "--no-plots");
        assertEquals(Main.EXIT_BAD_INPUT, o.exitCode(), o.err());
        assertTrue(o.err().contains(score.toString()) && o.err().contains("129 groups by track")
                && o.err().contains("--max-groups"), o.err());
        assertTrue(!Files.exists(out), "nothing written");
        CliTestSupport.Outcome two = CliTestSupport.run("separate", "--audio", mix.toString(), "--score",
                csv.toString(), "--out", out.toString(), "-q", "--no-plots", "--max-groups", "1");
        assertEquals(Main.EXIT_BAD_INPUT, two.exitCode(), two.err());
        assertTrue(two.err().contains("2 groups by track"), two.err());
    }
}
