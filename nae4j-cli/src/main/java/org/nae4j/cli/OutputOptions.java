package org.nae4j.cli;

import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.plot.ResultPlots;
import org.nae4j.io.AtomicFiles;
import picocli.CommandLine.Option;

/** Options about what is shown and written besides the matrices. */
final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print no progress or messages on stderr (errors are still printed).")
    boolean quiet;

    @Option(names = "--plots", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write PNG plots into DIR/plots (default: on; --no-plots skips them).")
    boolean plots = true;

    void log(String message) {
        if (!quiet) {
            System.err.println(message);
        }
    }

    /** Writes the standard plots of a decomposition into the results folder, if enabled. */
    AtomicFiles.FolderContent plotWriter(Analysis a, DecompositionResult r) {
        if (!plots) {
            return null;
        }
        return dir -> ResultPlots.write(dir.resolve("plots"), a, r);
    }
}
