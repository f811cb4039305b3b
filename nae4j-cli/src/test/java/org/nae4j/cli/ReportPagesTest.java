package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.FolderMarker;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** The pages as files (ReportPagesBrowserTest opens them in a browser): written, listed, escaped, or not written. */
class ReportPagesTest {
    private static final int RATE = 22050;

    @TempDir
    Path tmp;

    private static void run(String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void noReportWritesNoPageAndOverwriteReplacesAFolderWithOne() {
        Path wav = tmp.resolve("a.wav");
        Path csv = tmp.resolve("a.csv");
        CliTestSupport.twoNotes(wav, csv, RATE);
        Path out = tmp.resolve("out");
        run("decompose", "--audio", wav.toString(), "--score", csv.toString(), "--out", out.toString(),
                "--iterations", "3", "-q", "--no-plots", "--no-report");
        assertFalse(Files.exists(out.resolve("index.html")));
        run("decompose", "--audio", wav.toString(), "--score", csv.toString(), "--out", out.toString(),
                "--iterations", "3", "-q", "--overwrite");
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(FolderMarker.entries(out).contains("index.html"));
        run("decompose", "--audio", wav.toString(), "--score", csv.toString(), "--out", out.toString(),
                "--iterations", "3", "-q", "--overwrite");
    }

    @Test
    void demoEndsWithThePathOfItsPage() {
        Path out = tmp.resolve("demo");
        CliTestSupport.Outcome o = CliTestSupport.run("demo", "--out", out.toString(), "--iterations", "2", "-q",
                "--no-plots");
        assertEquals(0, o.exitCode(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(lines.size() - 2).startsWith("demo: example audio and score in "), o.out());
        Path page = out.resolve("results").resolve("index.html").toAbsolutePath();
        assertEquals("demo: report page " + page, lines.get(lines.size() - 1));
        assertTrue(Files.isRegularFile(page));
    }

    @Test
    void labelsAreEscapedAndAMovedInputIsNamedWhenEvaluateRewritesThePage() throws IOException {
        String hostile = "<img src=x onerror=alert(1)>";
        Score s = new Score(List.of(new Note(0.1, 0.5, 60, 90, hostile), new Note(0.4, 0.6, 48, 80, "left")));
        Path wav = tmp.resolve("in").resolve("mix.wav");
        Path csv = tmp.resolve("in").resolve("score.csv");
        Wav.write(wav, Synth.render(s, RATE, SynthOptions.DEFAULT), RATE, WavEncoding.PCM_16);
        CsvScores.write(s, csv);
        Path out = tmp.resolve("sep");
        run("separate", "--audio", wav.toString(), "--score", csv.toString(), "--out", out.toString(),
                "--iterations", "3", "-q", "--no-plots");
        String page = Files.readString(out.resolve("index.html"));
        assertFalse(page.contains(hostile), "a score's label is escaped");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(page.contains("is not there any more"));

        // References: the separated files themselves, renamed as evaluate expects them.
        Path refs = tmp.resolve("refs");
        Files.createDirectories(refs);
        for (Path f : Files.list(out).filter(p -> p.toString().endsWith(".wav")).toList()) {
            Files.copy(f, refs.resolve(f.getFileName()));
        }
        Path moved = tmp.resolve("moved");
        Files.move(tmp.resolve("in"), moved);
        run("evaluate", "--estimates", out.toString(), "--references", refs.toString(), "-q");
        page = Files.readString(out.resolve("index.html"));
        assertTrue(page.contains("SI-SDR (dB)"), "the scores are on the page");
        assertTrue(page.contains("is not there any more"), "the page says that the input has moved");
        assertFalse(page.contains(hostile));
        // The marker lists everything evaluate added: --overwrite may replace the folder.
        run("separate", "--audio", moved.resolve("mix.wav").toString(), "--score", moved.resolve("score.csv").toString(),
                "--out", out.toString(), "--iterations", "3", "-q", "--no-plots", "--overwrite");
        assertFalse(Files.readString(out.resolve("index.html")).contains("SI-SDR (dB)"));
    }
}
