package org.nae4j.jmh;

import java.util.concurrent.TimeUnit;
import org.nae4j.Analysis;
import org.nae4j.constraints.Constraints;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Nmf;
import org.nae4j.model.Workers;
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
 * The kernels on one recording (default: the long piece of the shared data, else the bundled example,
 * synthesised): one NMF iteration with each kernel choice. Run
 * with {@code mvn -Pjmh -DskipTests package exec:exec} (see docs/performance.md); {@code -prof gc} shows the
 * allocation per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g"})
public class KernelBenchmarks {
    /** A folder with mix.wav and score.csv; if it does not exist the bundled example is used. */
    @Param("../shared/data/rendered/long-joplin-the-entertainer")
    public String piece;

    @Param({"1", "2"})
    public int threads;

    private Workers par;
    private Nmf dense;
    private Nmf masked;

    @Setup(Level.Trial)
    public void setUp() {
        Analysis a = Pieces.load(piece);
        Constraints c = a.constraints();
        par = Workers.create(threads);
        dense = new Nmf(a.magnitude(), c, par, KernelChoice.DENSE);
        masked = new Nmf(a.magnitude(), c, par, KernelChoice.MASKED);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        par.close();
    }

    /** One NMF iteration on the mask-aware path. */
    @Benchmark
    public float[] nmfMasked() {
        masked.step();
        return masked.activations();
    }

    /** One NMF iteration on the dense reference path. */
    @Benchmark
    public float[] nmfDense() {
        dense.step();
        return dense.activations();
    }
}
