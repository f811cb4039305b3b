package org.nae4j;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared recordings beside the repository ({@code ../shared/data}, seen from the repository's root where
 * the tests run). A test that needs them is skipped where they are absent, but fails under {@code CI=true},
 * where they are always present: a moved or renamed file must not turn a test into a silent skip.
 */
public final class SharedData {
    /** The shared data folder. */
    public static final Path ROOT = Path.of("../shared/data");

    private SharedData() {
    }

    /** {@code path} (a file or folder under {@link #ROOT}), or a skip (a failure under CI) if it is absent. */
    public static Path require(Path path) {
        return require(path, Files.exists(path));
    }

    /** {@code path}, or a skip (a failure under CI) if {@code present} is false. */
    public static Path require(Path path, boolean present) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true, but the shared data is missing: " + path.toAbsolutePath());
        }
        assumeTrue(present, "shared data absent: " + path.toAbsolutePath());
        return path;
    }
}
