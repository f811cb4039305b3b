package org.nae4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replays every input that ever failed (src/test/resources/fuzz/, described in its README.md). */
class FuzzCorpusTest {
    @TempDir
    Path dir;

    static Path corpus() {
        try {
            return Path.of(FuzzCorpusTest.class.getResource("/fuzz/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Target target) throws Exception {
        try (Stream<Path> s = Files.list(corpus().resolve(target.extension))) {
            return s.sorted().toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void everyKnownFailureIsNowReadOrRefusedCleanly(Target target) throws Exception {
        List<Path> files = files(target);
        assertFalse(files.isEmpty());
        try (Harness h = new Harness(dir.resolve("case." + target.extension))) {
            for (Path f : files) {
                String problem = h.check(target, Files.readAllBytes(f));
                assertEquals(null, problem, f.getFileName().toString());
            }
        }
    }

    @Test
    void theReadmeSaysWhatEachFileFound() throws Exception {
        String readme = Files.readString(corpus().resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (Target t : Target.values()) {
            for (Path f : files(t)) {
                String name = t.extension + "/" + f.getFileName();
                if (!readme.contains("`" + name + "`")) {
                    missing.add(name);
                }
            }
        }
        assertTrue(missing.isEmpty(), "not described in fuzz/README.md: " + missing);
    }
}
