package org.nae4j.cli;

import org.nae4j.model.Workers;
import picocli.CommandLine.Option;

/** The worker threads of the matrix kernels: one option, one default, for every command that runs them. */
final class ThreadsOption implements CheckedOptions {
    @Option(names = "--threads", paramLabel = "COUNT",
            description = "Worker threads for the matrix kernels; results are reproducible for a given thread count "
                    + "(default: available processors, at most " + Workers.MAX_DEFAULT_THREADS + ").")
    int threads = Workers.defaultThreads();

    private boolean warned;

    @Override
    public void check() {
        if (threads < 1) {
            throw new BadOptionValue("--threads", "must be ≥ 1, got " + threads);
        }
    }

    /**
     * The thread count, checked; the first call warns on stderr when it exceeds the available processors (the
     * run is no faster, and its results are those of that thread count, not of the processors').
     *
     * @throws BadOptionValue if it is below 1
     */
    int threads() {
        check();
        if (!warned) {
            warned = true;
            String warning = warning(threads, Runtime.getRuntime().availableProcessors());
            if (warning != null) {
                System.err.println(warning);
            }
        }
        return threads;
    }

    /** The warning for {@code threads} on a machine with {@code processors}, or null when they fit. */
    static String warning(int threads, int processors) {
        if (threads <= processors) {
            return null;
        }
        return "nae4j: warning: --threads " + threads + " exceeds the " + processors + " available processor"
                + (processors == 1 ? "" : "s") + "; the run is no faster than with --threads " + processors;
    }
}
