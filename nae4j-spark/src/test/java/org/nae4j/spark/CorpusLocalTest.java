package org.nae4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.cli.SingleRun;
import org.nae4j.io.Npy;
import picocli.CommandLine;

/** {@code nae4j corpus} embedded in local mode, on a small corpus with two bad recordings. */
class CorpusLocalTest {
    /** Few iterations: the test checks the plumbing, not the decomposition. */
    private static final List<String> OPTIONS = List.of("--iterations", "3", "--no-plots");

    @TempDir
    Path tmp;

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome corpus(List<String> args) {
        CommandLine cl = CorpusMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }

    private List<String> args(Path manifest, Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("--manifest", manifest.toString(), "--out", out.toString(),
                "--master", "local[2]"));
        a.addAll(OPTIONS);
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void everyGoodRecordingIsDoneAsTheSingleCommandDoesAndBadOnesFailWithItsMessage() throws IOException {
        Path manifest = TestCorpus.write(tmp.resolve("corpus"));
        Path out = tmp.resolve("out");
        Outcome first = corpus(args(manifest, out));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("3 done, 2 failed of 5"), first.out());
        assertTrue(first.err().contains("corpus: Spark UI at "), first.err());
        Map<String, Map<String, String>> rows = summary(out.resolve("summary.csv"));
        assertEquals(List.of("bach-prelude-bwv846", "mozart-k545-mvt1-excerpt", "satie-gymnopedie-no1-excerpt",
                TestCorpus.CORRUPT, TestCorpus.EMPTY_SCORE), new ArrayList<>(rows.keySet()));
        Path corpus = manifest.getParent().toAbsolutePath();
        for (String piece : TestCorpus.PIECES) {
            Map<String, String> row = rows.get(piece);
            assertEquals("done", row.get("status"), row.toString());
            assertEquals("3", row.get("iterations"));
            assertEquals("1025", row.get("K"));
            Path single = tmp.resolve("single-" + piece);
            SingleRun.Outcome o = SingleRun.run(single(corpus.resolve(piece), single));
            assertTrue(o.ok(), o.error());
            Path result = out.resolve("recordings").resolve(piece);
            assertEquals(files(single), files(result), "the folder holds what decompose writes");
            for (String m : List.of("W.npy", "H.npy")) {
                assertClose(Npy.read(single.resolve(m)).data(), Npy.read(result.resolve(m)).data(), piece + " " + m);
            }
        }
        for (String bad : List.of(TestCorpus.CORRUPT, TestCorpus.EMPTY_SCORE)) {
            Map<String, String> row = rows.get(bad);
            assertEquals("failed", row.get("status"));
            SingleRun.Outcome o = SingleRun.run(single(corpus.resolve(bad), tmp.resolve("single-" + bad)));
            assertEquals(1, o.exitCode());
            assertEquals(o.error(), row.get("error"), "the message of the command line");
            assertTrue(Files.notExists(out.resolve("recordings").resolve(bad)));
        }
        String corrupt = rows.get(TestCorpus.CORRUPT).get("error");
        assertTrue(corrupt.contains("not a WAV file"), corrupt);
        String empty = rows.get(TestCorpus.EMPTY_SCORE).get("error");
        assertTrue(empty.contains("no notes"), empty);
        try (Stream<Path> parquet = Files.list(out.resolve("summary.parquet"))) {
            assertTrue(parquet.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")));
        }

        // A rerun keeps what is done and tries the failed ones again.
        Path kept = out.resolve("recordings").resolve(TestCorpus.PIECES.get(0)).resolve("H.npy");
        FileTime before = Files.getLastModifiedTime(kept);
        Outcome again = corpus(args(manifest, out));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("3 done before (kept), 2 failed the input checks, 0 to run"), again.err());
        assertEquals(before, Files.getLastModifiedTime(kept));
        Map<String, Map<String, String>> rerun = summary(out.resolve("summary.csv"));
        for (String piece : TestCorpus.PIECES) {
            assertEquals(rows.get(piece), rerun.get(piece), "a kept recording keeps its row");
        }
        assertEquals(rows.get(TestCorpus.CORRUPT), rerun.get(TestCorpus.CORRUPT));

        // Other parameters: refused, or run again with --overwrite.
        List<String> other = args(manifest, out);
        other.set(other.indexOf("3"), "2");
        Outcome refused = corpus(other);
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("other parameters") && refused.err().contains("--overwrite"), refused.err());
        other.add("--overwrite");
        other.add("--quiet");
        Outcome replaced = corpus(other);
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertTrue(!replaced.err().contains("corpus:") && replaced.out().contains("corpus: 3 done"),
                "--quiet: no progress, the summary line stays: " + replaced.err());
        assertEquals("2", summary(out.resolve("summary.csv")).get(TestCorpus.PIECES.get(0)).get("iterations"));
        assertTrue(Files.notExists(out.resolve(CorpusOutput.LOCK)), "a finished run leaves no lock");

        // A second run on a folder another run is writing into (its lock is there) is refused, touching nothing.
        Files.writeString(out.resolve(CorpusOutput.LOCK), "host elsewhere, process 1, started earlier\n");
        FileTime summaryBefore = Files.getLastModifiedTime(out.resolve("summary.csv"));
        Outcome busy = corpus(other);
        assertEquals(1, busy.exitCode(), busy.err());
        assertTrue(busy.err().contains("another corpus run is writing into this folder")
                && busy.err().contains("host elsewhere, process 1"), busy.err());
        assertEquals(summaryBefore, Files.getLastModifiedTime(out.resolve("summary.csv")));
        assertTrue(Files.exists(out.resolve(CorpusOutput.LOCK)), "the other run's lock stays");
    }

    @Test
    void alignPassesThroughAndWritesWhatDecomposeWithAlignWrites() throws IOException {
        Path all = TestCorpus.write(tmp.resolve("corpus"));
        String piece = TestCorpus.PIECES.get(0);
        Path manifest = all.resolveSibling("one.csv");
        Files.write(manifest, List.of("id,audio,score", piece + "," + piece + "/mix.wav," + piece + "/score.csv"));
        Path out = tmp.resolve("out");
        Outcome o = corpus(args(manifest, out, "--align"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("1 done, 0 failed of 1"), o.out());
        List<String> single = single(all.getParent().resolve(piece), tmp.resolve("single"));
        single.add("--align");
        SingleRun.Outcome s = SingleRun.run(single);
        assertTrue(s.ok(), s.error());
        Path result = out.resolve("recordings").resolve(piece);
        assertEquals(files(tmp.resolve("single")), files(result));
        assertTrue(Files.exists(result.resolve("aligned-score.csv")), "the aligned score is among the results");
        assertEquals(Files.readString(tmp.resolve("single").resolve("aligned-score.csv")),
                Files.readString(result.resolve("aligned-score.csv")), "the same alignment as the single command");
    }

    @Test
    void threadsIsRefusedWithAPointerToThreadsPerTask() {
        Outcome o = corpus(List.of("--data", tmp.toString(), "--out", tmp.resolve("o").toString(), "--threads", "2"));
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--threads-per-task"), o.err());
    }

    @Test
    void anOptionTheCommandRefusesIsAUsageErrorBeforeSparkStarts() {
        Outcome o = corpus(List.of("--data", tmp.toString(), "--out", tmp.resolve("o").toString(), "--iterations", "-1"));
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--iterations"), o.err());
    }

    private static List<String> single(Path dir, Path out) {
        List<String> a = new ArrayList<>(List.of("decompose", "--audio", dir.resolve("mix.wav").toString(), "--score",
                dir.resolve("score.csv").toString(), "--out", out.toString(), "--quiet", "--threads", "1"));
        a.addAll(OPTIONS);
        return a;
    }

    private static TreeSet<String> files(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString()));
        }
        return names;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-6 * Math.max(Math.abs(expected[i]), 1e-12);
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol, what + " at " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    /** summary.csv by id, every column as text. */
    static Map<String, Map<String, String>> summary(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = cells(lines.get(0));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.put(row.get("id"), row);
        }
        return rows;
    }

    /** The cells of a CSV line (RFC 4180 quotes, no line breaks inside). */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out;
    }
}
