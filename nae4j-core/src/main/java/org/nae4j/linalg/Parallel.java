package org.nae4j.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads for the kernels. Work is split into contiguous index ranges in a fixed
 * way that depends only on the range and the thread count, and every output entry is written by exactly one
 * task, so results are reproducible for a given (input, threads). The calling thread runs the first range
 * itself; a parallel loop allocates nothing, so iterations stay free of garbage. Loops must not be started
 * from two threads at once, nor from inside a loop body. Close it when done.
 */
public final class Parallel implements AutoCloseable {
    /**
     * Polls of a waiting thread before it parks (about 2 ms of spin-wait hints): the loops of an iteration
     * follow each other within a millisecond or so (between them the calling thread runs optimizer steps
     * and small products), while parking and waking a thread costs tens of microseconds per loop. With
     * 2 000 polls instead, the autoencoders' iterations took 2–6 % longer at 2 threads.
     */
    private static final int SPINS = 50_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    /** Per worker, the number of the loop it was last given; a worker runs when its entry changes. */
    private final AtomicIntegerArray assigned;
    private int generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile Thread caller;
    private RangeBody body;
    private int n;
    private int grain;
    private int tasks;

    /** @param threads number of worker threads, ≥ 1 (1 runs everything on the calling thread) */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.assigned = new AtomicIntegerArray(Math.max(1, threads - 1));
        for (int i = 0; i < workers.length; i++) {
            int index = i + 1;
            Thread t = new Thread(() -> work(index), "nae4j-worker-" + index);
            t.setDaemon(true);
            workers[i] = t;
            t.start();
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
        int count = Math.min(threads, blocks);
        if (count <= 1) {
            body.run(0, n);
            return;
        }
        if (closed) {
            throw new IllegalStateException("this Parallel is closed");
        }
        this.body = body;
        this.n = n;
        this.grain = grain;
        this.tasks = count;
        this.failure = null;
        this.caller = Thread.currentThread();
        remaining.set(count - 1);
        generation++;
        for (int i = 0; i < count - 1; i++) {
            assigned.set(i, generation);
            LockSupport.unpark(workers[i]);
        }
        Throwable own = null;
        try {
            runTask(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        for (int spin = 0; remaining.get() > 0; spin++) {
            if (spin > SPINS) {
                LockSupport.park(this);
            } else {
                Thread.onSpinWait();
            }
        }
        this.body = null;
        Throwable f = own != null ? own : failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    private void runTask(int t) {
        int blocks = (n + grain - 1) / grain;
        int from = Math.min(n, (int) ((long) blocks * t / tasks) * grain);
        int to = Math.min(n, (int) ((long) blocks * (t + 1) / tasks) * grain);
        if (from < to) {
            body.run(from, to);
        }
    }

    private void work(int index) {
        int seen = 0;
        while (true) {
            for (int spin = 0; assigned.get(index - 1) == seen && !closed; spin++) {
                if (spin > SPINS) {
                    LockSupport.park(this);
                } else {
                    Thread.onSpinWait();
                }
            }
            if (closed) {
                return;
            }
            seen = assigned.get(index - 1);
            try {
                runTask(index);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (remaining.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
