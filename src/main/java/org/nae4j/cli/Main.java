package org.nae4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.nae4j.InvalidInputException;
import org.nae4j.io.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nae4j} command line: a thin layer over the library. Exit codes: 0 ok, 1 bad input, 2 usage. */
@Command(name = "nae4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Score-informed decomposition of music recordings with NMF and nonnegative autoencoders.",
        subcommands = {
            DemoCommand.class,
            SynthCommand.class,
            DecomposeCommand.class,
            EncodeCommand.class,
            SeparateCommand.class,
            EvaluateCommand.class,
            AlignCommand.class,
            ExperimentCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit code for bad input (missing or invalid files, impossible option values). */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code for an internal error (a bug): the stack trace is printed. */
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with our error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        // Messages may quote file names and file content: escaped, they stay one harmless line.
        if (e instanceof InvalidInputException || e instanceof UncheckedIOException) {
            err.println("nae4j: error: " + Printable.escape(e.getMessage()));
            return EXIT_BAD_INPUT;
        }
        if (e instanceof IllegalArgumentException) {
            // Option values that the library's validation rejects.
            err.println("nae4j: error: " + Printable.escape(e.getMessage()));
            return EXIT_BAD_INPUT;
        }
        err.println("nae4j: internal error (please report it): " + e);
        e.printStackTrace(err);
        return EXIT_INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
