package org.nae4j.jmh;

import java.util.concurrent.TimeUnit;
import org.nae4j.Analysis;
import org.nae4j.constraints.Constraints;
import org.nae4j.linalg.DenseOps;
import org.nae4j.linalg.KernelChoice;
import org.nae4j.linalg.MaskedOps;
import org.nae4j.linalg.Parallel;
import org.nae4j.linalg.RowRanges;
import org.nae4j.model.Nmf;
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
 * synthesised): one NMF iteration with each kernel choice, and the two large masked products alone. Run
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

    private Parallel par;
    private Nmf dense;
    private Nmf masked;
    private MaskedOps ops;
    private float[] v;
    private float[] vt;
    private float[] w;
    private float[] h;
    private float[] out;
    private float[] hvt;
    private int[] lo;
    private int[] hi;
    private int k;
    private final MaskedOps.TileAction discard = (n0, width, rows, from, to, count, tile, worker) -> { };

    @Setup(Level.Trial)
    public void setUp() {
        Analysis a = Pieces.load(piece);
        Constraints c = a.constraints();
        par = new Parallel(threads);
        v = a.magnitude();
        k = c.bins();
        int n = c.frames();
        int r = c.rank();
        vt = new float[k * n];
        DenseOps.transpose(v, k, n, vt);
        dense = new Nmf(v, c, par, KernelChoice.DENSE);
        masked = new Nmf(v, c, par, KernelChoice.MASKED);
        RowRanges act = new RowRanges(n, c.support().intervals());
        RowRanges tpl = new RowRanges(k, c.support().bands());
        ops = new MaskedOps(act, par);
        lo = tpl.firsts();
        hi = tpl.lasts();
        w = c.wc().clone();
        h = c.hc().clone();
        out = new float[r * n];
        hvt = new float[r * k];
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

    /** WᵀV on the tiles of H^C, results discarded per tile (the pass NMF fuses its H update into). */
    @Benchmark
    public float[] transposedProductTiles() {
        ops.transATiles(w, k, lo, hi, v, discard);
        return out;
    }

    /** H Vᵀ on the bins of W^C (NMF's V Hᵀ). */
    @Benchmark
    public float[] maskedLeftProduct() {
        ops.multiplyMasked(h, vt, k, lo, hi, hvt);
        return hvt;
    }
}
