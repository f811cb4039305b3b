package org.nae4j.jmh;

import java.util.concurrent.TimeUnit;
import org.nae4j.Analysis;
import org.nae4j.constraints.Constraints;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Workers;
import org.nae4j.model.Autoencoder;
import org.nae4j.model.Method;
import org.nae4j.model.Nae;
import org.nae4j.model.NaeMultiplicative;
import org.nae4j.model.NaeOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One iteration of each autoencoder on the mask-aware path, on the same recording as
 * {@link KernelBenchmarks}; with {@code -prof gc} it shows that an iteration allocates nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class AutoencoderBenchmarks {
    /** A folder with mix.wav and score.csv; if it does not exist the bundled example is used. */
    @Param("../shared/data/rendered/long-joplin-the-entertainer")
    public String piece;

    @Param({"1", "2"})
    public int threads;

    @Param({"nae-mu", "nae-sgd", "nae-adam", "nae-rmsprop"})
    public String method;

    private Workers par;
    private Autoencoder model;

    @Setup(Level.Trial)
    public void setUp() {
        Analysis a = Pieces.load(piece);
        Constraints c = a.constraints();
        par = Workers.create(threads);
        Method m = Method.parse(method);
        long seed = 1;
        model = m == Method.NAE_MU
                ? new NaeMultiplicative(a.magnitude(), c, NaeOptions.DEFAULT.init(), seed, par, KernelChoice.MASKED)
                : new Nae(a.magnitude(), c, NaeOptions.DEFAULT.init(), seed, NaeOptions.DEFAULT.optimizer(m), par,
                        KernelChoice.MASKED);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        par.close();
    }

    /** One iteration (both updates, and the forward pass). */
    @Benchmark
    public float[] step() {
        model.step();
        return model.templates();
    }
}
