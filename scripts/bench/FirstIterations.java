import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nae4j.Analysis;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Acceleration;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Nmf;
import org.nae4j.model.Workers;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

/**
 * The JIT's warm-up, iteration by iteration: a fresh JVM analyses a recording and runs ITERATIONS masked NMF
 * iterations, printing the milliseconds of iterations 1–20 and every 50th, the loop's seconds, the steady
 * state (mean of the second half) and their ratio. With WARM = "join", the kernels first run on a small
 * synthetic piece (8 pitches, 2 s, 400 iterations) in a thread started before the analysis, which the loop
 * then waits for; "stop" stops that thread when the analysis is done; "none" has no such thread. Run with
 * the CLI jar on the class path (JVM options go before -cp):
 * {@code java --add-modules jdk.incubator.vector -cp nae4j-cli/target/nae4j-cli.jar
 * scripts/bench/FirstIterations.java AUDIO SCORE THREADS ITERATIONS none|join|stop}
 */
public final class FirstIterations {
    private static final int[] SYNTHETIC_PITCHES = {40, 47, 55, 60, 64, 67, 72, 79};
    private static final double SYNTHETIC_SECONDS = 2;
    private static final int SYNTHETIC_ITERATIONS = 400;
    private static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        long start = System.nanoTime();
        Thread warm = args[4].equals("none") ? null : new Thread(() -> warmOnSyntheticPiece(threads));
        if (warm != null) {
            warm.start();
        }
        Analysis a = Analysis.of(Path.of(args[0]), Path.of(args[1]), ConstraintOptions.DEFAULT);
        double analysis = (System.nanoTime() - start) * 1e-9;
        if (warm != null && args[4].equals("join")) {
            warm.join();
        }
        stop = true;
        double before = (System.nanoTime() - start) * 1e-9;
        StringBuilder shown = new StringBuilder();
        double total = 0;
        double secondHalf = 0;
        try (Workers w = Workers.create(threads)) {
            Nmf m = new Nmf(a.magnitude(), a.constraints(), w, KernelChoice.MASKED, Acceleration.NONE);
            for (int it = 1; it <= iterations; it++) {
                long t0 = System.nanoTime();
                m.step();
                double ms = (System.nanoTime() - t0) * 1e-6;
                total += ms;
                if (it > iterations / 2) {
                    secondHalf += ms;
                }
                if (it <= 20 || it % 50 == 0) {
                    shown.append(String.format(Locale.ROOT, "%d:%.1f ", it, ms));
                }
            }
        }
        double steady = secondHalf / (iterations - iterations / 2);
        System.out.println("ms per iteration: " + shown);
        System.out.printf(Locale.ROOT, "analysis %.3f s, before the loop %.3f s, loop %.3f s, steady %.3f ms/it, "
                + "loop / steady %.2f, command %.3f s%n", analysis, before, total / 1000, steady,
                total / (steady * iterations), (System.nanoTime() - start) * 1e-9);
    }

    private static void warmOnSyntheticPiece(int threads) {
        SplittableRandom rnd = new SplittableRandom(1);
        List<Note> notes = new ArrayList<>();
        for (double t = 0; t < SYNTHETIC_SECONDS - 0.6; t += 0.125) {
            notes.add(new Note(t, 0.25 + rnd.nextDouble() * 0.5,
                    SYNTHETIC_PITCHES[rnd.nextInt(SYNTHETIC_PITCHES.length)], 80, "piano"));
        }
        Score s = new Score(notes);
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        Analysis a = Analysis.of(Synth.render(s, rate, SynthOptions.DEFAULT), rate, s);
        try (Workers w = Workers.create(threads)) {
            Nmf m = new Nmf(a.magnitude(), a.constraints(), w, KernelChoice.MASKED, Acceleration.NONE);
            for (int i = 0; i < SYNTHETIC_ITERATIONS && !stop; i++) {
                m.step();
            }
        }
    }
}
