package org.nae4j.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads for the kernels. A loop's range is cut into {@code min(threads, blocks)}
 * contiguous tasks in a fixed way that depends only on the range and the thread count, and every output entry
 * is written by exactly one task, so results are reproducible for a given (input, threads) whichever thread
 * runs which task and whether the tasks run at once or one after another. The calling thread and the workers
 * claim the tasks in order, so a worker that a busy machine has not scheduled yet holds nobody up: the caller
 * runs its tasks. A parallel loop allocates nothing, so iterations stay free of garbage. Loops must not be
 * started from two threads at once, nor from inside a loop body. Close it when done.
 *
 * <p>Only as many threads run as there are processors ({@link Runtime#availableProcessors()}): with more
 * threads than that, the tasks of the larger split are shared by one thread per processor, which gives the
 * same results as a machine with enough cores, without threads that wait for a core while others wait for
 * them. Waiting threads spin only for {@value #SPIN_NANOS} ns, then park, and never spin when the thread
 * count exceeds the processors: such a count says the machine is not what the run was planned for, and a
 * spinning thread may hold a core another process needs. A thread whose last {@value #SPIN_MISSES} spins ran
 * out parks at once (another process holds the cores), trying a spin again every {@value #SPIN_PROBE} waits.
 */
public final class Parallel implements AutoCloseable {
    /**
     * The most threads the command line uses by default: the products over V split its tiles into
     * {@link MaskedLeftProduct#PARTS} parts, so more threads than that leave the largest loops no faster.
     */
    public static final int MAX_DEFAULT_THREADS = MaskedLeftProduct.PARTS;
    /**
     * Loops whose work estimate (multiply-adds or elements written) is below this run their tasks one after
     * another on the calling thread: handing a loop to a worker and joining it costs more than such a loop
     * saves (scripts/bench/SerialThreshold.java measures both sides; docs/performance.md).
     */
    public static final long SERIAL_WORK = 1L << 15;
    /**
     * How long a waiting thread spins before it parks: the loops of an iteration follow each other within tens
     * to hundreds of microseconds, and a spinning worker joins a loop at once, where waking a parked one takes
     * about as long again; a longer spin takes a core that another process could use for no gain. A waiting
     * thread parks rather than yields: a parked thread that is woken preempts a CPU-bound process on its
     * core, while one that yielded to it waits for the end of that process' time slice (docs/performance.md).
     */
    static final long SPIN_NANOS = 200_000;
    /**
     * Waits in a row whose spin ran out before a thread parks without spinning: on a machine where another
     * process holds the cores, a spinning thread only takes time from the one it waits for.
     */
    static final int SPIN_MISSES = 2;
    /** While spinning is off, one wait in this many (a power of two) spins again, to notice a quieter machine. */
    static final int SPIN_PROBE = 64;

    private final int threads;
    private final long serialWork;
    private final Thread[] workers;
    /** Whether waiting threads spin first: only while the threads fit the processors. */
    private final boolean spin;
    /**
     * The running loop's task count (high 32 bits) and its next unclaimed task (low 32 bits), set in one write
     * so that a thread never pairs a task number with another loop's count.
     */
    private final AtomicLong claims = new AtomicLong();
    /** How the calling thread waits for the workers (only the calling thread uses it). */
    private final Wait callerWait;
    /** Tasks of the running loop not yet finished. */
    private final AtomicInteger remaining = new AtomicInteger();
    /** Counts the loops started; a waiting worker joins when it changes. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile Thread caller;
    private RangeBody body;
    private int n;
    private int grain;

    /** @param threads how many tasks a loop is split into at most, ≥ 1 (1 runs everything on the calling thread) */
    public Parallel(int threads) {
        this(threads, SERIAL_WORK);
    }

    /**
     * @param threads    how many tasks a loop is split into at most, ≥ 1
     * @param serialWork loops with less work than this run on the calling thread, ≥ 0 (0: every loop of more
     *                   than one task runs on the threads; for tests of the split and to measure the threshold)
     */
    public Parallel(int threads, long serialWork) {
        this(threads, serialWork, Runtime.getRuntime().availableProcessors());
    }

    /** @param processors the processors to run on: at most this many threads run at once */
    Parallel(int threads, long serialWork, int processors) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        if (serialWork < 0 || processors < 1) {
            throw new IllegalArgumentException("need serialWork ≥ 0 and processors ≥ 1, got " + serialWork + ", "
                    + processors);
        }
        this.threads = threads;
        this.serialWork = serialWork;
        this.spin = threads <= processors;
        this.callerWait = new Wait(spin);
        this.workers = new Thread[Math.max(0, Math.min(threads, processors) - 1)];
        for (int i = 0; i < workers.length; i++) {
            Thread t = new Thread(this::work, "nae4j-worker-" + (i + 1));
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    /** A single-threaded instance (needs no closing). */
    public static Parallel serial() {
        return new Parallel(1);
    }

    /**
     * The thread count the command line uses when none is given: the available processors, at most
     * {@link #MAX_DEFAULT_THREADS}.
     */
    public static int defaultThreads() {
        return Math.min(MAX_DEFAULT_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /** The thread count: how many tasks a loop is split into at most (it fixes the results). */
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
        forRange(n, grain, Long.MAX_VALUE, body);
    }

    /**
     * As {@link #forRange(int, int, RangeBody)}, for a loop of about {@code work} multiply-adds or elements
     * written in all: below {@link #SERIAL_WORK} (or the threshold given) the same chunks run one after another on the calling thread
     * (the same results, without waking the workers).
     */
    public void forRange(int n, int grain, long work, RangeBody body) {
        if (n <= 0) {
            return;
        }
        if (grain < 1) {
            throw new IllegalArgumentException("grain must be ≥ 1, got " + grain);
        }
        int blocks = (n + grain - 1) / grain;
        int count = Math.min(threads, blocks);
        if (count <= 1) {
            body.run(0, n);
            return;
        }
        if (workers.length == 0 || work < serialWork) {
            for (int t = 0; t < count; t++) {
                runTask(body, n, grain, t, count);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("this Parallel is closed");
        }
        this.body = body;
        this.n = n;
        this.grain = grain;
        this.failure = null;
        this.caller = Thread.currentThread();
        remaining.set(count);
        claims.set((long) count << 32);
        generation.incrementAndGet();
        for (int i = 0; i < Math.min(count - 1, workers.length); i++) {
            LockSupport.unpark(workers[i]);
        }
        runClaimed(true);
        callerWait.start();
        while (remaining.get() > 0) {
            callerWait.pause(this);
        }
        callerWait.end();
        this.body = null;
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    private static void runTask(RangeBody body, int n, int grain, int t, int tasks) {
        int blocks = (n + grain - 1) / grain;
        int from = Math.min(n, (int) ((long) blocks * t / tasks) * grain);
        int to = Math.min(n, (int) ((long) blocks * (t + 1) / tasks) * grain);
        if (from < to) {
            body.run(from, to);
        }
    }

    /** Runs tasks of the current loop until none is left unclaimed. */
    private void runClaimed(boolean isCaller) {
        while (true) {
            long c = claims.getAndIncrement();
            int task = (int) c;
            int tasks = (int) (c >>> 32);
            if (task >= tasks) {
                return;
            }
            try {
                runTask(body, n, grain, task, tasks);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (remaining.decrementAndGet() == 0 && !isCaller) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void work() {
        int seen = generation.get();
        Wait wait = new Wait(spin);
        while (true) {
            wait.start();
            while (generation.get() == seen && !closed) {
                wait.pause(this);
            }
            wait.end();
            if (closed) {
                return;
            }
            seen = generation.get();
            runClaimed(false);
        }
    }

    /**
     * One thread's way of waiting: spin for {@link #SPIN_NANOS}, then park; after {@link #SPIN_MISSES} spins in
     * a row that ran out, park at once, spinning again on one wait in {@link #SPIN_PROBE}. Not thread-safe:
     * each waiting thread has its own.
     */
    private static final class Wait {
        private final boolean allowed;
        private int misses;
        private int waits;
        private boolean spinning;
        private boolean parked;
        private long spinUntil;

        Wait(boolean allowed) {
            this.allowed = allowed;
        }

        /** Before a wait. */
        void start() {
            spinning = allowed && (misses < SPIN_MISSES || (++waits & (SPIN_PROBE - 1)) == 0);
            spinUntil = spinning ? System.nanoTime() + SPIN_NANOS : 0;
            parked = false;
        }

        /** One turn of the wait's loop: a spin hint while the spin lasts, else park until unparked. */
        void pause(Object blocker) {
            if (spinning && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                parked = true;
                LockSupport.park(blocker);
            }
        }

        /** After the wait: a spin that ran out counts as a miss, one that sufficed resets the count. */
        void end() {
            if (spinning) {
                misses = parked ? misses + 1 : 0;
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
