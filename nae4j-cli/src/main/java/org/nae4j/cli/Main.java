package org.nae4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nae4j} command line: a thin layer over the library. Exit codes: 0 ok, 1 bad input, 2 usage, 3 bug. */
@Command(name = "nae4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Score-informed decomposition of music recordings with NMF and nonnegative autoencoders.",
        footer = {"", "nae4j corpus: decompose, separate or encode a whole collection on Apache Spark (the nae4j-spark "
                + "module; see nae4j corpus --help)."},
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
    /** Exit code for bad input (missing or invalid files, a score or model the options do not fit). */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code for a usage error (an unknown option, a missing one, or a value the command cannot run with). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
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
        cl.setExecutionStrategy(Main::checkThenRun);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    /**
     * Checks the option values of the command to run (see {@link CheckedOptions}) before running it, unless help
     * or the version was asked for: a value it cannot run with is a usage error before any input is read.
     */
    private static int checkThenRun(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult leaf = parsed;
        boolean help = false;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            help |= p.isUsageHelpRequested() || p.isVersionHelpRequested();
            leaf = p;
        }
        if (!help) {
            try {
                check(leaf.commandSpec());
            } catch (BadOptionValue e) {
                CommandLine.Model.OptionSpec option = leaf.commandSpec().findOption(e.option());
                String typed = option == null ? e.option() : typedName(option, parsed.originalArgs());
                String message = typed == null ? e.option() + " " + e.problem() + " (its default value)"
                        : typed + " " + e.problem();
                throw new CommandLine.ParameterException(leaf.commandSpec().commandLine(), message, e, option, null);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Checks the mixins (and theirs) first, then the command. */
    static void check(CommandLine.Model.CommandSpec spec) {
        for (CommandLine.Model.CommandSpec mixin : spec.mixins().values()) {
            check(mixin);
        }
        if (spec.userObject() instanceof CheckedOptions c) {
            c.check();
        }
    }

    /** The name of {@code option} as the user typed it (an alias, or with "=value"); null if it was not typed. */
    private static String typedName(CommandLine.Model.OptionSpec option, List<String> args) {
        for (String arg : args) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    return name;
                }
            }
        }
        return null;
    }

    /**
     * A usage error: one line that says what is wrong and one that points to the help, instead of picocli's
     * full usage text, which would bury the message.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        PrintWriter err = cl.getErr();
        err.println(name + ": " + Printable.escape(String.join(" ",
                String.valueOf(e.getMessage()).strip().split("\\s*\\R\\s*"))));
        String suggestion = "";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            suggestion = "Did you mean " + String.join(" or ", u.getSuggestions()) + "? ";
        }
        err.println(suggestion + "Try '" + name + " --help' for more information.");
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof BadOptionValue b) {
            // Refused while running rather than by check(): still the user's option, still a usage error.
            return usageError(new CommandLine.ParameterException(cl, b.getMessage(), b), parsed.originalArgs()
                    .toArray(String[]::new));
        }
        PrintWriter err = cl.getErr();
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
