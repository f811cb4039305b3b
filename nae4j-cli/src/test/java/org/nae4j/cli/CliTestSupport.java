package org.nae4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import picocli.CommandLine;

/**
 * Runs the command line in-process and captures what it prints: picocli's own output and the commands'
 * summaries on System.out, which would otherwise clutter the build log.
 */
final class CliTestSupport {
    private CliTestSupport() {
    }

    record Outcome(int exitCode, String out, String err) {
    }

    /**
     * Writes a two-note recording (a right-hand and a left-hand note, 16-bit PCM at {@code rate} Hz) and its CSV
     * score, the valid input most tests start from.
     */
    static void twoNotes(Path wav, Path csv, int rate) {
        Score s = new Score(List.of(new Note(0.1, 0.5, 60, 90, "right"), new Note(0.4, 0.6, 48, 80, "left")));
        Wav.write(wav, Synth.render(s, rate, SynthOptions.DEFAULT), rate, WavEncoding.PCM_16);
        CsvScores.write(s, csv);
    }

    static synchronized Outcome run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cl.execute(args);
        } finally {
            System.setOut(stdout);
        }
        return new Outcome(code, out + printed.toString(StandardCharsets.UTF_8), err.toString());
    }
}
