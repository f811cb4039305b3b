package org.nae4j.cli;

import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.alignment.AlignmentResult;
import org.nae4j.plot.ResultPlots;
import org.nae4j.report.DecompositionPage;
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

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write index.html into the results folder: one page that opens in any browser, offline, "
                    + "with the parameters, errors, plots and (separate) audio players (default: on; --no-report "
                    + "writes none).")
    boolean report = true;

    void log(String message) {
        if (!quiet) {
            System.err.println(message);
        }
    }

    /** Writes the standard plots of a decomposition into the results folder, if enabled. */
    AtomicFiles.FolderContent plotWriter(Analysis a, DecompositionResult r) {
        return plotWriter(a, r, null);
    }

    /**
     * Writes the standard plots of a decomposition into the results folder, if enabled, and with an alignment
     * the score before and after it over H.
     */
    AtomicFiles.FolderContent plotWriter(Analysis a, DecompositionResult r, AlignmentResult alignment) {
        if (!plots) {
            return null;
        }
        return dir -> {
            ResultPlots.write(dir.resolve("plots"), a, r);
            if (alignment != null) {
                ResultPlots.scoreAlignment(dir.resolve("plots"), r, a.secondsPerFrame(), alignment.original(),
                        alignment.aligned());
            }
        };
    }

    /**
     * Writes the page of a decomposition's results folder, if enabled; it reads the folder's files, so it must
     * come last.
     */
    AtomicFiles.FolderContent pageWriter(String command) {
        if (!report) {
            return null;
        }
        return dir -> DecompositionPage.write(dir, command, null);
    }
}
