package org.nae4j.kernels;

import java.util.Arrays;

/**
 * G H on the rows of H active in one tile of frames, for G = WᵀW (R×R, row stride rp) of a factorisation
 * whose H is zero outside those rows: the denominators of NMF's H update and the (W_Dᵀ W_D) H of the
 * autoencoders' gradient. The tile's block of G and of H are packed and multiplied as one small product on
 * the SIMD kernel ({@link MaskedOps#multiplySmall}); per-slot scratch, so a call allocates nothing.
 */
final class TileGramProduct {
    private final MaskedOps ops;
    private final int n;
    private final int rp;
    private final float[][] out;
    private final float[][] gBlock;
    private final float[][] hBlock;

    /**
     * @param ops the products' instance (its scratch slots index the scratch)
     * @param r   number of components R
     * @param n   frames N (the row length of H)
     * @param rp  the row stride of G, ≥ R
     */
    TileGramProduct(MaskedOps ops, int r, int n, int rp) {
        this.ops = ops;
        this.n = n;
        this.rp = rp;
        this.out = new float[ops.slots()][r * MaskedOps.TILE];
        this.gBlock = new float[ops.slots()][r * r];
        this.hBlock = new float[ops.slots()][r * MaskedOps.TILE];
    }

    /**
     * Returns scratch slot {@code slot}'s D with D[i·TILE + t] = Σ_j G[rows[i]·rp + rows[j]] ·
     * H[rows[j]·N + n0 + t] for i &lt; count, t &lt; width (entries past the width are zero).
     */
    float[] multiply(float[] g, float[] h, int n0, int width, int[] rows, int count, int slot) {
        int tile = MaskedOps.TILE;
        float[] gb = gBlock[slot];
        float[] hb = hBlock[slot];
        for (int i = 0; i < count; i++) {
            int gi = rows[i] * rp;
            for (int j = 0; j < count; j++) {
                gb[i * count + j] = g[gi + rows[j]];
            }
            System.arraycopy(h, rows[i] * n + n0, hb, i * tile, width);
            Arrays.fill(hb, i * tile + width, (i + 1) * tile, 0f);
        }
        float[] d = out[slot];
        ops.multiplySmall(gb, count, hb, tile, d, tile, count, count, tile, slot);
        return d;
    }
}
