import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two ceilings the mask-aware kernels run against, measured on this machine (docs/performance.md):
 * the fused multiply-add rate of one core (12 independent accumulators, no memory traffic) and the rate at
 * which T threads stream a float array much larger than the caches (as a pass over V does).
 *
 * <pre>java --add-modules jdk.incubator.vector scripts/bench/MachineLimits.java [MiB=45] [maxThreads=2]</pre>
 */
public class MachineLimits {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int ROUNDS = 9;
    /** Keeps the loops' results alive, so the JIT cannot drop them. */
    static volatile float sink;

    public static void main(String[] args) throws InterruptedException {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 45;
        int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf("FMA peak, one core: %.0f GFLOP/s (%d floats per vector)%n", fmaPeak(), S.length());
        float[] a = new float[mib << 18];
        java.util.Arrays.fill(a, 1f);
        for (int t = 1; t <= maxThreads; t++) {
            System.out.printf("stream %d MiB, %d thread(s): %.1f GB/s (median of %d)%n", mib, t, stream(a, t), ROUNDS);
        }
    }

    private static double fmaPeak() {
        double best = 0;
        float[] x = new float[2 * S.length()];
        java.util.Arrays.fill(x, 1e-9f);
        for (int r = 0; r < ROUNDS; r++) {
            int n = 20_000_000;
            long t0 = System.nanoTime();
            sink = fmaLoop(x, n);
            double sec = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, 12.0 * n * 2 * S.length() / sec / 1e9);
        }
        return best;
    }

    private static float fmaLoop(float[] x, int n) {
        FloatVector b = FloatVector.fromArray(S, x, 0);
        FloatVector c = FloatVector.fromArray(S, x, S.length());
        FloatVector x0 = FloatVector.zero(S), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0;
        FloatVector x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (int i = 0; i < n; i++) {
            x0 = b.fma(c, x0); x1 = b.fma(c, x1); x2 = b.fma(c, x2); x3 = b.fma(c, x3);
            x4 = b.fma(c, x4); x5 = b.fma(c, x5); x6 = b.fma(c, x6); x7 = b.fma(c, x7);
            x8 = b.fma(c, x8); x9 = b.fma(c, x9); x10 = b.fma(c, x10); x11 = b.fma(c, x11);
        }
        return x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).add(x8).add(x9).add(x10).add(x11)
                .reduceLanes(VectorOperators.ADD);
    }

    private static double stream(float[] a, int threads) throws InterruptedException {
        double[] rates = new double[ROUNDS];
        for (int r = -ROUNDS; r < ROUNDS; r++) { // the first ROUNDS warm up the JIT and are not kept
            Thread[] team = new Thread[threads];
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int id = t;
                team[t] = new Thread(() -> sink = sum(a, a.length / threads * id, a.length / threads * (id + 1)));
                team[t].start();
            }
            for (Thread t : team) {
                t.join();
            }
            if (r >= 0) {
                rates[r] = a.length * 4.0 / ((System.nanoTime() - t0) * 1e-9) / 1e9;
            }
        }
        java.util.Arrays.sort(rates);
        return rates[ROUNDS / 2];
    }

    private static float sum(float[] a, int from, int to) {
        int step = 4 * S.length();
        FloatVector x = FloatVector.zero(S), y = x, z = x, w = x;
        int i = from;
        for (; i + step <= to; i += step) {
            x = x.add(FloatVector.fromArray(S, a, i));
            y = y.add(FloatVector.fromArray(S, a, i + S.length()));
            z = z.add(FloatVector.fromArray(S, a, i + 2 * S.length()));
            w = w.add(FloatVector.fromArray(S, a, i + 3 * S.length()));
        }
        float s = x.add(y).add(z).add(w).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }
}
