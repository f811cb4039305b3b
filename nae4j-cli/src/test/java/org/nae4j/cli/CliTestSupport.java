package org.nae4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
