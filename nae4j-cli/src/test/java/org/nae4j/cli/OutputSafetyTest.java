package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects a new user met: nae4j deleted the user's own files when --out named a folder of theirs. Every
 * command, every case: the user's files survive, byte for byte.
 */
class OutputSafetyTest {
    private static final int FS = 22050;
    @TempDir
    Path dir;
    Path mydir;
    Path wav;
    Path csv;

    @BeforeEach
    void aFolderOfTheUsers() throws IOException {
        mydir = Files.createDirectories(dir.resolve("mydir"));
        wav = mydir.resolve("mix.wav");
        csv = mydir.resolve("score.csv");
        CliTestSupport.twoNotes(wav, csv, FS);
        Files.writeString(mydir.resolve("unrelated.txt"), "the user's");
    }

    /** Every file under {@code root} with its bytes, to compare before and after. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Arrays.toString(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    private static String[] args(String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of("--iterations", "3", "-q", "--no-plots"));
        return l.toArray(String[]::new);
    }

    private void assertRefusedAndUntouched(Path root, String... args) throws IOException {
        Map<String, String> before = snapshot(root);
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(1, o.exitCode(), o.out() + o.err());
        assertFalse(o.err().contains("\tat "), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertEquals(before, snapshot(root), "the user's files are untouched");
    }

    @Test
    void decomposeSeparateAndEncodeNeverReplaceTheInputsFolder() throws IOException {
        for (String cmd : List.of("decompose", "separate")) {
            assertRefusedAndUntouched(dir, args(cmd, "--audio", wav.toString(), "--score", csv.toString(),
                    "--out", mydir.toString(), "--overwrite"));
            assertRefusedAndUntouched(dir, args(cmd, "--audio", wav.toString(), "--score", csv.toString(),
                    "--out", dir.toString(), "--overwrite"));
        }
    }

    @Test
    void theCurrentFolderIsNeverAnOutput() throws IOException {
        CliTestSupport.Outcome o = CliTestSupport.run(args("decompose", "--audio", wav.toString(), "--score",
                csv.toString(), "--out", ".", "--overwrite"));
        assertEquals(1, o.exitCode());
        assertTrue(o.err().contains("current folder"), o.err());
    }

    @Test
    void aFileSystemRootIsNeverAnOutput() {
        CliTestSupport.Outcome o = CliTestSupport.run(args("decompose", "--audio", wav.toString(), "--score",
                csv.toString(), "--out", "/", "--overwrite"));
        assertEquals(1, o.exitCode(), o.err());
        assertTrue(o.err().contains("file-system root") && !o.err().contains("\tat "), o.err());
    }

    @Test
    void aFolderWithAFileOfTheUsersIsRefused() throws IOException {
        Path sep = Files.createDirectories(dir.resolve("sep"));
        Files.writeString(sep.resolve("keep.me"), "x");
        assertRefusedAndUntouched(dir, args("separate", "--audio", wav.toString(), "--score", csv.toString(),
                "--out", sep.toString(), "--overwrite"));
    }

    @Test
    void anOrdinaryFileIsNotReplacedByAFolder() throws IOException {
        Path afile = Files.writeString(dir.resolve("afile.txt"), "x");
        assertRefusedAndUntouched(dir, args("decompose", "--audio", wav.toString(), "--score", csv.toString(),
                "--out", afile.toString(), "--overwrite"));
    }

    @Test
    void separateReplacesItsOwnEarlierResultWithOverwriteEvenAfterEvaluate() throws IOException {
        Path sep = dir.resolve("sep");
        String[] run = args("separate", "--audio", wav.toString(), "--score", csv.toString(), "--out", sep.toString());
        assertEquals(0, CliTestSupport.run(run).exitCode());
        assertRefusedAndUntouched(dir, run);
        Path refs = Files.createDirectories(dir.resolve("refs"));
        for (String f : List.of("left.wav", "right.wav")) {
            Files.copy(sep.resolve(f), refs.resolve(f));
        }
        String[] evaluate = {"evaluate", "--estimates", sep.toString(), "--references", refs.toString(), "-q"};
        assertEquals(0, CliTestSupport.run(evaluate).exitCode());
        assertRefusedAndUntouched(dir, evaluate);
        List<String> again = new ArrayList<>(List.of(evaluate));
        again.add("--overwrite");
        assertEquals(0, CliTestSupport.run(again.toArray(String[]::new)).exitCode());
        List<String> rerun = new ArrayList<>(List.of(run));
        rerun.add("--overwrite");
        CliTestSupport.Outcome o = CliTestSupport.run(rerun.toArray(String[]::new));
        assertEquals(0, o.exitCode(), "the evaluation tables are nae4j's too: " + o.err());
    }

    @Test
    void singleFileOutputsNeverReplaceAnInputAndNeedOverwrite() throws IOException {
        assertRefusedAndUntouched(dir, "align", "--audio", wav.toString(), "--score", csv.toString(), "--out",
                csv.toString(), "--overwrite", "-q");
        Path out = dir.resolve("render.wav");
        String[] synth = {"synth", "--score", csv.toString(), "--out", out.toString(), "-q"};
        assertEquals(0, CliTestSupport.run(synth).exitCode());
        assertRefusedAndUntouched(dir, synth);
        assertEquals(0, CliTestSupport.run("synth", "--score", csv.toString(), "--out", out.toString(), "-q",
                "--overwrite").exitCode());
    }

    @Test
    void demoReplacesItsOwnFolderButNotAFolderOfTheUsers() throws IOException {
        Path demo = dir.resolve("demo");
        String[] run = {"demo", "--out", demo.toString(), "--iterations", "2", "-q", "--no-plots"};
        assertEquals(0, CliTestSupport.run(run).exitCode());
        assertTrue(Files.isRegularFile(demo.resolve("results/W.npy")));
        assertTrue(Files.isRegularFile(demo.resolve("example.wav")));
        assertRefusedAndUntouched(dir, run);
        assertRefusedAndUntouched(dir, "demo", "--out", mydir.toString(), "--iterations", "2", "-q", "--overwrite");
    }
}
