package org.nae4j.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * A fixed pool of worker threads for the kernels. Work is split into contiguous index ranges in a fixed
 * way that depends only on the range and the thread count, and every output entry is written by exactly one
 * task, so results are reproducible for a given (input, threads). Close it when done.
 */
public final class Parallel implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    /** @param threads number of worker threads, ≥ 1 (1 runs everything on the calling thread) */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            ThreadFactory daemon = r -> {
                Thread t = new Thread(r, "nae4j-worker");
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(threads, daemon);
        }
    }

    /** A single-threaded instance (needs no closing). */
    public static Parallel serial() {
        return new Parallel(1);
    }

    public int threads() {
        return threads;
    }

    /** Body of a parallel loop over the half-open range [from, to). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n) split into at most {@code threads} contiguous chunks whose bounds are
     * multiples of {@code grain} (except the last).
     */
    public void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) {
            return;
        }
        int blocks = (n + grain - 1) / grain;
        int tasks = Math.min(threads, blocks);
        if (tasks <= 1) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int from = Math.min(n, (int) ((long) blocks * t / tasks) * grain);
            int to = Math.min(n, (int) ((long) blocks * (t + 1) / tasks) * grain);
            if (from < to) {
                futures.add(pool.submit(() -> body.run(from, to)));
            }
        }
        await(futures);
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker threads", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
