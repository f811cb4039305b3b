package org.nae4j;

import org.nae4j.io.InvalidOptionException;
import org.nae4j.model.Acceleration;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Method;
import org.nae4j.model.NaeOptions;

/**
 * What to run (validated here, in one place).
 *
 * @param method       the decomposition method (default NMF)
 * @param iterations   number of iterations, ≥ 0 (default 10000, as in the paper)
 * @param seed         seed of every random choice (default 0)
 * @param threads      worker threads for the kernels, ≥ 1 (default {@value #DEFAULT_THREADS}: see there)
 * @param historyEvery record the errors every this many iterations, ≥ 1 (default 10); the first and the
 *                     last iteration are always recorded
 * @param kernels      dense, mask-aware, or chosen per problem (default AUTO); results agree up to float
 *                     rounding
 * @param nae          hyperparameters of the autoencoder methods (default {@link NaeOptions#DEFAULT}; NMF
 *                     ignores them)
 * @param acceleration NMF's inner updates per iteration (default {@link Acceleration#NONE}, the paper's plain
 *                     multiplicative updates; the autoencoders ignore it)
 */
public record DecompositionOptions(Method method, int iterations, long seed, int threads, int historyEvery,
                                   KernelChoice kernels, NaeOptions nae, Acceleration acceleration) {
    public static final int DEFAULT_ITERATIONS = 10_000;
    public static final long DEFAULT_SEED = 0;
    /**
     * The library's thread count when none is given: 1, not the machine's processors as on the command line
     * ({@code Parallel.defaultThreads()}), because results are reproducible for a given thread count, so
     * {@link #defaults} gives the same decomposition on every machine, and an application embedding the
     * library decides itself how many of its cores the kernels may take.
     */
    public static final int DEFAULT_THREADS = 1;
    public static final int DEFAULT_HISTORY_EVERY = 10;

    public DecompositionOptions {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (iterations < 0) {
            throw new InvalidOptionException("iterations", "iterations", "must be ≥ 0, got " + iterations);
        }
        if (threads < 1) {
            throw new InvalidOptionException("threads", "threads", "must be ≥ 1, got " + threads);
        }
        if (historyEvery < 1) {
            throw new InvalidOptionException("historyEvery", "history interval", "must be ≥ 1 iteration, got " + historyEvery);
        }
        if (kernels == null) {
            throw new IllegalArgumentException("kernels must not be null");
        }
        if (nae == null) {
            throw new IllegalArgumentException("autoencoder options must not be null");
        }
        if (acceleration == null) {
            throw new IllegalArgumentException("acceleration must not be null");
        }
    }

    /** Options with the paper's plain multiplicative updates for NMF. */
    public DecompositionOptions(Method method, int iterations, long seed, int threads, int historyEvery,
                                KernelChoice kernels, NaeOptions nae) {
        this(method, iterations, seed, threads, historyEvery, kernels, nae, Acceleration.NONE);
    }

    /** Options with kernels chosen per problem and the default autoencoder hyperparameters. */
    public DecompositionOptions(Method method, int iterations, long seed, int threads, int historyEvery) {
        this(method, iterations, seed, threads, historyEvery, KernelChoice.AUTO, NaeOptions.DEFAULT);
    }

    /** The defaults for {@code method}. */
    public static DecompositionOptions defaults(Method method) {
        return new DecompositionOptions(method, DEFAULT_ITERATIONS, DEFAULT_SEED, DEFAULT_THREADS,
                DEFAULT_HISTORY_EVERY);
    }

    public DecompositionOptions withMethod(Method m) {
        return new DecompositionOptions(m, iterations, seed, threads, historyEvery, kernels, nae, acceleration);
    }

    public DecompositionOptions withIterations(int n) {
        return new DecompositionOptions(method, n, seed, threads, historyEvery, kernels, nae, acceleration);
    }

    public DecompositionOptions withSeed(long s) {
        return new DecompositionOptions(method, iterations, s, threads, historyEvery, kernels, nae, acceleration);
    }

    public DecompositionOptions withThreads(int t) {
        return new DecompositionOptions(method, iterations, seed, t, historyEvery, kernels, nae, acceleration);
    }

    public DecompositionOptions withKernels(KernelChoice k) {
        return new DecompositionOptions(method, iterations, seed, threads, historyEvery, k, nae, acceleration);
    }

    public DecompositionOptions withAcceleration(Acceleration a) {
        return new DecompositionOptions(method, iterations, seed, threads, historyEvery, kernels, nae, a);
    }

    public DecompositionOptions withNae(NaeOptions o) {
        return new DecompositionOptions(method, iterations, seed, threads, historyEvery, kernels, o, acceleration);
    }
}
