package org.nae4j.kernels;

import org.nae4j.constraints.RowRanges;

import java.util.Arrays;

/**
 * The frames of a {@link RowRanges} pattern (R rows over N frames) cut into tiles of {@link MaskedOps#TILE}:
 * per tile, the rows active in it (ascending) and the frames [lo, hi) of the tile each one's mask covers.
 * Immutable after construction; the index arrays are shared with {@link MaskedOps}, never exposed.
 */
final class FrameTiles {
    final int rows;
    final int frames;
    final int tiles;
    /** Active rows of tile t: entries [tileStart[t], tileStart[t + 1]) of {@link #active}. */
    final int[] tileStart;
    final int[] active;
    /** Per entry of {@link #active}: the frames [lo, hi) of its tile that the row's mask covers. */
    final int[] activeLo;
    final int[] activeHi;

    FrameTiles(RowRanges pattern) {
        int tile = MaskedOps.TILE;
        this.rows = pattern.rows();
        this.frames = pattern.length();
        this.tiles = (frames + tile - 1) / tile;
        this.tileStart = new int[tiles + 1];
        int[] list = new int[Math.max(1, tiles * rows)];
        int[] los = new int[list.length];
        int[] his = new int[list.length];
        int count = 0;
        for (int t = 0; t < tiles; t++) {
            tileStart[t] = count;
            int n0 = t * tile;
            int n1 = Math.min(frames, n0 + tile);
            for (int r = 0; r < rows; r++) {
                int[] x = pattern.ranges(r);
                int lo = n1;
                int hi = n0;
                for (int i = 0; i < x.length && x[i] < n1; i += 2) {
                    if (x[i + 1] > n0) {
                        lo = Math.min(lo, Math.max(x[i], n0));
                        hi = Math.max(hi, Math.min(x[i + 1], n1));
                    }
                }
                if (lo < hi) {
                    los[count] = lo;
                    his[count] = hi;
                    list[count++] = r;
                }
            }
        }
        tileStart[tiles] = count;
        this.active = Arrays.copyOf(list, count);
        this.activeLo = Arrays.copyOf(los, count);
        this.activeHi = Arrays.copyOf(his, count);
    }

    /** Active rows of tile t. */
    int count(int t) {
        return tileStart[t + 1] - tileStart[t];
    }

    /** Copies tile t's entries (rows ascending, with the frames each covers) into the lists; returns their count. */
    int list(int t, int[] rowsOut, int[] fromOut, int[] toOut) {
        int s0 = tileStart[t];
        int count = tileStart[t + 1] - s0;
        System.arraycopy(active, s0, rowsOut, 0, count);
        System.arraycopy(activeLo, s0, fromOut, 0, count);
        System.arraycopy(activeHi, s0, toOut, 0, count);
        return count;
    }

    /**
     * Writes into {@code sel} the indices i &lt; count of the listed entries whose frames [from[i], to[i])
     * reach into [g0, g1); returns how many.
     */
    static int reaching(int[] from, int[] to, int count, int g0, int g1, int[] sel) {
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (from[i] < g1 && to[i] > g0) {
                sel[m++] = i;
            }
        }
        return m;
    }

    /** Σ over tiles of the active rows times the tile's width. */
    long visitedEntries() {
        long s = 0;
        for (int t = 0; t < tiles; t++) {
            s += (long) count(t) * Math.min(MaskedOps.TILE, frames - t * MaskedOps.TILE);
        }
        return s;
    }

    /** A cost per index, for {@link #balance}. */
    interface Cost {
        long of(int index);
    }

    /**
     * Writes the bounds of {@code weights.length} contiguous ranges of [0, n) whose total costs are about in
     * the proportions of the weights (range p: [bounds[p], bounds[p + 1])).
     */
    static void balance(int n, long[] weights, Cost cost, int[] bounds) {
        int parts = weights.length;
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += cost.of(i);
        }
        long weightSum = 0;
        for (long x : weights) {
            weightSum += x;
        }
        bounds[0] = 0;
        long run = 0;
        long before = weights[0];
        int p = 1;
        for (int i = 0; i < n && p < parts; i++) {
            run += cost.of(i);
            while (p < parts && run * weightSum >= total * before) {
                bounds[p] = i + 1;
                before += weights[p++];
            }
        }
        for (; p <= parts; p++) {
            bounds[p] = n;
        }
    }
}
