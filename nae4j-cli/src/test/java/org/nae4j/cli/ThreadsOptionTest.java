package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.model.Workers;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --threads}: one default and one help text for every command, and a warning past the processors. */
class ThreadsOptionTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandWithThreadsDefaultsToTheProcessorsAtMostEight() {
        List<String> with = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : Main.commandLine().getSubcommands().entrySet()) {
            OptionSpec o = e.getValue().getCommandSpec().findOption("--threads");
            if (o == null) {
                continue;
            }
            with.add(e.getKey());
            assertEquals(Workers.defaultThreads(), (Integer) o.getValue(), e.getKey());
            assertTrue(String.join(" ", o.description()).endsWith("(default: available processors, at most 8)."),
                    e.getKey() + ": " + String.join(" ", o.description()));
        }
        assertTrue(with.containsAll(List.of("decompose", "demo", "experiment", "separate", "encode", "bench")),
                with.toString());
    }

    @Test
    void theWarningNamesTheThreadsAndTheProcessors() {
        assertEquals("nae4j: warning: --threads 16 exceeds the 2 available processors; the run is no faster than "
                + "with --threads 2", ThreadsOption.warning(16, 2));
        assertEquals("nae4j: warning: --threads 2 exceeds the 1 available processor; the run is no faster than "
                + "with --threads 1", ThreadsOption.warning(2, 1));
        assertNull(ThreadsOption.warning(2, 2));
        assertNull(ThreadsOption.warning(1, 8));
    }

    @Test
    void aCommandWarnsOnceOnStderrWhenThreadsExceedTheProcessors() {
        Score s = new Score(List.of(new Note(0.1, 0.5, 60, 90, "right"), new Note(0.4, 0.6, 48, 80, "left")));
        Path wav = dir.resolve("piece.wav");
        Path csv = dir.resolve("piece.csv");
        Wav.write(wav, Synth.render(s, 22050, SynthOptions.DEFAULT), 22050, WavEncoding.PCM_16);
        CsvScores.write(s, csv);
        int processors = Runtime.getRuntime().availableProcessors();
        String over = captureStderr(() -> assertEquals(0, CliTestSupport.run("bench", "--audio", wav.toString(),
                "--score", csv.toString(), "--iterations", "1", "--warmup", "0", "--jit-warmup", "0", "--methods",
                "nmf", "--threads", Integer.toString(processors + 1)).exitCode()));
        String warning = ThreadsOption.warning(processors + 1, processors);
        assertEquals(over.indexOf(warning), over.lastIndexOf(warning), over);
        assertTrue(over.contains(warning), over);
        String fits = captureStderr(() -> assertEquals(0, CliTestSupport.run("bench", "--audio", wav.toString(),
                "--score", csv.toString(), "--iterations", "1", "--warmup", "0", "--jit-warmup", "0", "--methods",
                "nmf", "--threads", Integer.toString(processors)).exitCode()));
        assertFalse(fits.contains("nae4j: warning: --threads"), fits);
    }

    /** What {@code r} writes on stderr; what it writes on stdout (the bench's table) is dropped. */
    private static String captureStderr(Runnable r) {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
