package org.nae4j.kernels;

import java.util.Arrays;

/**
 * H Hᵀ (R×R) summed tile by tile inside a pass that writes H, while each tile of H is in cache: per tile, the
 * active rows' block times its transpose as one small product on the SIMD kernel
 * ({@link MaskedOps#multiplySmall}), added into double sums per scratch slot ({@link MaskedOps#slots}): no
 * separate pass over H (which would run on one thread). Per-slot scratch, so adding a tile allocates nothing;
 * the sums depend on how the pass hands tiles to slots only through the order of the double additions.
 */
final class TileGramSum {
    private final MaskedOps ops;
    private final int r;
    private final int n;
    private final float[][] rowsBlock;
    private final float[][] colsBlock;
    private final float[][] product;
    private final double[][] sums;

    /**
     * @param ops the products' instance (its scratch slots index the scratch)
     * @param r   number of components R
     * @param n   frames N (the row length of H)
     */
    TileGramSum(MaskedOps ops, int r, int n) {
        int half = MaskedOps.TILE / 2;
        int rp = (r + half - 1) / half * half;
        this.ops = ops;
        this.r = r;
        this.n = n;
        this.rowsBlock = new float[ops.slots()][r * MaskedOps.TILE];
        this.colsBlock = new float[ops.slots()][MaskedOps.TILE * rp];
        this.product = new float[ops.slots()][r * rp];
        this.sums = new double[ops.slots()][r * r];
    }

    /** Starts a new sum (call before the pass). */
    void clear() {
        for (double[] s : sums) {
            Arrays.fill(s, 0);
        }
    }

    /**
     * Adds the tile's share: Σ over frames [n0, n0 + width) of H[rows[i]] H[rows[j]] for i, j &lt; count (H is
     * zero in the tile's other rows). Run with scratch slot {@code slot}.
     */
    void add(float[] h, int n0, int width, int[] rows, int count, int slot) {
        int tile = MaskedOps.TILE;
        int half = tile / 2;
        // Columns padded to whole vectors (zeros), so the kernel runs on full vectors.
        int cp = (count + half - 1) / half * half;
        float[] hb = rowsBlock[slot];
        float[] tb = colsBlock[slot];
        for (int i = 0; i < count; i++) {
            int hi = rows[i] * n + n0;
            System.arraycopy(h, hi, hb, i * tile, width);
            Arrays.fill(hb, i * tile + width, (i + 1) * tile, 0f);
            for (int t = 0; t < width; t++) {
                tb[t * cp + i] = h[hi + t];
            }
        }
        for (int t = 0; t < tile; t++) {
            Arrays.fill(tb, t * cp + (t < width ? count : 0), (t + 1) * cp, 0f);
        }
        float[] g = product[slot];
        ops.multiplySmall(hb, tile, tb, cp, g, cp, count, tile, cp, slot);
        double[] s = sums[slot];
        for (int i = 0; i < count; i++) {
            int si = rows[i] * r;
            for (int j = 0; j < count; j++) {
                s[si + rows[j]] += g[i * cp + j];
            }
        }
    }

    /** Writes the sum of all slots' shares, in slot order, into g (R×R, row-major). */
    void sum(float[] g) {
        for (int i = 0; i < r * r; i++) {
            double x = 0;
            for (double[] s : sums) {
                x += s[i];
            }
            g[i] = (float) x;
        }
    }
}
