package org.nae4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.DecompositionOptions;
import org.nae4j.io.InvalidInputException;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Method;
import org.nae4j.model.ProgressListener;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

/** A small experiment (the one CI runs): two synthesized recordings, every method, a few iterations. */
class ExperimentTest {
    private static final int FS = 22050;

    private static void recording(Path dir, int transpose) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notes.add(new Note(0.25 * i, 0.4, 60 + transpose + (i % 4) * 2, 90, "right"));
            notes.add(new Note(0.5 * (i / 2), 0.5, 48 + transpose, 70, "left"));
        }
        Score s = new Score(notes);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Wav.write(dir.resolve("mix.wav"), Synth.render(s, FS, SynthOptions.DEFAULT), FS, WavEncoding.PCM_16);
        CsvScores.write(s, dir.resolve("score.csv"));
    }

    private static final class Counting implements Experiment.Listener {
        int started;
        int skipped;

        @Override
        public ProgressListener started(int index, int total, Recording r, Method m, double eta) {
            started++;
            return ProgressListener.NONE;
        }

        @Override
        public void skipped(int index, int total, Recording r, Method m) {
            skipped++;
        }
    }

    @Test
    void everyMethodOnEveryRecordingWithReportAndResume(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        recording(data.resolve("piece-a"), 0);
        recording(data.resolve("piece-b"), 3);
        Files.createDirectories(data.resolve("not-a-recording"));
        Path out = tmp.resolve("report");
        List<Method> methods = List.of(Method.values());
        ExperimentOptions o = new ExperimentOptions(methods,
                DecompositionOptions.defaults(Method.NMF).withIterations(20), StftParams.DEFAULT,
                ConstraintOptions.DEFAULT, true, false, false, Map.of());
        Counting first = new Counting();
        Report report = Experiment.run(data, out, o, first);
        assertEquals(2 * methods.size(), first.started);
        assertEquals(List.of("piece-a", "piece-b"), report.recordings());
        for (String f : List.of("table1.csv", "report.md", "fig3-piece-a.png", "fig3-piece-b.png", "fig4.png",
                "fig5.png", "environment.json", "index.html", "runs/piece-a/nmf/index.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> table = Files.readAllLines(out.resolve("table1.csv"));
        assertEquals("recording,method,iterations,l1_error,relative_l1_error,seconds", table.get(0));
        assertTrue(table.get(1).startsWith("piece-a,nmf,20,"), table.get(1));
        assertEquals(1 + 2 * methods.size(), table.size());
        for (Method m : methods) {
            Path run = Experiment.runDir(out, new Recording("piece-a", null, null), m);
            assertTrue(Files.isRegularFile(run.resolve("W.npy")), run.toString());
            assertEquals(m.hasEncoder(), Files.isRegularFile(run.resolve("W_E.npy")), run.toString());
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("- iterations: 20"), md);
        Method best = report.bestAutoencoder("piece-a");
        assertTrue(md.contains("**"), "the best autoencoder is marked");
        for (Method m : methods) {
            if (m.hasEncoder()) {
                assertTrue(report.error("piece-a", best) <= report.error("piece-a", m));
            }
        }
        assertTrue(Files.readString(out.resolve("environment.json")).contains("\"java_version\""));

        // Resume keeps every finished run and rewrites the same report.
        Counting second = new Counting();
        Report again = Experiment.run(data, out, o, second);
        assertEquals(0, second.started);
        assertEquals(2 * methods.size(), second.skipped);
        assertEquals(report.error("piece-b", Method.NAE_ADAM), again.error("piece-b", Method.NAE_ADAM));
    }

    @Test
    void resumeRefusesRunsMadeWithOtherParametersAndOverwriteRerunsThem(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        recording(data.resolve("piece-a"), 0);
        Path out = tmp.resolve("report");
        List<Method> methods = List.of(Method.NMF);
        Experiment.run(data, out, options(methods, 10, true, false), new Counting());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Experiment.run(data, out, options(methods, 15, true, false), new Counting()));
        assertTrue(e.getMessage().contains("iterations 10, not 15") && e.getMessage().contains("--overwrite"),
                e.getMessage());
        e = assertThrows(InvalidInputException.class,
                () -> Experiment.run(data, out, options(methods, 15, false, false), new Counting()));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        Counting rerun = new Counting();
        Experiment.run(data, out, options(methods, 15, true, true), rerun);
        assertEquals(1, rerun.started);
        assertTrue(Files.readAllLines(out.resolve("table1.csv")).get(1).startsWith("piece-a,nmf,15,"));
        Counting kept = new Counting();
        Experiment.run(data, out, options(methods, 15, true, true), kept);
        assertEquals(1, kept.skipped, "--resume --overwrite keeps the runs that match");
    }

    @Test
    void aReportFolderOfTheUsersIsRefused(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        recording(data.resolve("piece-a"), 0);
        Path out = Files.createDirectories(tmp.resolve("report"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThrows(InvalidInputException.class,
                () -> Experiment.run(data, out, options(List.of(Method.NMF), 5, true, true), new Counting()));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aRecordingFolderWithTwoCandidateWavFilesIsAnError(@TempDir Path tmp) throws Exception {
        Path piece = tmp.resolve("piece-a");
        recording(piece, 0);
        Files.move(piece.resolve("mix.wav"), piece.resolve("take1.wav"));
        Files.copy(piece.resolve("take1.wav"), piece.resolve("take2.wav"));
        Files.copy(piece.resolve("take1.wav"), piece.resolve("left.wav"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Recording.discover(tmp));
        assertTrue(e.getMessage().contains(piece.toString()) && e.getMessage().contains("take2.wav")
                && !e.getMessage().contains("left.wav"), e.getMessage());
    }

    private static ExperimentOptions options(List<Method> methods, int iterations, boolean resume, boolean overwrite) {
        return new ExperimentOptions(methods, DecompositionOptions.defaults(Method.NMF).withIterations(iterations),
                StftParams.DEFAULT, ConstraintOptions.DEFAULT, resume, overwrite, false, Map.of());
    }

    @Test
    void aFolderWithoutRecordingsIsAClearError(@TempDir Path tmp) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Recording.discover(tmp));
        assertTrue(e.getMessage().contains(tmp.toString()));
    }

    @Test
    void methodsMustBeDistinct() {
        assertThrows(IllegalArgumentException.class, () -> new ExperimentOptions(List.of(Method.NMF, Method.NMF),
                DecompositionOptions.defaults(Method.NMF), StftParams.DEFAULT, ConstraintOptions.DEFAULT, false, false,
                false, Map.of()));
    }
}
