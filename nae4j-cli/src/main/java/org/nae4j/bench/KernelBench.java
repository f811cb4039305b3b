package org.nae4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nae4j.io.InvalidOptionException;
import org.nae4j.constraints.Constraints;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Workers;
import org.nae4j.constraints.RowRanges;
import org.nae4j.model.Factorization;
import org.nae4j.model.Method;
import org.nae4j.model.Nae;
import org.nae4j.model.NaeMultiplicative;
import org.nae4j.model.NaeOptions;
import org.nae4j.model.Nmf;

/**
 * Times the dense and the mask-aware kernels of each method side by side on one problem: after warm-up
 * iterations, the median over rounds of the time per iteration, their ratio, the rate of the useful (masked)
 * floating-point work, and how far the two paths' reconstructions drift apart.
 */
public final class KernelBench {
    /** Rounds per path; the median round is reported, so one disturbed round does not skew the result. */
    public static final int ROUNDS = 5;
    private static final int TILE = 64;
    /** Seed of the autoencoders' random encoder (both paths start from the same model). */
    private static final long SEED = 1;
    /**
     * K·N·R-sized products of one dense iteration: NMF's WᵀV and VHᵀ; an autoencoder's W_E V, W_D H (for
     * E), E Hᵀ, W_Dᵀ E and G_H Vᵀ; Eq. 3's W_Dᵀ V, two products with Vᵀ, W_E V and V Hᵀ.
     */
    private static final int NMF_PRODUCTS = 2;
    private static final int NAE_PRODUCTS = 5;

    private KernelBench() {
    }

    /**
     * One method's measurement.
     *
     * @param method        the method
     * @param denseMs       median milliseconds per iteration, dense kernels
     * @param maskedMs      median milliseconds per iteration, mask-aware kernels
     * @param usefulGflop   floating-point operations (10^9) per iteration of the products restricted to the masks
     * @param denseGflop    floating-point operations (10^9) per iteration of the dense products
     * @param maxRelDiff    max |V̂_dense − V̂_masked| / max |V̂_dense| after the same iterations
     */
    public record Row(Method method, double denseMs, double maskedMs, double usefulGflop, double denseGflop,
                      double maxRelDiff) {
        /** Dense time over masked time. */
        public double speedup() {
            return denseMs / maskedMs;
        }

        /** The speed-up if the masked kernels ran the useful work at the dense kernels' rate. */
        public double limit() {
            return denseGflop / usefulGflop;
        }

        /** Useful GFLOP/s of the masked path. */
        public double maskedRate() {
            return usefulGflop / (maskedMs * 1e-3);
        }
    }

    /** Methods this benchmark can time. */
    public static boolean supports(Method m) {
        return m != null;
    }

    /**
     * How a path is timed: first a throwaway model of the method runs for {@code jitSeconds} (untimed), so the
     * JIT compiler has compiled the passes' outer loops, which on a 2-core machine it does only after a few
     * hundred iterations, 1.5–2 s into the run (docs/performance.md); then the timed model runs {@code warmup}
     * iterations and {@link #ROUNDS} rounds of {@code iterations}. The timed models of both paths thus run the
     * same iterations, and their reconstructions are compared after them.
     *
     * @param iterations iterations per timed round, ≥ 1
     * @param warmup     untimed iterations of the timed model before its rounds, ≥ 0
     * @param jitSeconds seconds the throwaway model runs, ≥ 0 (0: none)
     */
    public record Timing(int iterations, int warmup, double jitSeconds) {
        public Timing {
            if (iterations < 1) {
                throw new InvalidOptionException("iterations", "iterations", "must be ≥ 1, got " + iterations);
            }
            if (warmup < 0) {
                throw new InvalidOptionException("warmup", "warm-up", "must be ≥ 0 iterations, got " + warmup);
            }
            if (!(jitSeconds >= 0) || Double.isInfinite(jitSeconds)) {
                throw new InvalidOptionException("jitSeconds", "JIT warm-up", "must be a finite number ≥ 0 s, got "
                        + jitSeconds);
            }
        }
    }

    /**
     * @param v       V, K×N
     * @param c       the constraints
     * @param methods methods to time (see {@link #supports})
     * @param timing  the warm-up and the rounds
     * @param threads worker threads
     */
    public static List<Row> run(float[] v, Constraints c, List<Method> methods, Timing timing, int threads) {
        List<Row> rows = new ArrayList<>();
        try (Workers par = Workers.create(threads)) {
            for (Method m : methods) {
                if (!supports(m)) {
                    throw new IllegalArgumentException("the benchmark cannot run method " + m.id());
                }
                Factorization dense = create(m, v, c, par, KernelChoice.DENSE);
                Factorization masked = create(m, v, c, par, KernelChoice.MASKED);
                // Each path is warmed up right before its own rounds, which run back to back: that is how
                // a decomposition runs. Alternating the paths round by round would time every masked round
                // just after a dense one has pushed V out of the caches, which takes the masked path several
                // iterations to recover from (slower rounds than a decomposition sees, docs/performance.md).
                warmJit(m, v, c, par, KernelChoice.MASKED, timing);
                double[] k = timeRounds(masked, timing);
                warmJit(m, v, c, par, KernelChoice.DENSE, timing);
                double[] d = timeRounds(dense, timing);
                double[] flops = flops(m, c);
                double diff = maxRelativeDifference(dense, masked, c.bins(), c.frames(), c.rank());
                rows.add(new Row(m, median(d), median(k), flops[0], flops[1], diff));
            }
        }
        return rows;
    }

    /**
     * {useful, dense} GFLOP per iteration of the method's large products. Useful: the products restricted
     * to the masks (WᵀV, V Hᵀ: W^C × H^C pairs; an encoder's W_E V and the products with Vᵀ of matrices
     * zero outside H^C: all K bins on H^C).
     */
    public static double[] flops(Method m, Constraints c) {
        RowRanges act = c.support().intervals();
        RowRanges tpl = c.support().bands();
        double paired = act.pairedCount(tpl);
        double kept = 0;
        for (int r = 0; r < act.rows(); r++) {
            kept += act.count(r);
        }
        kept *= c.bins();
        double useful = switch (m) {
            case NMF -> 2 * paired;
            case NAE_MU -> 3 * kept + 2 * paired;
            case NAE_SGD, NAE_ADAM, NAE_RMSPROP -> 2 * kept + 2 * paired;
        };
        int products = m == Method.NMF ? NMF_PRODUCTS : NAE_PRODUCTS;
        double dense = products * (double) c.bins() * c.frames() * c.rank();
        return new double[] {2 * useful * 1e-9, 2 * dense * 1e-9};
    }

    /** Which kernel the masked path runs on, for the report. */
    public static String kernelDescription() {
        return KernelChoice.describeSimd();
    }

    private static Factorization create(Method m, float[] v, Constraints c, Workers par, KernelChoice k) {
        return switch (m) {
            case NMF -> new Nmf(v, c, par, k);
            case NAE_MU -> new NaeMultiplicative(v, c, NaeOptions.DEFAULT.init(), SEED, par, k);
            case NAE_SGD, NAE_ADAM, NAE_RMSPROP -> new Nae(v, c, NaeOptions.DEFAULT.init(), SEED,
                    NaeOptions.DEFAULT.optimizer(m), par, k);
        };
    }

    /** Runs a throwaway model of the method on the path for the timing's JIT seconds. */
    private static void warmJit(Method m, float[] v, Constraints c, Workers par, KernelChoice path, Timing timing) {
        if (timing.jitSeconds() == 0) {
            return;
        }
        Factorization f = create(m, v, c, par, path);
        long end = System.nanoTime() + (long) (timing.jitSeconds() * 1e9);
        while (System.nanoTime() < end) {
            f.step();
        }
    }

    /** ms/iteration of {@link #ROUNDS} consecutive rounds, after the timing's warm-up iterations. */
    private static double[] timeRounds(Factorization f, Timing timing) {
        run(f, timing.warmup());
        double[] ms = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ms[round] = run(f, timing.iterations()) / timing.iterations();
        }
        return ms;
    }

    /** Milliseconds for {@code count} iterations. */
    private static double run(Factorization f, int count) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            f.step();
        }
        return (System.nanoTime() - t0) * 1e-6;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** max |V̂_a − V̂_b| / max |V̂_a|, computed a tile of frames at a time (V̂ is never held in full). */
    static double maxRelativeDifference(Factorization a, Factorization b, int k, int n, int r) {
        float[] ta = new float[k * TILE];
        float[] tb = new float[k * TILE];
        double maxA = 0;
        double maxDiff = 0;
        for (int j0 = 0; j0 < n; j0 += TILE) {
            int width = Math.min(TILE, n - j0);
            reconstruct(a, k, n, r, j0, width, ta);
            reconstruct(b, k, n, r, j0, width, tb);
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < width; j++) {
                    maxA = Math.max(maxA, Math.abs(ta[p * TILE + j]));
                    maxDiff = Math.max(maxDiff, Math.abs(ta[p * TILE + j] - tb[p * TILE + j]));
                }
            }
        }
        return maxA == 0 ? maxDiff : maxDiff / maxA;
    }

    private static void reconstruct(Factorization f, int k, int n, int r, int j0, int width, float[] out) {
        float[] w = f.templates();
        float[] h = f.activations();
        Arrays.fill(out, 0f);
        for (int p = 0; p < k; p++) {
            for (int c = 0; c < r; c++) {
                float x = w[p * r + c];
                if (x != 0f) {
                    for (int j = 0; j < width; j++) {
                        out[p * TILE + j] += x * h[c * n + j0 + j];
                    }
                }
            }
        }
    }
}
