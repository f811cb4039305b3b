import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nae4j.Analysis;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Acceleration;
import org.nae4j.model.Errors;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Nmf;
import org.nae4j.model.Workers;
import org.nae4j.plot.Plots;
import org.nae4j.plot.Series;

/**
 * Time to accuracy of accelerated against plain multiplicative updates, warm-up excluded: in one JVM, both
 * run for a few seconds on throwaway models first (the JIT compiles the kernels), then plain MU runs
 * ITERATIONS iterations and sets the target, the Frobenius loss it reached; the seconds (loss evaluation
 * excluded) until each method is within 0.1 % of the target are printed, and loss against seconds is
 * plotted. Run with the CLI jar on the class path:
 * {@code java --add-modules jdk.incubator.vector -cp nae4j-cli/target/nae4j-cli.jar
 * scripts/bench/TimeToAccuracy.java AUDIO SCORE THREADS ITERATIONS ALPHA... OUT.png}
 */
public final class TimeToAccuracy {
    private static final double TOLERANCE = 1e-3;
    private static final double WARMUP_SECONDS = 4;

    public static void main(String[] args) throws Exception {
        Analysis a = Analysis.of(Path.of(args[0]), Path.of(args[1]), ConstraintOptions.DEFAULT);
        int threads = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        List<Double> alphas = new ArrayList<>();
        for (int i = 4; i < args.length - 1; i++) {
            alphas.add(Double.parseDouble(args[i]));
        }
        Path png = Path.of(args[args.length - 1]);
        List<Series> curves = new ArrayList<>();
        try (Workers w = Workers.create(threads)) {
            warmUp(a, w, Acceleration.NONE);
            for (double alpha : alphas) {
                warmUp(a, w, new Acceleration(alpha, Acceleration.DEFAULT.delta()));
            }
            double[][] plain = run(a, w, Acceleration.NONE, iterations, 10, Double.NaN);
            double target = plain[2][plain[2].length - 1];
            curves.add(new Series("plain MU", plain[1], plain[2]));
            report("plain", plain, target);
            for (double alpha : alphas) {
                double[][] acc = run(a, w, new Acceleration(alpha, Acceleration.DEFAULT.delta()), iterations, 1,
                        target * (1 + TOLERANCE));
                curves.add(new Series("accelerated, alpha " + alpha, acc[1], acc[2]));
                report("alpha " + alpha, acc, target);
            }
        }
        Plots.lines("Loss against time (warm-up excluded)", "training seconds", "Frobenius loss", curves, true, true,
                png);
    }

    private static void warmUp(Analysis a, Workers w, Acceleration acc) {
        Nmf m = new Nmf(a.magnitude(), a.constraints(), w, KernelChoice.MASKED, acc);
        long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        while (System.nanoTime() < end) {
            m.step();
        }
    }

    /** Iteration, training seconds and Frobenius loss every {@code every} iterations; stops below {@code stop}. */
    private static double[][] run(Analysis a, Workers w, Acceleration acc, int iterations, int every, double stop) {
        var c = a.constraints();
        Nmf m = new Nmf(a.magnitude(), c, w, KernelChoice.MASKED, acc);
        List<double[]> rows = new ArrayList<>();
        long nanos = 0;
        for (int it = 1; it <= iterations; it++) {
            long t0 = System.nanoTime();
            m.step();
            nanos += System.nanoTime() - t0;
            if (it % every == 0 || it == iterations) {
                double loss = Errors.of(a.magnitude(), m.templates(), m.activations(), c.bins(), c.rank(), c.frames(),
                        w).frobenius();
                rows.add(new double[] {it, nanos * 1e-9, loss});
                if (loss <= stop) {
                    break;
                }
            }
        }
        double[][] out = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 3; k++) {
                out[k][i] = rows.get(i)[k];
            }
        }
        return out;
    }

    private static void report(String name, double[][] h, double target) {
        for (int i = 0; i < h[0].length; i++) {
            if (h[2][i] <= target * (1 + TOLERANCE)) {
                System.out.printf(Locale.ROOT, "%-12s within 0.1%% of %.6g after %5d iterations, %7.3f s (%.3f ms/it)%n",
                        name, target, (int) h[0][i], h[1][i], 1000 * h[1][i] / h[0][i]);
                return;
            }
        }
        System.out.printf(Locale.ROOT, "%-12s not within 0.1%% after %d iterations%n", name, (int) h[0][h[0].length - 1]);
    }
}
