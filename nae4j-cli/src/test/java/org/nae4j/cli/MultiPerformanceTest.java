package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class MultiPerformanceTest {
    private static final int K = StftParams.DEFAULT.bins();

    private static void ok(String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(0, o.exitCode(), o.err());
    }

    @Test
    void onePerformanceSharedModelAndAFolderPerPerformance(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.wav");
        Path sa = dir.resolve("a.csv");
        Path b = dir.resolve("b.wav");
        Path sb = dir.resolve("b.csv");
        EncodeAdaptTest.performanceA(a, sa);
        EncodeAdaptTest.performanceB(b, sb);
        // A third performance with a pitch the others lack: the model has the union of the pitches.
        Path c = dir.resolve("c.wav");
        Path sc = dir.resolve("c.csv");
        Score third = new Score(List.of(new Note(0.1, 0.6, 60, 80, "piano"), new Note(0.5, 0.6, 71, 80, "piano")));
        Wav.write(c, Synth.render(third, EncodeAdaptTest.RATE, SynthOptions.DEFAULT), EncodeAdaptTest.RATE,
                WavEncoding.PCM_16);
        CsvScores.write(third, sc);
        Path out = dir.resolve("joint");
        String[] args = {"decompose", "--audio", a.toString(), "--score", sa.toString(), "--audio", b.toString(),
                "--score", sb.toString(), "--audio", c.toString(), "--score", sc.toString(), "--method", "nae-adam",
                "--iterations", "30", "--threads", "1", "--out", out.toString(), "-q", "--no-plots"};
        ok(args);
        int[] n = new int[3];
        int[] r = {6, 6, 2};
        for (int i = 0; i < 3; i++) {
            Path sub = out.resolve("performance-" + (i + 1));
            Npy.Matrix h = Npy.read(sub.resolve("H.npy"));
            assertEquals(r[i], h.rows());
            n[i] = h.cols();
            assertEquals(K, Npy.read(sub.resolve("W.npy")).rows());
            assertEquals(r[i], Npy.read(sub.resolve("W.npy")).cols());
            assertTrue(Files.exists(sub.resolve("summary.json")));
        }
        assertEquals(7, Npy.read(out.resolve("W.npy")).cols());
        assertEquals(7, Npy.read(out.resolve("W_E.npy")).rows());
        assertEquals(K, Npy.read(out.resolve("W_E.npy")).cols());
        Npy.Matrix h = Npy.read(out.resolve("H.npy"));
        assertEquals(7, h.rows());
        assertEquals(n[0] + n[1] + n[2], h.cols());
        Map<String, Object> s = Json.readObject(out.resolve("summary.json"));
        assertEquals(List.of(60, 64, 65, 67, 69, 71, 72), s.get("pitches"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perf = (List<Map<String, Object>>) ((Map<String, Object>) s.get("parameters"))
                .get("performances");
        assertEquals(3, perf.size());
        assertEquals("performance-2", perf.get(1).get("folder"));
        assertEquals(b.toString(), perf.get(1).get("audio"));
        // A page for the shared model that links each performance's own page.
        String page = Files.readString(out.resolve("index.html"));
        for (int i = 1; i <= 3; i++) {
            assertTrue(page.contains("performance-" + i + "/index.html"), "link to performance " + i);
            assertTrue(Files.exists(out.resolve("performance-" + i + "/index.html")));
        }
        // The shared model is a model for encode; the same run gives the same model.
        ok("encode", "--model", out.toString(), "--audio", b.toString(), "--score", sb.toString(), "--out",
                dir.resolve("enc").toString(), "--threads", "1", "-q", "--no-plots");
        args[args.length - 3] = dir.resolve("again").toString();
        ok(args);
        assertArrayEquals(Npy.read(out.resolve("W.npy")).data(), Npy.read(dir.resolve("again/W.npy")).data());
    }

    @Test
    void theSamePerformanceTwiceTrainsTheModelOfOne(@TempDir Path dir) {
        // The loss is a mean over the entries of V, so duplicating the frames leaves every gradient unchanged.
        Path a = dir.resolve("a.wav");
        Path sa = dir.resolve("a.csv");
        EncodeAdaptTest.performanceA(a, sa);
        ok("decompose", "--audio", a.toString(), "--score", sa.toString(), "--method", "nae-adam", "--iterations", "20",
                "--threads", "1", "--out", dir.resolve("one").toString(), "-q", "--no-plots");
        ok("decompose", "--audio", a.toString(), "--score", sa.toString(), "--audio", a.toString(), "--score",
                sa.toString(), "--method", "nae-adam", "--iterations", "20", "--threads", "1", "--out",
                dir.resolve("two").toString(), "-q", "--no-plots");
        float[] one = Npy.read(dir.resolve("one/W.npy")).data();
        float[] two = Npy.read(dir.resolve("two/W.npy")).data();
        assertArrayEquals(one, two, 1e-4f * max(one));
        float[] h = Npy.read(dir.resolve("one/H.npy")).data();
        assertArrayEquals(h, Npy.read(dir.resolve("two/performance-2/H.npy")).data(), 1e-3f * max(h));
    }

    private static float max(float[] x) {
        float m = 0;
        for (float y : x) {
            m = Math.max(m, y);
        }
        return m;
    }

    @Test
    void unequalPairsAndMethodsWithoutEncoderAreUsageErrors(@TempDir Path dir) {
        Path a = dir.resolve("a.wav");
        Path sa = dir.resolve("a.csv");
        EncodeAdaptTest.performanceA(a, sa);
        Path out = dir.resolve("out");
        CliTestSupport.Outcome o = CliTestSupport.run("decompose", "--audio", a.toString(), "--audio", a.toString(),
                "--score", sa.toString(), "--method", "nae-adam", "--out", out.toString(), "-q");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("--score") && o.err().contains("--audio 2 times"), o.err());
        o = CliTestSupport.run("decompose", "--audio", a.toString(), "--score", sa.toString(), "--audio", a.toString(),
                "--score", sa.toString(), "--method", "nmf", "--out", out.toString(), "-q");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().contains("several performances"), o.err());
        assertTrue(Files.notExists(out));
    }
}
