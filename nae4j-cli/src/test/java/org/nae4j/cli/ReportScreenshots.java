package org.nae4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.AtomicFiles;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Examples;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Makes the screenshots of the report pages in docs/images (docs/report.md says how to run it): decompose
 * and separate (evaluated against the hands rendered apart) on the bundled example, an experiment on two
 * halves of it. Not a test: it writes where it is told.
 */
final class ReportScreenshots {
    private static final int RATE = 22050;
    /** The browser window's size in pixels: the screenshots' size, a little more than a laptop screen's top. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1000;
    /** Where the example is split into the experiment's two recordings. */
    private static final double HALF_S = 17.6;

    private ReportScreenshots() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ReportScreenshots IMAGE_DIR");
            System.exit(2);
        }
        Path images = Path.of(args[0]);
        Path work = Files.createTempDirectory("nae4j-report-");
        try (Browser browser = Browser.start()) {
            Score score = Examples.bundledScore();
            Path bach = work.resolve("bach");
            Path mix = bach.resolve("prelude.wav");
            Path csv = bach.resolve("prelude.csv");
            Path refs = work.resolve("references");
            float[] right = Synth.render(score.filter(n -> n.instrument().equals("right")), RATE, SynthOptions.DEFAULT);
            float[] left = Synth.render(score.filter(n -> n.instrument().equals("left")), RATE, SynthOptions.DEFAULT);
            int n = Math.max(right.length, left.length);
            right = Arrays.copyOf(right, n);
            left = Arrays.copyOf(left, n);
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                right[i] *= 0.5f;
                left[i] *= 0.5f;
                x[i] = right[i] + left[i];
            }
            Wav.write(mix, x, RATE, WavEncoding.PCM_16);
            CsvScores.write(score, csv);
            Wav.write(refs.resolve("right.wav"), right, RATE, WavEncoding.FLOAT_32);
            Wav.write(refs.resolve("left.wav"), left, RATE, WavEncoding.FLOAT_32);

            Path decomposed = work.resolve("decompose");
            run("decompose", "--audio", mix.toString(), "--score", csv.toString(), "--out", decomposed.toString(),
                    "--iterations", "200", "-q");
            open(browser, decomposed);
            // The piano roll, the page's most telling picture, at the top.
            browser.driver.executeScript("Array.from(document.querySelectorAll('.tabs button'))"
                    + ".find(b => b.textContent === 'Score over H').click();"
                    + "document.getElementById('s2').scrollIntoView();");
            shoot(browser, images.resolve("report-decompose.png"));

            Path separated = work.resolve("separate");
            run("separate", "--audio", mix.toString(), "--score", csv.toString(), "--out", separated.toString(),
                    "--iterations", "200", "-q");
            run("evaluate", "--estimates", separated.toString(), "--references", refs.toString(), "-q");
            open(browser, separated);
            shoot(browser, images.resolve("report-separate.png"));

            Path data = work.resolve("data");
            half(score, 0, HALF_S, data.resolve("prelude-first-half"));
            half(score, HALF_S, Double.MAX_VALUE, data.resolve("prelude-second-half"));
            Path experiment = work.resolve("experiment");
            run("experiment", "--data", data.toString(), "--out", experiment.toString(), "--iterations", "200", "-q");
            open(browser, experiment);
            shoot(browser, images.resolve("report-experiment.png"));
        } finally {
            AtomicFiles.deleteTree(work);
        }
    }

    /** The notes starting in [from, to), shifted to start at 0, rendered into dir (mix.wav, score.csv). */
    private static void half(Score score, double from, double to, Path dir) {
        List<Note> notes = new ArrayList<>();
        for (Note note : score.notes()) {
            if (note.start() >= from && note.start() < to) {
                notes.add(new Note(note.start() - from, note.duration(), note.pitch(), note.velocity(),
                        note.instrument()));
            }
        }
        Score s = new Score(notes);
        Wav.write(dir.resolve("mix.wav"), Synth.render(s, RATE, SynthOptions.DEFAULT), RATE, WavEncoding.PCM_16);
        CsvScores.write(s, dir.resolve("score.csv"));
    }

    private static void run(String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        if (o.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + o.err());
        }
    }

    private static void open(Browser browser, Path folder) {
        browser.driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        browser.driver.get(folder.resolve("index.html").toUri().toString());
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                browser.driver.executeScript("return document.readyState")));
        // The players show their files' durations once they have read them.
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(browser.driver
                .executeScript("return Array.from(document.querySelectorAll('audio')).every(a => a.readyState >= 1);")));
    }

    private static void shoot(Browser browser, Path png) throws IOException {
        Files.createDirectories(png.getParent());
        Files.write(png, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
