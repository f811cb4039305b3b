package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

class EncodeCommandTest {
    private static final int RATE = StftParams.DEFAULT_SAMPLE_RATE;

    private static Score score(int... pitches) {
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(0.5 * i, 0.8, pitches[i], 90, "piano"));
            notes.add(new Note(0.5 * i + 1.6, 0.4, pitches[i], 70, "piano"));
        }
        return new Score(notes);
    }

    private static void render(Score s, Path wav, Path csv) {
        Wav.write(wav, Synth.render(s, RATE, SynthOptions.DEFAULT), RATE, WavEncoding.PCM_16);
        CsvScores.write(s, csv);
    }

    /** Runs the command through CliTestSupport (so its summary stays out of the build log), its stderr into err. */
    private static int run(StringWriter err, String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        err.append(o.err());
        return o.exitCode();
    }

    @Test
    void encodingTheTrainingRecordingReproducesTheSavedActivationsAndError(@TempDir Path dir) {
        Path wav = dir.resolve("a.wav");
        Path csv = dir.resolve("a.csv");
        render(score(60, 64, 67), wav, csv);
        Path model = dir.resolve("model");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "decompose", "--audio", wav.toString(), "--score", csv.toString(), "--out",
                model.toString(), "--method", "nae-rmsprop", "--iterations", "60", "-q", "--no-plots"), err.toString());
        assertTrue(Files.exists(model.resolve("W_E.npy")));
        Path enc = dir.resolve("enc");
        assertEquals(0, run(err, "encode", "--model", model.toString(), "--audio", wav.toString(), "--score",
                csv.toString(), "--out", enc.toString(), "-q", "--no-plots"), err.toString());
        Npy.Matrix trained = Npy.read(model.resolve("H.npy"));
        Npy.Matrix encoded = Npy.read(enc.resolve("H.npy"));
        float max = 0;
        for (float x : trained.data()) {
            max = Math.max(max, x);
        }
        assertTrue(max > 0);
        assertArrayEquals(trained.data(), encoded.data(), 1e-5f * max);
        Map<String, Object> a = Json.readObject(model.resolve("summary.json"));
        Map<String, Object> b = Json.readObject(enc.resolve("summary.json"));
        double ea = ((Number) a.get("l1_error")).doubleValue();
        assertEquals(ea, ((Number) b.get("l1_error")).doubleValue(), 1e-4 * ea);
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) ((Map<String, Object>) a.get("parameters")).get("run");
        assertEquals(1e-3, ((Number) run.get("learning_rate")).doubleValue());
        assertEquals(0.9, ((Number) run.get("rho")).doubleValue());
        assertEquals(List.of(), a.get("dead_pitches"));
    }

    @Test
    void pitchesMissingFromTheModelAreAClearError(@TempDir Path dir) {
        Path wav = dir.resolve("a.wav");
        Path csv = dir.resolve("a.csv");
        render(score(60, 64), wav, csv);
        Path model = dir.resolve("model");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "decompose", "--audio", wav.toString(), "--score", csv.toString(), "--out",
                model.toString(), "--method", "nae-mu", "--iterations", "5", "-q", "--no-plots"), err.toString());
        Path wav2 = dir.resolve("b.wav");
        Path csv2 = dir.resolve("b.csv");
        render(score(60, 71), wav2, csv2);
        StringWriter err2 = new StringWriter();
        assertEquals(1, run(err2, "encode", "--model", model.toString(), "--audio", wav2.toString(), "--score",
                csv2.toString(), "--out", dir.resolve("enc").toString(), "-q"));
        assertTrue(err2.toString().contains("[71]") && err2.toString().contains("b.csv"), err2.toString());
        assertTrue(Files.notExists(dir.resolve("enc")));
    }

    @Test
    void nmfModelsHaveNoEncoder(@TempDir Path dir) {
        Path wav = dir.resolve("a.wav");
        Path csv = dir.resolve("a.csv");
        render(score(62), wav, csv);
        Path model = dir.resolve("model");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "decompose", "--audio", wav.toString(), "--score", csv.toString(), "--out",
                model.toString(), "--iterations", "5", "-q", "--no-plots"), err.toString());
        assertEquals(1, run(err, "encode", "--model", model.toString(), "--audio", wav.toString(), "--score",
                csv.toString(), "--out", dir.resolve("enc").toString(), "-q"));
        assertTrue(err.toString().contains("no encoder"), err.toString());
    }
}
