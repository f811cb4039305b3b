package org.nae4j.linalg;

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
    /** Partners summed side by side in {@link #gramRows}. */
    private static final int GRAM_GROUP = 4;

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
                int[] x = pattern.rangesView(r);
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

    /** Σ over tiles of the active rows times the tile's width. */
    long visitedEntries() {
        long s = 0;
        for (int t = 0; t < tiles; t++) {
            s += (long) count(t) * Math.min(MaskedOps.TILE, frames - t * MaskedOps.TILE);
        }
        return s;
    }

    /**
     * G (R×R) = A Aᵀ for A R×N zero outside the pattern, from overlapping covered frames only, in acc.
     * Four partners of a row are summed side by side (four independent chains of additions) over the union
     * of their overlaps: the extra frames add products with a zero factor, which leave each sum unchanged.
     */
    void gramRows(float[] a, float[] g, double[] acc) {
        Arrays.fill(acc, 0);
        for (int t = 0; t < tiles; t++) {
            int end = tileStart[t + 1];
            for (int i = tileStart[t]; i < end; i++) {
                int ri = active[i] * frames;
                int accRow = active[i] * rows;
                int j = i;
                for (; j + GRAM_GROUP <= end; j += GRAM_GROUP) {
                    int r0 = active[j] * frames;
                    int r1 = active[j + 1] * frames;
                    int r2 = active[j + 2] * frames;
                    int r3 = active[j + 3] * frames;
                    int from = activeHi[i];
                    int to = activeLo[i];
                    for (int q = j; q < j + GRAM_GROUP; q++) {
                        from = Math.min(from, Math.max(activeLo[i], activeLo[q]));
                        to = Math.max(to, Math.min(activeHi[i], activeHi[q]));
                    }
                    float s0 = 0f;
                    float s1 = 0f;
                    float s2 = 0f;
                    float s3 = 0f;
                    for (int n = from; n < to; n++) {
                        float x = a[ri + n];
                        s0 += x * a[r0 + n];
                        s1 += x * a[r1 + n];
                        s2 += x * a[r2 + n];
                        s3 += x * a[r3 + n];
                    }
                    acc[accRow + active[j]] += s0;
                    acc[accRow + active[j + 1]] += s1;
                    acc[accRow + active[j + 2]] += s2;
                    acc[accRow + active[j + 3]] += s3;
                }
                for (; j < end; j++) {
                    int rj = active[j] * frames;
                    float s = 0f;
                    int from = Math.max(activeLo[i], activeLo[j]);
                    int to = Math.min(activeHi[i], activeHi[j]);
                    for (int n = from; n < to; n++) {
                        s += a[ri + n] * a[rj + n];
                    }
                    acc[accRow + active[j]] += s;
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < rows; j++) {
                float v = (float) acc[i * rows + j];
                g[i * rows + j] = v;
                g[j * rows + i] = v;
            }
        }
    }

    /** B (k×n row-major) as tiles of k×TILE row-major blocks, one after another (zeros past n). */
    static float[] tileColumns(float[] b, int k, int n) {
        int tile = MaskedOps.TILE;
        int tiles = (n + tile - 1) / tile;
        float[] out = new float[tiles * k * tile];
        for (int t = 0; t < tiles; t++) {
            int n0 = t * tile;
            int width = Math.min(tile, n - n0);
            for (int p = 0; p < k; p++) {
                System.arraycopy(b, p * n + n0, out, (t * k + p) * tile, width);
            }
        }
        return out;
    }

    /** A cost per index, for {@link #balance}. */
    interface Cost {
        long of(int index);
    }

    /** Writes the bounds of {@code parts} contiguous ranges of [0, n) with about equal total cost. */
    static void balance(int n, int parts, Cost cost, int[] bounds) {
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += cost.of(i);
        }
        bounds[0] = 0;
        long run = 0;
        int p = 1;
        for (int i = 0; i < n && p < parts; i++) {
            run += cost.of(i);
            while (p < parts && run * parts >= total * p) {
                bounds[p++] = i + 1;
            }
        }
        for (; p <= parts; p++) {
            bounds[p] = n;
        }
    }
}
