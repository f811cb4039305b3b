package org.nae4j.fuzz;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nae4j.io.InvalidInputException;

/**
 * Runs one input through a parser on a worker thread and judges the outcome: it must return or throw
 * {@link InvalidInputException} with a one-line, printable message naming the file, within a time limit
 * and without allocating more than {@link #allocationBound} bytes.
 */
final class Harness implements AutoCloseable {
    /** Per-case time limit: generous for a slow CI machine; the real cases take milliseconds. */
    static final long TIMEOUT_MS = Long.getLong("nae4j.fuzz.timeout.ms", 20_000);

    private ExecutorService worker = newWorker();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Path file;
    private long maxAllocated;

    /** @param file where each input is written before it is read (its name appears in messages) */
    Harness(Path file) {
        this.file = file;
    }

    /**
     * Bytes a case may allocate: what the input can justify (decoding 8-bit audio at 1 kHz and
     * resampling it to 22 050 Hz takes ~100 bytes per input byte) plus the resampler's filter tables
     * (under 20 MB up to 1 MHz; the largest of 1.35 million cases took 31 MB in all).
     */
    static long allocationBound(long inputBytes) {
        return 128 * inputBytes + (48L << 20);
    }

    /** Null if the case passed, else what went wrong. */
    String check(Target target, byte[] input) throws Exception {
        Files.write(file, input);
        Future<Object> f = worker.submit(() -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            Object outcome;
            try {
                target.read(file);
                outcome = null;
            } catch (InvalidInputException e) {
                outcome = e;
            } catch (Throwable t) { // Errors too: an OutOfMemoryError is a defect
                outcome = t;
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            return new Object[] {outcome, allocated};
        });
        Object[] r;
        try {
            r = (Object[]) f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The stuck thread cannot be stopped: leave it and give later cases a fresh one.
            worker.shutdownNow();
            worker = newWorker();
            return "no result after " + TIMEOUT_MS + " ms (hang?)";
        } catch (ExecutionException e) {
            return "harness failure: " + e.getCause();
        }
        long allocated = (Long) r[1];
        maxAllocated = Math.max(maxAllocated, allocated);
        if (allocated > allocationBound(input.length)) {
            return "allocated " + allocated + " bytes for a " + input.length + "-byte input (bound "
                    + allocationBound(input.length) + ")";
        }
        Object outcome = r[0];
        if (outcome == null) {
            return null;
        }
        if (!(outcome instanceof InvalidInputException e)) {
            Throwable t = (Throwable) outcome;
            StackTraceElement[] st = t.getStackTrace();
            return t + (st.length > 0 ? " at " + st[0] : "");
        }
        String m = e.getMessage();
        if (!m.contains(file.getFileName().toString())) {
            return "message does not name the file: " + m;
        }
        for (int i = 0; i < m.length(); i++) {
            if (m.charAt(i) < 0x20 || m.charAt(i) == 0x7F) {
                return "message holds control character " + (int) m.charAt(i) + ": " + m;
            }
        }
        return null;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true); // a hung case must not keep the test JVM alive
            return t;
        });
    }

    long maxAllocated() {
        return maxAllocated;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
