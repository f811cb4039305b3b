package org.nae4j.cli;

import java.nio.file.Path;
import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;

/** The standard pictures of a decomposition. */
final class ResultPlots {
    private ResultPlots() {
    }

    static void write(Path dir, Analysis a, DecompositionResult r) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
    }
}
