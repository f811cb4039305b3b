package org.nae4j.kernels;

/**
 * Reads a block that a kernel is about to use, one float per cache line, so it arrives in cache at the rate a
 * plain scan gets from memory. The kernels' own first touch of a tile is slower: their loads of B sit behind
 * chains of multiply-adds, so few cache misses are in flight at a time, and each frame of Vᵀ is a new
 * 4 KiB stream for the hardware prefetcher. Java has no prefetch instruction; this scan is the portable
 * stand-in (docs/performance.md).
 */
final class Prefetch {
    /** Floats per 64-byte cache line. */
    private static final int LINE = 16;
    /** Only ever written when the sum has a value no scan produces; keeps the JIT from dropping the loads. */
    private static volatile int sink;

    private Prefetch() {
    }

    /** Touches b[from, from + len), clipped to the array. */
    static void touch(float[] b, int from, int len) {
        int end = Math.min(b.length, from + len);
        // Two independent integer chains: the loads, not the sum, set the pace.
        int x0 = 0;
        int x1 = 0;
        int q = from;
        for (; q + LINE < end; q += 2 * LINE) {
            x0 ^= Float.floatToRawIntBits(b[q]);
            x1 ^= Float.floatToRawIntBits(b[q + LINE]);
        }
        if (q < end) {
            x0 ^= Float.floatToRawIntBits(b[q]);
        }
        if ((x0 ^ x1) == 0x7fc00001) {
            sink = x0;
        }
    }
}
