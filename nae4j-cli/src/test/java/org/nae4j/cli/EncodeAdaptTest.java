package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.Json;
import org.nae4j.io.Npy;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

/**
 * encode --adapt on a synthetic pair: performance A (nae4j's Synth), and B, another "piano" (fewer partials, more
 * inharmonicity, shorter decay), 15 % slower towards the end and tuned +16 cents (rendered at a lower rate and
 * written at the analysis rate, which raises the pitch and shortens the times by 2^(16/1200)).
 */
class EncodeAdaptTest {
    static final int RATE = StftParams.DEFAULT_SAMPLE_RATE;
    private static final double CENTS = 16;

    static Score piece(double tempo) {
        int[] pitches = {60, 64, 67, 72, 65, 69};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double t = 0.35 * i;
            notes.add(new Note(warp(t, tempo), warp(t + 0.5, tempo) - warp(t, tempo), pitches[i % pitches.length],
                    80, "piano"));
        }
        return new Score(notes);
    }

    /** A smooth tempo change: the local tempo falls from 1 to 1 / (1 + tempo) over 4 s. */
    private static double warp(double t, double tempo) {
        return t + tempo * t * t / 8;
    }

    static void performanceA(Path wav, Path csv) {
        Score s = piece(0);
        Wav.write(wav, Synth.render(s, RATE, SynthOptions.DEFAULT), RATE, WavEncoding.PCM_16);
        CsvScores.write(s, csv);
    }

    static void performanceB(Path wav, Path csv) {
        Score played = piece(0.15);
        int renderRate = (int) Math.round(RATE / Math.pow(2, CENTS / 1200));
        double speed = (double) RATE / renderRate;
        SynthOptions piano = new SynthOptions(8, 1e-3, 1.0, 0.01, 0.1, 1.0, -3.0);
        Wav.write(wav, Synth.render(played, renderRate, piano), RATE, WavEncoding.PCM_16);
        List<Note> heard = new ArrayList<>();
        for (Note n : played.notes()) {
            heard.add(new Note(n.start() / speed, n.duration() / speed, n.pitch(), n.velocity(), n.instrument()));
        }
        CsvScores.write(new Score(heard), csv);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static void ok(String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void adaptingTheModelToAnotherPerformanceLowersItsErrorAndWritesTheAdaptedModel(@TempDir Path dir) {
        Path a = dir.resolve("a.wav");
        Path sa = dir.resolve("a.csv");
        Path b = dir.resolve("b.wav");
        Path sb = dir.resolve("b.csv");
        performanceA(a, sa);
        performanceB(b, sb);
        Path model = dir.resolve("model");
        ok("decompose", "--audio", a.toString(), "--score", sa.toString(), "--out", model.toString(), "--method",
                "nae-adam", "--iterations", "150", "--threads", "1", "-q", "--no-plots");
        Path plain = dir.resolve("plain");
        ok("encode", "--model", model.toString(), "--audio", b.toString(), "--score", sb.toString(), "--out",
                plain.toString(), "--threads", "1", "-q", "--no-plots");
        Path adapted = dir.resolve("adapted");
        ok("encode", "--model", model.toString(), "--audio", b.toString(), "--score", sb.toString(), "--out",
                adapted.toString(), "--adapt", "60", "--adapt-learning-rate", "0.003", "--threads", "1", "-q", "--no-plots");
        Map<String, Object> p = Json.readObject(plain.resolve("summary.json"));
        Map<String, Object> s = Json.readObject(adapted.resolve("summary.json"));
        double before = number(p, "l1_error");
        double after = number(s, "l1_error");
        assertTrue(after < 0.5 * before, before + " -> " + after);
        Map<String, Object> adapt = section(section(s, "parameters"), "adapt");
        assertEquals(60, number(adapt, "iterations"));
        assertEquals(before, number(adapt, "encode_l1_error"), 1e-9 * before);
        assertEquals(0.003, number(section(section(s, "parameters"), "run"), "learning_rate"));
        assertEquals("nae-adam", s.get("method"));
        // What encode writes, with the adapted model in place of the given one.
        for (String f : List.of("W.npy", "W_E.npy", "H.npy", "pitches.csv", "history.csv", "summary.json")) {
            assertTrue(Files.exists(adapted.resolve(f)), f);
        }
        Npy.Matrix w0 = Npy.read(plain.resolve("W.npy"));
        Npy.Matrix w1 = Npy.read(adapted.resolve("W.npy"));
        assertEquals(w0.rows(), w1.rows());
        assertEquals(w0.cols(), w1.cols());
        assertEquals(Npy.read(plain.resolve("H.npy")).cols(), Npy.read(adapted.resolve("H.npy")).cols());
        // The adapted folder is a model: encoding B with it reproduces its error without training.
        Path again = dir.resolve("again");
        ok("encode", "--model", adapted.toString(), "--audio", b.toString(), "--score", sb.toString(), "--out",
                again.toString(), "--threads", "1", "-q", "--no-plots");
        assertEquals(after, number(Json.readObject(again.resolve("summary.json")), "l1_error"), 1e-4 * after);
        // Reproducible: the same run gives the same model.
        Path twice = dir.resolve("twice");
        ok("encode", "--model", model.toString(), "--audio", b.toString(), "--score", sb.toString(), "--out",
                twice.toString(), "--adapt", "60", "--adapt-learning-rate", "0.003", "--threads", "1", "-q", "--no-plots");
        assertArrayEquals(w1.data(), Npy.read(twice.resolve("W.npy")).data());
        assertArrayEquals(Npy.read(adapted.resolve("W_E.npy")).data(), Npy.read(twice.resolve("W_E.npy")).data());
        // Another method: its own default learning rate, recorded as the adapted model's method.
        Path sgd = dir.resolve("sgd");
        ok("encode", "--model", model.toString(), "--audio", b.toString(), "--score", sb.toString(), "--out",
                sgd.toString(), "--adapt", "5", "--adapt-method", "nae-sgd", "--threads", "1", "-q", "--no-plots");
        Map<String, Object> t = Json.readObject(sgd.resolve("summary.json"));
        assertEquals("nae-sgd", t.get("method"));
        assertEquals(0.1, number(section(section(t, "parameters"), "run"), "learning_rate"));
    }

    @Test
    void badAdaptValuesAreUsageErrors(@TempDir Path dir) {
        Path a = dir.resolve("a.wav");
        Path sa = dir.resolve("a.csv");
        performanceA(a, sa);
        for (String[] bad : List.of(new String[] {"--adapt", "-1"}, new String[] {"--adapt-learning-rate", "0"},
                new String[] {"--history-every", "0"}, new String[] {"--adapt-method", "nmf"})) {
            List<String> args = new ArrayList<>(List.of("encode", "--model", dir.toString(), "--audio", a.toString(),
                    "--score", sa.toString(), "--out", dir.resolve("out").toString(), "-q"));
            args.addAll(List.of(bad));
            CliTestSupport.Outcome o = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(2, o.exitCode(), o.err());
            assertTrue(o.err().contains(bad[0]), o.err());
            assertTrue(Files.notExists(dir.resolve("out")));
        }
    }
}
