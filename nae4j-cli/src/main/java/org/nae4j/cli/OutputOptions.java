package org.nae4j.cli;

import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.plot.ResultPlots;
import org.nae4j.io.AtomicFiles;
import picocli.CommandLine.Option;

/** Options about what is shown and written besides the matrices. */
final class OutputOptions {
    @Option(names = {"-q", "--quiet"},
            description = "Print only errors and warnings: no progress bar or messages on stderr (the summary on "
                    + "stdout stays).")
    boolean quiet;

    @Option(names = "--plots", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the PNG plots of the decomposition (V, Vhat, W, H, the losses) and, with --align, "
                    + "of the alignment into a plots folder beside the results (default: on; --no-plots writes none).")
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
