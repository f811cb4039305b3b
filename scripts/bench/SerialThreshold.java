import java.util.Arrays;
import org.nae4j.kernels.MaskedOps;
import org.nae4j.kernels.Parallel;
import org.nae4j.constraints.RowRanges;

/**
 * Where splitting a loop between threads starts to pay: per size, the time of a loop run on the calling thread and
 * on THREADS threads (Parallel's work threshold 0), for an elementwise loop (work = elements
 * written) and the block kernel's dense product (work = multiply-adds). Run from the repository root after
 * {@code mvn -q compile}:
 *   java --add-modules jdk.incubator.vector -cp target/classes scripts/bench/SerialThreshold.java [THREADS]
 */
public final class SerialThreshold {
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        System.out.printf("%-12s %10s %12s %12s %8s%n", "loop", "work", "serial ns", "split ns", "ratio");
        try (Parallel serial = new Parallel(threads, Long.MAX_VALUE); Parallel split = new Parallel(threads, 0)) {
            for (int size = 1 << 10; size <= 1 << 20; size <<= 1) {
                float[] x = new float[size];
                float[] y = new float[size];
                Arrays.fill(x, 1f);
                int n = size;
                Parallel.RangeBody body = (from, to) -> {
                    for (int i = from; i < to; i++) {
                        y[i] = 0.5f * y[i] + x[i];
                    }
                };
                report("elementwise", size, () -> serial.forRange(n, 256, body), () -> split.forRange(n, 256, body));
            }
            for (int rows = 4; rows <= 128; rows *= 2) {
                int m = rows;
                int k = 64;
                int cols = 256;
                float[] a = new float[m * k];
                float[] b = new float[k * cols];
                float[] c = new float[m * cols];
                Arrays.fill(a, 1f);
                Arrays.fill(b, 1f);
                MaskedOps one = new MaskedOps(RowRanges.full(m, 1), serial);
                MaskedOps two = new MaskedOps(RowRanges.full(m, 1), split);
                report("product", (long) m * k * cols, () -> one.multiply(a, b, c, m, k, cols),
                        () -> two.multiply(a, b, c, m, k, cols));
            }
        }
    }

    /**
     * Rounds of about 10 ms of each loop, alternating, after a warm-up of both; the fastest round of each (on a
     * shared machine the fastest is the one least disturbed by other processes).
     */
    private static void report(String loop, long work, Runnable serial, Runnable split) {
        for (long end = System.nanoTime() + 300_000_000L; System.nanoTime() < end; ) {
            serial.run();
            split.run();
        }
        double serialNs = Double.MAX_VALUE;
        double splitNs = Double.MAX_VALUE;
        for (int r = 0; r < 15; r++) {
            serialNs = Math.min(serialNs, round(serial));
            splitNs = Math.min(splitNs, round(split));
        }
        System.out.printf("%-12s %10d %12.0f %12.0f %8.2f%n", loop, work, serialNs, splitNs, splitNs / serialNs);
    }

    /** The mean time of a loop over a round of about 10 ms. */
    private static double round(Runnable loop) {
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < 10_000_000L) {
            loop.run();
            count++;
        }
        return (System.nanoTime() - start) / (double) count;
    }
}
