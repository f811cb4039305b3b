package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.plot.AlignmentPlot;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Examples;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** {@code align} and {@code decompose --align} on a synthesized recording and a slowed-down score. */
class AlignCommandTest {
    private static final int RATE = 22050;
    /** The score is played 25 % slower than the recording: it ends after the audio does. */
    private static final double STRETCH = 1.25;
    private static final double MAX_MEAN_ERROR_S = 0.05;

    @TempDir
    Path dir;

    private final Score truth = Examples.bundledScore();
    private Path audio;
    private Path score;

    @BeforeEach
    void writeInputs() {
        audio = dir.resolve("performance.wav");
        score = dir.resolve("score.csv");
        Wav.write(audio, Synth.render(truth, RATE, SynthOptions.DEFAULT.withPartials(6)), RATE, WavEncoding.PCM_16);
        List<Note> slow = new ArrayList<>();
        for (Note n : truth.notes()) {
            slow.add(new Note(n.start() * STRETCH, n.duration() * STRETCH, n.pitch(), n.velocity(), n.instrument()));
        }
        CsvScores.write(new Score(slow), score);
    }

    private double meanOnsetError(Score aligned) {
        double sum = 0;
        for (int i = 0; i < truth.size(); i++) {
            assertEquals(truth.notes().get(i).pitch(), aligned.notes().get(i).pitch());
            sum += Math.abs(aligned.notes().get(i).start() - truth.notes().get(i).start());
        }
        return sum / truth.size();
    }

    @Test
    void alignWritesTheAlignedScoreAndThePlot() throws IOException {
        Path out = dir.resolve("aligned.csv");
        Path png = dir.resolve("plots/alignment.png");
        int code = CliTestSupport.run("align", "--audio", audio.toString(), "--score", score.toString(),
                "--out", out.toString(), "--plot", png.toString(), "-q").exitCode();
        assertEquals(0, code);
        double error = meanOnsetError(CsvScores.read(out));
        assertTrue(error < MAX_MEAN_ERROR_S, "mean onset error " + error);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(AlignmentPlot.WIDTH, img.getWidth());
        assertEquals(AlignmentPlot.HEIGHT, img.getHeight());
    }

    @Test
    void decomposeRefusesTheUnalignedScoreButTakesItWithAlign() throws IOException {
        Path out = dir.resolve("results");
        int refused = CliTestSupport.run("decompose", "--audio", audio.toString(), "--score", score.toString(),
                "--out", out.toString(), "--iterations", "3", "-q", "--no-plots").exitCode();
        assertEquals(Main.EXIT_BAD_INPUT, refused, "a score that runs past the audio is an input error");
        assertFalse(Files.exists(out));
        int code = CliTestSupport.run("decompose", "--audio", audio.toString(), "--score", score.toString(),
                "--out", out.toString(), "--iterations", "3", "-q", "--align").exitCode();
        assertEquals(0, code);
        Path aligned = out.resolve(Aligner.ALIGNED_SCORE_FILE);
        assertTrue(Files.isRegularFile(aligned));
        assertTrue(meanOnsetError(CsvScores.read(aligned)) < MAX_MEAN_ERROR_S);
        assertTrue(Files.isRegularFile(out.resolve("plots").resolve(Aligner.PLOT_FILE)));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"alignment\""));
    }

    @Test
    void badAlignmentSettingsAreUsageErrors() {
        int code = CliTestSupport.run("align", "--audio", audio.toString(), "--score", score.toString(),
                "--out", dir.resolve("x.csv").toString(), "--feature-rate", "1000", "-q").exitCode();
        assertEquals(Main.EXIT_USAGE, code);
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }
}
