package org.nae4j.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nae4j.constraints.RowRanges;
import org.junit.jupiter.api.Test;

/**
 * The thread team: a loop's chunks depend only on its range and the thread count, whoever runs them; a loop
 * too small to share runs on the calling thread with the same results; more threads than processors finish.
 */
class ParallelTest {
    /** The chunks of a loop as "from-to" in ascending order. */
    private static List<String> chunks(Parallel par, int n, int grain, long work) {
        String[] seen = new String[n];
        par.forRange(n, grain, work, (from, to) -> seen[from] = from + "-" + to);
        List<String> out = new ArrayList<>();
        for (String s : seen) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void theChunksDependOnlyOnTheRangeAndTheThreadCount() {
        List<String> expected = List.of("0-3", "3-9", "9-15", "15-21", "21-25");
        for (int processors : new int[] {1, 2, 5, 16}) {
            for (long serialWork : new long[] {0, Long.MAX_VALUE}) {
                try (Parallel par = new Parallel(5, serialWork, processors)) {
                    assertEquals(expected, chunks(par, 25, 3, 1000), processors + " processors, threshold " + serialWork);
                }
            }
        }
    }

    @Test
    void aLoopBelowTheWorkThresholdRunsOnTheCallingThread() {
        try (Parallel par = new Parallel(4, 1000, 4)) {
            Thread[] ran = new Thread[4];
            par.forRange(4, 1, 999, (from, to) -> ran[from] = Thread.currentThread());
            for (Thread t : ran) {
                assertSame(Thread.currentThread(), t);
            }
        }
    }

    @Test
    void aTinyMaskedProductOnSeveralThreadsEqualsOneThread() {
        int k = 9;
        int n = 70;
        int r = 3;
        Random rnd = new Random(5);
        int[][] ranges = {{0, 20, 40, 70}, {10, 50}, {30, 64}};
        RowRanges pattern = new RowRanges(n, ranges);
        float[] h = pattern.toDense();
        for (int i = 0; i < h.length; i++) {
            h[i] *= rnd.nextFloat();
        }
        float[] v = new float[k * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextFloat();
        }
        float[] bt = MaskedOps.transposePadded(v, k, n);
        int kp = MaskedOps.paddedBins(k);
        float[] at = new float[r * kp];
        int[] lo = new int[r];
        int[] hi = {k, k, k};
        float[] one = new float[r * kp];
        float[] four = new float[r * kp];
        MaskedOps.TileAction keep = (n0, width, rows, from, to, count, tile, slot) -> { };
        try (Parallel par = new Parallel(1)) {
            new MaskedOps(pattern, par).transATilesThenMultiply(at, kp, lo, hi, bt, keep, h, lo, hi, one);
        }
        try (Parallel par = new Parallel(4)) {
            MaskedOps ops = new MaskedOps(pattern, par);
            assertEquals(true, 2 * ops.visitedEntries() * kp < Parallel.SERIAL_WORK, "the problem is below the threshold");
            ops.transATilesThenMultiply(at, kp, lo, hi, bt, keep, h, lo, hi, four);
        }
        assertArrayEquals(one, four);
    }

    @Test
    void moreThreadsThanProcessorsFinishEveryLoop() {
        int n = 1000;
        int reps = 20_000;
        int[] hits = new int[n];
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            try (Parallel par = new Parallel(16, 0, 2)) {
                for (int rep = 0; rep < reps; rep++) {
                    par.forRange(1 + rep % n, 1, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            hits[i]++;
                        }
                    });
                }
            }
        });
        for (int i = 0; i < n; i++) {
            int expected = 0;
            for (int rep = 0; rep < reps; rep++) {
                expected += 1 + rep % n > i ? 1 : 0;
            }
            assertEquals(expected, hits[i], "index " + i);
        }
    }

    @Test
    void sixteenThreadsOnThisMachineFinishEveryLoop() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            try (Parallel par = new Parallel(16, 0)) {
                int[] hits = new int[64];
                for (int rep = 0; rep < 5_000; rep++) {
                    par.forRange(64, 1, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            hits[i]++;
                        }
                    });
                }
                for (int h : hits) {
                    assertEquals(5_000, h);
                }
            }
        });
    }

    @Test
    void aFailingChunkFailsTheLoopAndTheTeamGoesOn() {
        try (Parallel par = new Parallel(3, 0, 3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> par.forRange(3, 1, (from, to) -> {
                if (from == 2) {
                    throw new IllegalStateException("chunk 2");
                }
            }));
            assertEquals("chunk 2", e.getMessage());
            int[] hits = new int[3];
            par.forRange(3, 1, (from, to) -> hits[from]++);
            assertArrayEquals(new int[] {1, 1, 1}, hits);
        }
    }

    @Test
    void theDefaultIsTheProcessorsAtMostEight() {
        assertEquals(8, Parallel.MAX_DEFAULT_THREADS);
        assertEquals(Math.min(8, Runtime.getRuntime().availableProcessors()), Parallel.defaultThreads());
    }
}
