package org.nae4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import picocli.CommandLine;

/**
 * The single-recording commands ({@code decompose}, {@code separate}, {@code encode}) run in-process by a caller
 * that runs many recordings (nae4j-spark's {@code corpus}): the same code and the same result folder as the
 * command line, with nothing printed on stdout and the error message captured instead of printed.
 */
public final class SingleRun {
    /** The commands that turn one recording into one result folder. */
    public static final List<String> COMMANDS = List.of("decompose", "separate", "encode");

    private SingleRun() {
    }

    /**
     * How a run ended.
     *
     * @param exitCode the command line's exit code (0 ok, 1 bad input, 2 usage, 3 bug)
     * @param error    what the command line would have printed on stderr for a failure (its first line, e.g.
     *                 "nae4j: error: a.wav: not a WAV file (no RIFF/WAVE header)"); "" on success
     */
    public record Outcome(int exitCode, String error) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code args} (a command of {@link #COMMANDS} first, then its options) as the command line would.
     * Warnings (a collapse, more threads than processors) still go to System.err.
     */
    public static Outcome run(List<String> args) {
        requireCommand(args);
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        String printed = err.toString().strip();
        int eol = printed.indexOf('\n');
        return new Outcome(code, code == 0 ? "" : eol < 0 ? printed : printed.substring(0, eol).strip());
    }

    /**
     * Checks {@code args} as the command line does before it reads any input: unknown options, values it cannot
     * parse or run with.
     *
     * @return null if the command would start, else the problem (e.g. "--iterations must be ≥ 0, got -1")
     */
    public static String usageError(List<String> args) {
        requireCommand(args);
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(Writer.nullWriter()));
        try {
            CommandLine.ParseResult leaf = cl.parseArgs(args.toArray(String[]::new));
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            Main.check(leaf.commandSpec());
            return null;
        } catch (CommandLine.ParameterException e) {
            return String.join(" ", String.valueOf(e.getMessage()).strip().split("\\s*\\R\\s*"));
        } catch (BadOptionValue e) {
            return e.option() + " " + e.problem();
        }
    }

    private static void requireCommand(List<String> args) {
        if (args.isEmpty() || !COMMANDS.contains(args.get(0))) {
            throw new IllegalArgumentException("expected one of " + COMMANDS + " first, got " + args);
        }
    }
}
