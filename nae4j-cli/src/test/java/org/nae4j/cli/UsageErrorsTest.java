package org.nae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An option value a command cannot run with, and every error picocli finds while parsing, is a usage error:
 * exit 2, one line that names the option as typed, one line pointing to the help, no usage text, and nothing
 * read (the input files given here do not exist, so reading one would be a different error, exit 1).
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    /** The command's required options, with input paths that do not exist. */
    private String[] base(String command) {
        String missing = dir.resolve("missing").toString();
        String out = dir.resolve("out").toString();
        return switch (command) {
            case "decompose", "separate" -> new String[] {command, "--audio", missing + ".wav", "--score",
                missing + ".csv", "--out", out, "-q"};
            case "encode" -> new String[] {command, "--model", missing, "--audio", missing + ".wav", "--score",
                missing + ".csv", "--out", out, "-q"};
            case "align" -> new String[] {command, "--audio", missing + ".wav", "--score", missing + ".csv", "--out",
                out + ".csv", "-q"};
            case "experiment" -> new String[] {command, "--data", missing, "--out", out, "-q"};
            case "bench" -> new String[] {command, "--audio", missing + ".wav", "--score", missing + ".csv"};
            case "synth" -> new String[] {command, "--score", missing + ".csv", "--out", out + ".wav", "-q"};
            case "demo" -> new String[] {command, "--out", out, "-q"};
            case "evaluate" -> new String[] {command, "--estimates", missing, "--references", missing, "-q"};
            default -> throw new IllegalArgumentException(command);
        };
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                // command, the option as typed, its value, what the message must say
                Arguments.of("decompose", "--threads", "0", "--threads must be ≥ 1, got 0"),
                Arguments.of("decompose", "--iterations", "-5", "--iterations must be ≥ 0, got -5"),
                Arguments.of("decompose", "--tau", "2", "--tau must be in [0, 1), got 2.0"),
                Arguments.of("decompose", "--n-fft", "1000", "--n-fft must be a power of two ≥ 16, got 1000"),
                Arguments.of("decompose", "--hop", "0", "--hop must be in 1..2048"),
                Arguments.of("decompose", "--history-every", "0", "--history-every must be ≥ 1 iteration, got 0"),
                Arguments.of("decompose", "--learning-rate", "-1", "--learning-rate must be finite and > 0, got -1.0"),
                Arguments.of("decompose", "--learning-rate", "NaN", "--learning-rate must be finite and > 0, got NaN"),
                Arguments.of("decompose", "--partials", "-1", "--partials must be ≥ 0"),
                Arguments.of("decompose", "--beta1", "1", "--beta1 must be in [0, 1), got 1.0"),
                Arguments.of("decompose", "--beta2", "-0.5", "--beta2 must be in [0, 1), got -0.5"),
                Arguments.of("decompose", "--rho", "1.5", "--rho must be in [0, 1), got 1.5"),
                Arguments.of("decompose", "--epsilon", "0", "--epsilon must be finite and > 0, got 0.0"),
                Arguments.of("decompose", "--onset-tolerance", "-1", "--onset-tolerance must be a finite number ≥ 0 s"),
                Arguments.of("decompose", "--offset-tolerance", "Infinity", "--offset-tolerance must be a finite"),
                Arguments.of("decompose", "--feature-rate", "1", "--feature-rate must be in [5.0, 200.0], got 1.0"),
                Arguments.of("decompose", "--onset-weight", "11", "--onset-weight must be in [0.0, 10.0], got 11.0"),
                Arguments.of("decompose", "--band-radius", "0", "--band-radius must be in 1..1000 frames, got 0"),
                Arguments.of("decompose", "--iterations", "many", "'--iterations': 'many' is not an int"),
                Arguments.of("decompose", "--seed", "1.5", "'--seed': '1.5' is not a long"),
                Arguments.of("demo", "--iterations", "-1", "--iterations must be ≥ 0, got -1"),
                Arguments.of("demo", "--n-fft", "8", "--n-fft must be a power of two ≥ 16, got 8"),
                Arguments.of("separate", "--mask-spread", "-1", "--mask-spread must be in 0..64 bins, got -1"),
                Arguments.of("separate", "--power", "3", "--power applies to --mask wiener only"),
                Arguments.of("separate", "--max-groups", "0", "--max-groups must be ≥ 1, got 0"),
                Arguments.of("separate", "--threads", "-2", "--threads must be ≥ 1, got -2"),
                Arguments.of("encode", "--threads", "0", "--threads must be ≥ 1, got 0"),
                Arguments.of("align", "--band-radius", "1001", "--band-radius must be in 1..1000 frames, got 1001"),
                Arguments.of("align", "--feature-rate", "NaN", "--feature-rate must be in [5.0, 200.0], got NaN"),
                Arguments.of("align", "--onset-weight", "-1", "--onset-weight must be in [0.0, 10.0], got -1.0"),
                Arguments.of("experiment", "--methods", "nmf,nmf", "--methods must each appear once"),
                Arguments.of("experiment", "--hop", "0", "--hop must be in 1..2048"),
                Arguments.of("bench", "--iterations", "0", "--iterations must be ≥ 1, got 0"),
                Arguments.of("bench", "--warmup", "-1", "--warmup must be ≥ 0 iterations, got -1"),
                Arguments.of("bench", "--jit-warmup", "-1", "--jit-warmup must be a finite number ≥ 0 s, got -1.0"),
                Arguments.of("bench", "--threads", "0", "--threads must be ≥ 1, got 0"),
                Arguments.of("synth", "--sample-rate", "10", "--sample-rate must be in 1000..384000 Hz, got 10"),
                Arguments.of("synth", "--tail", "-1", "--tail must be in [0.0, 600.0], got -1.0"),
                Arguments.of("evaluate", "--bogus", "1", "Unknown options: '--bogus', '1'"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badValues")
    void badValueIsAUsageErrorBeforeAnyInputIsRead(String command, String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of(base(command)));
        args.add(option);
        args.add(value);
        assertUsageError(command, message, args.toArray(String[]::new));
    }

    @Test
    void theOptionIsNamedAsTypedWithItsValueAttached() {
        List<String> args = new ArrayList<>(List.of(base("decompose")));
        args.add("--iterations=-5");
        assertUsageError("decompose", "--iterations must be ≥ 0, got -5", args.toArray(String[]::new));
    }

    @Test
    void aDefaultThatNoLongerFitsIsNamedAsSuch() {
        List<String> args = new ArrayList<>(List.of(base("decompose")));
        args.addAll(List.of("--n-fft", "512"));
        assertUsageError("decompose", "--hop must be in 1..512 (the FFT size), got 1024 (its default value)",
                args.toArray(String[]::new));
    }

    @Test
    void separateByNotesNeedsNotes() {
        List<String> args = new ArrayList<>(List.of(base("separate")));
        args.addAll(List.of("--by", "notes"));
        assertUsageError("separate", "--by notes needs --notes NOTES.csv", args.toArray(String[]::new));
    }

    @Test
    void synthWritesWavOnly() {
        for (String name : List.of("x.mp3", "x.wav.flac", "x")) {
            String out = dir.resolve(name).toString();
            assertUsageError("synth", "--out must name a .wav file", "synth", "--score",
                    dir.resolve("missing.csv").toString(), "--out", out);
        }
        CliTestSupport.Outcome upper = CliTestSupport.run("synth", "--score", dir.resolve("missing.csv").toString(),
                "--out", dir.resolve("X.WAV").toString());
        assertEquals(1, upper.exitCode(), "any letter case is a WAV name; the missing score is then the error: "
                + upper.err());
    }

    @Test
    void picocliParseErrorsAreOneLineToo() {
        assertUsageError("decompose", "Missing required options: '--score=FILE', '--out=DIR'", "decompose",
                "--audio", dir.resolve("missing.wav").toString());
        CliTestSupport.Outcome typo = CliTestSupport.run(concat(base("decompose"), "--iteration", "5"));
        assertEquals(2, typo.exitCode(), typo.err());
        assertEquals(List.of("nae4j decompose: Unknown options: '--iteration', '5'",
                "Did you mean --iterations? Try 'nae4j decompose --help' for more information."),
                typo.err().lines().toList());
        assertUsageError("decompose", "Invalid value for option '--method'",
                concat(base("decompose"), "--method", "svd"));
        assertUsageError("nae4j", "Unmatched argument at index 0: 'decomposer'", "decomposer");
    }

    @Test
    void helpStillWinsOverABadValue() {
        CliTestSupport.Outcome o = CliTestSupport.run(concat(base("decompose"), "--n-fft", "1000", "--help"));
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("Usage:"), o.out());
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static void assertUsageError(String command, String message, String... args) {
        CliTestSupport.Outcome o = CliTestSupport.run(args);
        assertEquals(2, o.exitCode(), o.err());
        List<String> lines = o.err().lines().toList();
        String name = command.equals("nae4j") ? "nae4j" : "nae4j " + command;
        assertEquals(2, lines.size(), "one message and one hint: " + o.err());
        assertTrue(lines.get(0).startsWith(name + ": "), o.err());
        assertTrue(lines.get(0).contains(message), "'" + message + "' in: " + lines.get(0));
        assertTrue(lines.get(1).endsWith("Try '" + name + " --help' for more information."), lines.get(1));
        assertFalse(o.err().contains("Usage:"), "no usage text: " + o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        assertEquals("", o.out());
    }
}
