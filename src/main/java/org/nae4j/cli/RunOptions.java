package org.nae4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nae4j.DecompositionOptions;
import org.nae4j.model.Method;
import picocli.CommandLine.Option;

/** Options of a decomposition run (all but the method), shared by the commands that decompose. */
final class RunOptions {
    @Option(names = "--iterations", paramLabel = "COUNT",
            description = "Number of iterations (default: ${DEFAULT-VALUE}, as in the paper).")
    int iterations = DecompositionOptions.DEFAULT_ITERATIONS;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of every random choice; a run is reproducible from (seed, threads) (default: ${DEFAULT-VALUE}).")
    long seed = DecompositionOptions.DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "COUNT",
            description = "Worker threads for the matrix kernels (default: ${DEFAULT-VALUE}).")
    int threads = DecompositionOptions.DEFAULT_THREADS;

    @Option(names = "--history-every", paramLabel = "ITERATIONS",
            description = "Record the errors every this many iterations in history.csv (default: ${DEFAULT-VALUE}).")
    int historyEvery = DecompositionOptions.DEFAULT_HISTORY_EVERY;

    @picocli.CommandLine.Mixin
    KernelOptions kernels = new KernelOptions();

    /** The options of a run of {@code method}. */
    DecompositionOptions options(Method method) {
        return new DecompositionOptions(method, iterations, seed, threads, historyEvery).withKernels(kernels.kernels);
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", iterations);
        m.put("seed", seed);
        m.put("threads", threads);
        m.put("history_every", historyEvery);
        m.put("kernels", kernels.kernels.id());
        return m;
    }
}
