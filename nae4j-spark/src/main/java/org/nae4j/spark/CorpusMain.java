package org.nae4j.spark;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.Printable;
import picocli.CommandLine;

/**
 * The entry point of {@code nae4j corpus} and of the application jar for spark-submit. Exit codes as the command
 * line's: 0 ok (failed recordings are rows of the summary, not a failure of the job), 1 bad input, 2 usage, 3 bug.
 */
public final class CorpusMain {
    private CorpusMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line (a first argument "corpus" is optional) and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args.length > 0 && args[0].equals("corpus")
                ? Arrays.copyOfRange(args, 1, args.length) : args);
    }

    /** The configured command line, with the error handling of nae4j's. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CorpusCommand());
        cl.setCommandName("nae4j corpus");
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("nae4j corpus: " + Printable.escape(String.valueOf(e.getMessage()).strip()));
            err.println("Try 'nae4j corpus --help' for more information.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof CommandLine.ParameterException p) {
                return c.getParameterExceptionHandler().handleParseException(p, new String[0]);
            }
            PrintWriter err = c.getErr();
            if (e instanceof InvalidInputException || e instanceof UncheckedIOException
                    || e instanceof java.io.IOException) {
                err.println("nae4j: error: " + Printable.escape(String.valueOf(e.getMessage())));
                err.flush();
                return 1;
            }
            err.println("nae4j corpus: internal error (please report it): " + e);
            e.printStackTrace(err);
            err.flush();
            return 3;
        });
        return cl;
    }
}
