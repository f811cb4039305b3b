package org.nae4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded mutation fuzzing of the WAV, MIDI and CSV readers (docs/fuzzing.md): every mutated file must
 * be read or refused with an {@link org.nae4j.io.InvalidInputException}, in bounded time and memory. The
 * default run is small and reproducible; {@code -Dnae4j.fuzz.cases=100000} runs longer, and
 * {@code -Dnae4j.fuzz.seed=N} explores other cases. Failing inputs are saved under target/fuzz-failures/.
 */
class ParserFuzzTest {
    private static final int CASES = Integer.getInteger("nae4j.fuzz.cases", 3000);
    private static final long SEED = Long.getLong("nae4j.fuzz.seed", 20_261_205L);
    private static final int MAX_REPORTED = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Target.class)
    void mutatedFilesAreReadOrRefusedCleanly(Target target) throws Exception {
        List<byte[]> seeds = target.seeds(dir);
        List<String> failures = new ArrayList<>();
        Path out = Path.of("target", "fuzz-failures", target.extension);
        long maxAllocated;
        try (Harness h = new Harness(dir.resolve("case." + target.extension))) {
            for (byte[] seed : seeds) {
                String problem = h.check(target, seed);
                assertTrue(problem == null, "a seed must be read: " + problem);
            }
            for (int i = 0; i < CASES && failures.size() < MAX_REPORTED; i++) {
                byte[] seed = seeds.get(i % seeds.size());
                // One generator per case, so any case can be replayed from (seed, index) alone.
                byte[] input = new Mutator(SEED * 1_000_003L + i).mutate(seed, target.fields(seed), target.tokens());
                String problem = h.check(target, input);
                if (problem != null) {
                    Files.createDirectories(out);
                    Path saved = out.resolve(SEED + "-" + i + "." + target.extension);
                    Files.write(saved, input);
                    failures.add(saved + ": " + problem);
                }
            }
            maxAllocated = h.maxAllocated();
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("last-run.txt"), "cases " + CASES + ", seed " + SEED + ", failures "
                + failures.size() + ", most bytes allocated by one case " + maxAllocated + "\n"
                + String.join("\n", failures) + "\n", StandardCharsets.UTF_8);
        assertTrue(failures.isEmpty(), failures.size() + " failing inputs:\n" + String.join("\n", failures));
    }
}
