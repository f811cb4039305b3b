package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nae4j.DecompositionOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The help of every command agrees with the code and with the other commands' help. */
class HelpTextsTest {
    /**
     * Options whose meaning differs between commands (bench times iterations, encode's --audio and --score are a
     * second recording, the quiet flags hide different things), so their descriptions differ too.
     */
    private static final Set<String> DIFFERENT_MEANINGS = Set.of("--iterations", "--threads", "--out", "--quiet",
            "--methods", "--audio", "--score");
    /** Optional options without a default: leaving them out leaves the feature off. */
    private static final Set<String> NO_DEFAULT = Set.of("--plot", "--notes", "--out");

    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> m = new HashMap<>(Main.commandLine().getSubcommands());
        m.remove("help");
        return m;
    }

    @Test
    void everyCommandHasHelpAndEveryValueOptionNamesItsDefault() {
        for (Map.Entry<String, CommandLine> c : commands().entrySet()) {
            CliTestSupport.Outcome o = CliTestSupport.run(c.getKey(), "--help");
            assertEquals(0, o.exitCode(), c.getKey());
            for (OptionSpec option : c.getValue().getCommandSpec().options()) {
                String description = String.join(" ", option.description());
                if (option.required() || option.arity().max() == 0 || option.usageHelp() || option.versionHelp()
                        || NO_DEFAULT.contains(option.longestName())) {
                    continue;
                }
                assertTrue(description.contains("default"), c.getKey() + " " + option.longestName() + ": "
                        + description);
            }
        }
    }

    /** picocli formats descriptions with String.format: a lone "%" makes it warn on stderr and print "%n" raw. */
    @Test
    void helpPrintsNoFormattingWarning() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            for (String command : commands().keySet()) {
                CliTestSupport.run(command, "--help");
            }
        } finally {
            System.setErr(stderr);
        }
        String warnings = printed.toString(StandardCharsets.UTF_8);
        assertTrue(!warnings.contains("picocli WARN"), warnings);
    }

    @Test
    void theIterationsHelpShowsEachCommandsOwnDefault() {
        Map<String, Integer> defaults = Map.of("decompose", DecompositionOptions.DEFAULT_ITERATIONS, "experiment",
                DecompositionOptions.DEFAULT_ITERATIONS, "demo", DemoCommand.DEMO_ITERATIONS, "separate",
                SeparateCommand.SEPARATE_ITERATIONS);
        for (Map.Entry<String, Integer> d : defaults.entrySet()) {
            String help = CliTestSupport.run(d.getKey(), "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("--iterations=COUNT Number of iterations, >= 0 (default: " + d.getValue()
                    + "; the paper used 10000)"), d.getKey() + ": " + help);
        }
    }

    @Test
    void anOptionOfSeveralCommandsIsDescribedAlike() {
        Map<String, String> seen = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (Map.Entry<String, CommandLine> c : commands().entrySet()) {
            for (OptionSpec option : c.getValue().getCommandSpec().options()) {
                String name = option.longestName();
                if (DIFFERENT_MEANINGS.contains(name)) {
                    continue;
                }
                String description = String.join(" ", option.description()) + " [" + option.paramLabel() + "]";
                String before = seen.putIfAbsent(name, description);
                where.putIfAbsent(name, c.getKey());
                assertTrue(before == null || before.equals(description), name + " in " + c.getKey() + ": "
                        + description + "\nin " + where.get(name) + ": " + before);
            }
        }
        assertTrue(seen.keySet().containsAll(List.of("--n-fft", "--plots", "--align", "--band-radius")),
                seen.keySet().toString());
    }
}
