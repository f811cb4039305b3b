package org.nae4j.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling the kernels are measured against: a plain register-blocked GEMM micro-kernel in Java, C = A B
 * with A 48 × 256 and B 256 × 256 in cache, on one thread, with blocks of 3 rows × 4 vectors (12 accumulators),
 * or, for 16 registers, 4 rows × 2 vectors or 2 × 4 (8 accumulators each). GFLOP/s = 2·48·256·256 / (ms/op · 10⁶). The vector shape
 * follows {@code -Dnae4j.vector.bits} as the kernels' does:
 * {@code -Djmh.args="GemmCeiling -jvmArgsAppend -Dnae4j.vector.bits=256"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmCeiling {
    private static final VectorSpecies<Float> S = species(System.getProperty("nae4j.vector.bits"));
    private static final int L = S.length();
    /** The block: 3x4, 4x2 or 2x4 (rows × vectors). */
    @Param({"3x4", "4x2", "2x4"})
    public String block;

    static final int M = 48;
    static final int K = 256;
    static final int N = 256;

    private float[] a;
    private float[] b;
    private float[] c;

    private static VectorSpecies<Float> species(String bits) {
        if (bits == null) {
            return FloatVector.SPECIES_PREFERRED;
        }
        return switch (bits) {
            case "128" -> FloatVector.SPECIES_128;
            case "256" -> FloatVector.SPECIES_256;
            default -> FloatVector.SPECIES_512;
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        a = new float[M * K];
        b = new float[K * N];
        c = new float[M * N];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) r.nextDouble();
        }
    }

    @Benchmark
    public float[] gemm() {
        if (block.equals("3x4")) {
            for (int i = 0; i < M; i += 3) {
                for (int j = 0; j + 4 * L <= N; j += 4 * L) {
                    block3x4(i, j);
                }
            }
        } else if (block.equals("2x4")) {
            for (int i = 0; i < M; i += 2) {
                for (int j = 0; j + 4 * L <= N; j += 4 * L) {
                    block2x4(i, j);
                }
            }
        } else {
            for (int i = 0; i < M; i += 4) {
                for (int j = 0; j + 2 * L <= N; j += 2 * L) {
                    block4x2(i, j);
                }
            }
        }
        return c;
    }

    private void block4x2(int i, int j) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00;
        for (int p = 0; p < K; p++) {
            int o = p * N + j;
            FloatVector b0 = FloatVector.fromArray(S, b, o);
            FloatVector b1 = FloatVector.fromArray(S, b, o + L);
            FloatVector x = FloatVector.broadcast(S, a[i * K + p]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[(i + 1) * K + p]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[(i + 2) * K + p]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[(i + 3) * K + p]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
        }
        int o = i * N + j;
        c00.intoArray(c, o);
        c01.intoArray(c, o + L);
        c10.intoArray(c, o + N);
        c11.intoArray(c, o + N + L);
        c20.intoArray(c, o + 2 * N);
        c21.intoArray(c, o + 2 * N + L);
        c30.intoArray(c, o + 3 * N);
        c31.intoArray(c, o + 3 * N + L);
    }

    private void block3x4(int i, int j) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        for (int p = 0; p < K; p++) {
            int o = p * N + j;
            FloatVector b0 = FloatVector.fromArray(S, b, o);
            FloatVector b1 = FloatVector.fromArray(S, b, o + L);
            FloatVector b2 = FloatVector.fromArray(S, b, o + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, o + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[i * K + p]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[(i + 1) * K + p]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[(i + 2) * K + p]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
        }
        store(i, j, c00, c01, c02, c03);
        store(i + 1, j, c10, c11, c12, c13);
        store(i + 2, j, c20, c21, c22, c23);
    }

    private void block2x4(int i, int j) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        for (int p = 0; p < K; p++) {
            int o = p * N + j;
            FloatVector b0 = FloatVector.fromArray(S, b, o);
            FloatVector b1 = FloatVector.fromArray(S, b, o + L);
            FloatVector b2 = FloatVector.fromArray(S, b, o + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, o + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[i * K + p]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[(i + 1) * K + p]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
        }
        store(i, j, c00, c01, c02, c03);
        store(i + 1, j, c10, c11, c12, c13);
    }

    private void store(int row, int j, FloatVector x0, FloatVector x1, FloatVector x2, FloatVector x3) {
        int o = row * N + j;
        x0.intoArray(c, o);
        x1.intoArray(c, o + L);
        x2.intoArray(c, o + 2 * L);
        x3.intoArray(c, o + 3 * L);
    }
}
