package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.FolderMarker;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the pages of decompose, separate (before and after evaluate) and experiment in headless Chromium and
 * checks what a reader relies on: every picture loads, every player finds its audio with the right duration,
 * Table I shows table1.csv, the links lead to files that exist and load, and the console shows no error.
 * With -Dnae4j.screenshots=DIR it also saves a picture of each page type there (docs/images holds them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesBrowserTest {
    private static final int RATE = 22050;
    private static final String ITERATIONS = "20";
    /** How far a player's duration may be from the file's. */
    private static final double DURATION_TOLERANCE_S = 0.1;

    @TempDir
    static Path tmp;
    private Browser browser;
    private Path mix;
    private Path score;
    private Path references;

    /** Why the tests are skipped (no browser here), or null. */
    private String skipped;

    @BeforeAll
    void start() throws IOException {
        try {
            browser = Browser.start();
        } catch (TestAbortedException e) {
            // Skipped test by test, so that the report counts them as skipped, with the reason.
            skipped = e.getMessage();
            return;
        }
        Note right = new Note(0.1, 0.5, 60, 90, "right");
        Note left = new Note(0.4, 0.6, 48, 80, "left");
        float[] r = Synth.render(new Score(List.of(right)), RATE, SynthOptions.DEFAULT);
        float[] l = Synth.render(new Score(List.of(left)), RATE, SynthOptions.DEFAULT);
        int n = Math.max(r.length, l.length);
        r = Arrays.copyOf(r, n);
        l = Arrays.copyOf(l, n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] *= 0.5f;
            l[i] *= 0.5f;
            x[i] = r[i] + l[i];
        }
        mix = tmp.resolve("input").resolve("two notes #1.wav");
        score = tmp.resolve("input").resolve("score.csv");
        Wav.write(mix, x, RATE, WavEncoding.PCM_16);
        CsvScores.write(new Score(List.of(right, left)), score);
        references = tmp.resolve("references");
        Wav.write(references.resolve("right.wav"), r, RATE, WavEncoding.FLOAT_32);
        Wav.write(references.resolve("left.wav"), l, RATE, WavEncoding.FLOAT_32);
    }

    @BeforeEach
    void needsTheBrowser() {
        assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void decomposePageWithAlignment() throws IOException {
        Path out = tmp.resolve("decompose");
        run("decompose", "--audio", mix.toString(), "--score", score.toString(), "--out", out.toString(),
                "--iterations", ITERATIONS, "--align", "-q");
        assertTrue(FolderMarker.entries(out).contains("index.html"), "the marker lists the page");
        open(out.resolve("index.html"));
        assertEquals("nae4j decompose: two notes #1.wav", browser.driver.getTitle());
        List<String> images = imageSources();
        for (String png : List.of("V.png", "Vhat.png", "W.png", "H.png", "piano-roll.png", "score-alignment.png",
                "alignment.png", "loss-iterations.png", "loss-seconds.png")) {
            assertTrue(images.stream().anyMatch(s -> s.endsWith("/plots/" + png)), png + " in " + images);
        }
        // Switching pictures: one shown at a time, the button's one.
        List<WebElement> buttons = browser.driver.findElements(By.cssSelector(".figures.switch .tabs button"));
        buttons.get(3).click();
        List<WebElement> shown = browser.driver.findElements(By.cssSelector(".figures.switch figure"))
                .stream().filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size());
        assertTrue(shown.get(0).findElement(By.tagName("img")).getAttribute("src").endsWith("/plots/H.png"));
        checkLinks(out);
        screenshot("report-decompose.png");
        assertNoConsoleErrors();
    }

    @Test
    void separatePageBeforeAndAfterEvaluate() throws IOException {
        Path out = tmp.resolve("separate");
        run("separate", "--audio", mix.toString(), "--score", score.toString(), "--out", out.toString(),
                "--iterations", ITERATIONS, "-q");
        open(out.resolve("index.html"));
        List<String> sources = checkAudio(4);
        assertTrue(sources.get(0).endsWith("/input/two%20notes%20%231.wav"), "the input is linked: " + sources);
        for (String wav : List.of("right.wav", "left.wav", "residual.wav")) {
            assertTrue(sources.contains(out.resolve(wav).toUri().toString()), wav + " in " + sources);
        }
        assertFalse(browser.driver.getPageSource().contains("SI-SDR (dB)"));
        checkLinks(out);
        assertNoConsoleErrors();

        run("evaluate", "--estimates", out.toString(), "--references", references.toString(), "-q");
        assertTrue(FolderMarker.entries(out).containsAll(List.of("index.html", "evaluation.csv", "evaluation.json")));
        open(out.resolve("index.html"));
        List<String> headings = texts("table thead th");
        int si = headings.indexOf("SI-SDR (dB)");
        assertTrue(si > 0, headings.toString());
        List<String> csv = Files.readAllLines(out.resolve("evaluation.csv"));
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            WebElement row = rowOf(f[0] + ".wav");
            String shownScore = row.findElements(By.tagName("td")).get(si).getText();
            assertEquals(Double.parseDouble(f[1]), Double.parseDouble(shownScore), 0.006, line);
        }
        checkAudio(4);
        screenshot("report-separate.png");
        assertNoConsoleErrors();

        // The input moves away: its player gives way to a note saying so.
        Path away = mix.resolveSibling("moved away.wav");
        Files.move(mix, away);
        try {
            open(out.resolve("index.html"));
            WebElement note = browser.driver.findElement(By.cssSelector("table tbody tr .missing"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> note.isDisplayed());
            assertTrue(note.getText().contains("has moved"), note.getText());
            assertFalse(browser.driver.findElement(By.tagName("audio")).isDisplayed());
            browser.consoleErrors(); // the browser reports the missing file there, as it should
        } finally {
            Files.move(away, mix);
        }
    }

    @Test
    void encodePageOfAnAdaptedModel() throws IOException {
        Path model = tmp.resolve("model");
        run("decompose", "--audio", mix.toString(), "--score", score.toString(), "--out", model.toString(),
                "--method", "nae-sgd", "--iterations", ITERATIONS, "--no-report", "-q");
        Path out = tmp.resolve("encode");
        run("encode", "--model", model.toString(), "--audio", mix.toString(), "--score", score.toString(),
                "--out", out.toString(), "--adapt", "5", "-q");
        assertTrue(FolderMarker.entries(out).contains("index.html"), "the marker lists the page");
        open(out.resolve("index.html"));
        assertEquals("nae4j encode: two notes #1.wav", browser.driver.getTitle());
        List<String> images = imageSources();
        for (String png : List.of("V.png", "Vhat.png", "H.png")) {
            assertTrue(images.stream().anyMatch(s -> s.endsWith("/plots/" + png)), png + " in " + images);
        }
        List<String> links = checkLinks(out);
        for (String file : List.of("W.npy", "W_E.npy", "H.npy", "summary.json")) {
            assertTrue(links.stream().anyMatch(s -> s.endsWith("/" + file)), file + " in " + links);
        }
        assertNoConsoleErrors();
    }

    @Test
    void experimentPageAndItsRunPages() throws IOException {
        Path data = tmp.resolve("data");
        for (String piece : List.of("piece-a", "piece b")) {
            Files.createDirectories(data.resolve(piece));
            CliTestSupport.twoNotes(data.resolve(piece).resolve("mix.wav"), data.resolve(piece).resolve("score.csv"),
                    RATE);
        }
        Path out = tmp.resolve("experiment");
        run("experiment", "--data", data.toString(), "--out", out.toString(), "--methods", "nmf,nae-sgd,nae-adam",
                "--iterations", ITERATIONS, "-q");
        assertTrue(FolderMarker.entries(out).contains("index.html"));
        open(out.resolve("index.html"));
        List<String> images = imageSources();
        for (String png : List.of("fig3-piece-a.png", "fig3-piece%20b.png", "fig4.png", "fig5.png")) {
            assertTrue(images.stream().anyMatch(s -> s.endsWith("/" + png)), png + " in " + images);
        }
        // Table I: one row per recording, l1 error (relative) per method, the best autoencoder marked.
        List<String> csv = Files.readAllLines(out.resolve("table1.csv"));
        List<WebElement> tables = browser.driver.findElements(By.cssSelector("table.sortable"));
        List<WebElement> tableOne = tables.get(0).findElements(By.cssSelector("tbody tr"));
        List<String> methods = tables.get(0).findElements(By.cssSelector("thead th")).stream()
                .map(WebElement::getText).toList();
        assertEquals(2, tableOne.size());
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            WebElement row = tableOne.stream().filter(r -> r.findElement(By.tagName("td")).getText().equals(f[0]))
                    .findFirst().orElseThrow();
            String cell = row.findElements(By.tagName("td")).get(methods.indexOf(f[1])).getText();
            assertTrue(cell.startsWith(String.format(java.util.Locale.ROOT, "%.1f (%.3f)", Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]))), cell + " for " + line);
        }
        for (WebElement row : tableOne) {
            assertEquals(1, row.findElements(By.cssSelector("strong.best")).size(), "one best autoencoder per row");
        }
        // The runs table holds table1.csv's rows, each with a link to the run's page.
        List<WebElement> runs = tables.get(1).findElements(By.cssSelector("tbody tr"));
        assertEquals(csv.size() - 1, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            String[] f = csv.get(i + 1).split(",");
            List<WebElement> cells = runs.get(i).findElements(By.tagName("td"));
            assertEquals(List.of(f[0], f[1], f[2]), cells.subList(0, 3).stream().map(WebElement::getText).toList());
            assertEquals(Double.parseDouble(f[3]), Double.parseDouble(cells.get(3).getText()),
                    1e-3 * Double.parseDouble(f[3]));
        }
        // Sorting by a column puts its numbers in order.
        tables.get(1).findElements(By.cssSelector("thead th")).get(3).click();
        List<Double> sorted = tables.get(1).findElements(By.cssSelector("tbody tr td:nth-child(4)")).stream()
                .map(e -> Double.parseDouble(e.getText())).toList();
        List<Double> expected = new ArrayList<>(sorted);
        expected.sort(null);
        assertEquals(expected, sorted);
        List<String> runPages = checkLinks(out).stream().filter(s -> s.endsWith("/index.html")).distinct().toList();
        assertEquals(csv.size() - 1, runPages.size(), runPages.toString());
        screenshot("report-experiment.png");
        assertNoConsoleErrors();
        for (String page : runPages) {
            open(Path.of(URI.create(page)));
            assertTrue(browser.driver.getTitle().startsWith("nae4j experiment: piece"), browser.driver.getTitle());
            // Back to the experiment's page.
            String up = browser.driver.findElement(By.cssSelector("ul.links a")).getAttribute("href");
            assertEquals(out.resolve("index.html").toRealPath(), Path.of(URI.create(up)).toRealPath(), page);
            assertNoConsoleErrors();
        }
    }

    private static void run(String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(0, o.exitCode(), o.err());
    }

    /** Opens a page and checks that every picture loaded and nothing comes from the network. */
    private void open(Path page) {
        assertTrue(Files.isRegularFile(page), page.toString());
        browser.driver.get(page.toUri().toString());
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                browser.driver.executeScript("return document.readyState")));
        @SuppressWarnings("unchecked")
        List<List<Object>> images = (List<List<Object>>) browser.driver.executeScript(
                "return Array.from(document.images).map(i => [i.src, i.complete, i.naturalWidth]);");
        for (List<Object> image : images) {
            assertTrue(((Number) image.get(2)).intValue() > 0, "picture did not load: " + image.get(0));
        }
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('[src],[href]')).map(e => e.src || e.href);");
        for (String url : urls) {
            assertTrue(url.startsWith("file:"), "a page of nae4j refers to the network: " + url);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> imageSources() {
        return (List<String>) browser.driver.executeScript("return Array.from(document.images).map(i => i.src);");
    }

    /**
     * Waits for every player to know its file's duration and compares it with the file's; returns their
     * sources in page order.
     */
    private List<String> checkAudio(int count) {
        List<WebElement> players = browser.driver.findElements(By.tagName("audio"));
        assertEquals(count, players.size());
        List<String> sources = new ArrayList<>();
        for (WebElement a : players) {
            assertEquals("metadata", a.getAttribute("preload"));
            new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> ((Number) browser.driver
                    .executeScript("return arguments[0].readyState;", a)).intValue() >= 1
                    || browser.driver.executeScript("return arguments[0].error;", a) != null);
            String src = (String) browser.driver.executeScript("return arguments[0].currentSrc;", a);
            double duration = ((Number) browser.driver.executeScript("return arguments[0].duration;", a)).doubleValue();
            double expected = Wav.read(Path.of(URI.create(src))).duration();
            assertEquals(expected, duration, DURATION_TOLERANCE_S, src);
            sources.add(src);
        }
        return sources;
    }

    /** Checks that every link of the page leads to an existing file; returns their URLs. */
    private List<String> checkLinks(Path dir) {
        List<String> urls = new ArrayList<>();
        for (WebElement a : browser.driver.findElements(By.cssSelector("a[href]"))) {
            String href = a.getAttribute("href");
            if (href.contains("#")) {
                continue;
            }
            Path target = Path.of(URI.create(href));
            assertTrue(Files.isRegularFile(target), "a link to a missing file: " + href);
            assertTrue(target.startsWith(dir), "a link out of the folder: " + href);
            urls.add(href);
        }
        assertFalse(urls.isEmpty());
        return urls;
    }

    private WebElement rowOf(String firstCell) {
        return browser.driver.findElements(By.cssSelector("table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(firstCell))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + firstCell));
    }

    private List<String> texts(String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "errors in the browser's console");
    }

    /** With -Dnae4j.screenshots=DIR, saves the page's top as DIR/name. */
    private void screenshot(String name) throws IOException {
        String dir = System.getProperty("nae4j.screenshots");
        if (dir == null || dir.isEmpty()) {
            return;
        }
        browser.driver.executeScript("window.scrollTo(0, 0)");
        byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir).resolve(name), png);
    }
}
