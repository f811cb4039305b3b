package org.nae4j.model;

import org.nae4j.kernels.Parallel;

/**
 * The threads a factorisation's kernels run on. Results are reproducible for a given thread count (the
 * work is split by the count, not by timing), so record it with a result. Create one per job and close it
 * when done: its threads wait briefly for the next product, then sleep.
 */
public final class Workers implements AutoCloseable {
    /** The most threads {@link #defaultThreads()} picks: more do not pay off on the kernels' split. */
    public static final int MAX_DEFAULT_THREADS = Parallel.MAX_DEFAULT_THREADS;

    private final Parallel pool;

    private Workers(Parallel pool) {
        this.pool = pool;
    }

    /**
     * @param threads worker threads, ≥ 1 (the calling thread is one of them)
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public static Workers create(int threads) {
        return new Workers(new Parallel(threads));
    }

    /** As {@link #create(int)}, with the threads used even for products below {@code serialWork} multiply-adds (tests). */
    static Workers create(int threads, long serialWork) {
        return new Workers(new Parallel(threads, serialWork));
    }

    /** Runs everything on the calling thread. */
    public static Workers serial() {
        return new Workers(Parallel.serial());
    }

    /** The available processors, at most {@link #MAX_DEFAULT_THREADS}. */
    public static int defaultThreads() {
        return Parallel.defaultThreads();
    }

    /** The number of threads, ≥ 1. */
    public int threads() {
        return pool.threads();
    }

    /** The pool itself, for this module's model classes. */
    Parallel pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
