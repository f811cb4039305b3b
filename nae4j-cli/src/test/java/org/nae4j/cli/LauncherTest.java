package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code ./nae4j} drops the JVM's "Using incubator modules" warning from stderr, passes the
 * rest on as it comes (the progress bar's partial lines included) and exits with java's status. It runs here
 * with a stand-in {@code java} first on the PATH and a stand-in jar, so that no Maven build is needed: the
 * stand-in either runs the real JVM (which prints the real warning) on this test's class path, or plays a
 * scripted stderr.
 */
class LauncherTest {
    private static final String WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path dir;
    Path launcher;
    Path bin;

    /** The outcome of a launcher run; {@code firstStepMillis} is when "step 1\r" reached us, or -1. */
    record Run(int exitCode, String out, String err, long firstStepMillis) {
    }

    @BeforeEach
    void standIns() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path home = Files.createDirectories(dir.resolve("nae4j-home"));
        launcher = home.resolve("nae4j");
        Files.copy(Path.of("nae4j"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        // A jar that exists, with no sources beside it that are newer: the launcher builds nothing.
        Path target = Files.createDirectories(home.resolve("nae4j-cli").resolve("target"));
        Files.createFile(target.resolve("nae4j-cli.jar"));
        bin = Files.createDirectories(dir.resolve("bin"));
    }

    private void javaStandIn(String body) throws IOException {
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A java that runs the real JVM with the launcher's JVM options, on this test's class path. */
    private void realJava() throws IOException {
        javaStandIn("""
                args=()
                while [ $# -gt 0 ]; do
                  if [ "$1" = -jar ]; then shift 2; break; fi
                  args+=("$1"); shift
                done
                exec "$REAL_JAVA" "${args[@]}" -cp "$TEST_CLASS_PATH" org.nae4j.cli.Main "$@"
                """);
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("TEST_CLASS_PATH", System.getProperty("java.class.path"));
        env.remove("NAE4J_JAVA_OPTS");
        Path out = dir.resolve("stdout.txt");
        pb.redirectOutput(out.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long firstStep = -1;
        try (InputStream in = p.getErrorStream()) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                err.write(b);
                if (firstStep < 0 && err.toString(StandardCharsets.UTF_8).contains("step 1\r")) {
                    firstStep = (System.nanoTime() - start) / 1_000_000;
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher finishes");
        return new Run(p.exitValue(), Files.readString(out), err.toString(StandardCharsets.UTF_8), firstStep);
    }

    private Path score() throws IOException {
        Path csv = dir.resolve("score.csv");
        Files.writeString(csv, "Start;Duration;Pitch;Velocity;Instrument\n0.1;0.5;60;90;right\n");
        return csv;
    }

    @Test
    void quietSynthLeavesStderrEmpty() throws Exception {
        realJava();
        Run r = launch("synth", "--score", score().toString(), "--out", dir.resolve("x.wav").toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals("", r.out());
        assertTrue(Files.size(dir.resolve("x.wav")) > 44);
    }

    @Test
    void theWarningIsHiddenWithoutQuietToo() throws Exception {
        realJava();
        Run r = launch("synth", "--score", score().toString(), "--out", dir.resolve("x.wav").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("rendered 1 notes"), r.out());
    }

    @Test
    void errorsAndTheExitCodeComeThrough() throws Exception {
        realJava();
        Run r = launch("synth", "--score", score().toString(), "--out", dir.resolve("x.mp3").toString(), "-q");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of("nae4j synth: --out must name a .wav file (synth writes WAV only), got "
                + dir.resolve("x.mp3"), "Try 'nae4j synth --help' for more information."), r.err().lines().toList());
    }

    @Test
    void partialLinesPassAtOnce() throws Exception {
        javaStandIn("printf '%s\\n' '" + WARNING + "' >&2; printf 'step 1\\r' >&2; sleep 3; printf 'step 2\\r' >&2; "
                + "echo done; exit 7");
        Run r = launch("decompose");
        assertEquals(7, r.exitCode());
        assertEquals("step 1\rstep 2\r", r.err());
        assertEquals("done\n", r.out());
        assertTrue(r.firstStepMillis() >= 0 && r.firstStepMillis() < 2500,
                "the first update shows before the next one is written: " + r.firstStepMillis() + " ms");
    }

    @Test
    void onlyThatFirstLineIsDropped() throws Exception {
        javaStandIn("printf 'Error: no main class\\n%s\\n' '" + WARNING + "' >&2; exit 1");
        Run r = launch();
        assertEquals(1, r.exitCode());
        assertEquals("Error: no main class\n" + WARNING + "\n", r.err());
        javaStandIn("printf 'cut short' >&2");
        assertEquals("cut short", launch().err());
        javaStandIn("exit 0");
        assertEquals(new Run(0, "", "", -1), launch());
    }
}
