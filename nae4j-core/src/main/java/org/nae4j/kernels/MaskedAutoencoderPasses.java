package org.nae4j.kernels;

import java.util.Arrays;
import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.RowRanges;

/**
 * The large products of the autoencoders (method §4) on the entries the masks allow, with {@link MaskedOps}'
 * SIMD kernels. Every K×N-sized product either runs over the frames H^C keeps (W_E V, W_Dᵀ V, products
 * with Vᵀ of matrices that are zero outside H^C) or is expanded so that it does (E = W_D H − V is never
 * formed: E Hᵀ = W_D (H Hᵀ) − V Hᵀ and W_Dᵀ E = (W_Dᵀ W_D) H − W_Dᵀ V). The elementwise work of each
 * tile of frames runs inside the pass over V while the tile is in cache, and a product with Vᵀ of what that
 * work wrote runs in the same pass ({@link MaskedOps#transATilesThenMultiply}): the gradients and Eq. 3's
 * encoder factors read V once, nae-mu's forward pass and decoder numerator once more. The additive methods'
 * forward pass runs on the same tiles of Vᵀ without a product ({@link MaskedOps#transATilesPadded}), so V is
 * kept in one layout only. Gives the dense path's results up to
 * float rounding; all arrays are allocated here, once, so an iteration allocates nothing.
 */
public final class MaskedAutoencoderPasses {
    /** Rows of K per chunk when the small elementwise loops are split among the threads. */
    private static final int ROW_GRAIN = 64;
    /** Vᵀ in the padded layout of {@link MaskedOps#transposePadded}, for the fused passes. */
    private final float[] vt;
    private final float[] hc;
    private final int k;
    private final int n;
    private final int r;
    /** R rounded up to whole vectors: the row stride of the padded small matrices. */
    private final int rp;
    /** K rounded up to whole vectors: the row length of Vᵀ and of the matrices multiplied with it. */
    private final int kp;
    private final MaskedOps ops;
    /**
     * Products with Vᵀ of two R×N matrices with the same zeros (H and G_H; Eq. 3's two masked factors)
     * run as one product of their interleaved rows (2R×N, rows 2c and 2c + 1 from component c), so each
     * tile of Vᵀ is read once for both and a register block holds 3 components' rows of both.
     */
    private final MaskedOps pairOps;
    private final float[] pair;
    private final float[] pairProduct;
    private final int[] pairLo;
    private final int[] pairHi;
    private final int[] bandLo;
    private final int[] bandHi;
    /** Every component over all K bins: the encoder's rows and the gradients' columns are not masked. */
    private final int[] allLo;
    private final int[] allHi;
    /** W_E with its rows padded to kp (the forward passes). */
    private final float[] wePad;
    /** W_Dᵀ (rp rows of kp, zero past K and R), from W_D before each pass that needs it. */
    private final float[] wdt;
    /** H Vᵀ (R×kp) of nae-mu's fused forward pass. */
    private final float[] hvt;
    private final float[] wtw;
    private final MaskedTemplates templateStep;
    private final TileGramProduct gramTimesH;
    /** H Hᵀ of the last {@link #encode}, summed per tile. */
    private final TileGramSum hhtSum;
    /** Per tile, the tile's share of ⟨W_Dᵀ V, H⟩, summed afterwards in tile order (thread-independent). */
    private final double[] crossPerTile;
    private final Parallel par;

    /** @param v V, K×N (read here to build the padded Vᵀ; not kept) */
    public MaskedAutoencoderPasses(float[] v, Constraints c, RowRanges activations, RowRanges templates, Parallel par) {
        this.k = c.bins();
        this.n = c.frames();
        this.r = c.rank();
        this.kp = MaskedOps.paddedBins(k);
        this.vt = MaskedOps.transposePadded(v, k, n);
        this.hc = c.hc();
        this.rp = (r + MaskedOps.TILE - 1) / MaskedOps.TILE * MaskedOps.TILE;
        this.par = par;
        this.ops = new MaskedOps(activations, par);
        int[][] twice = new int[2 * r][];
        for (int i = 0; i < 2 * r; i++) {
            twice[i] = activations.ranges(i / 2);
        }
        this.pairOps = new MaskedOps(new RowRanges(n, twice), par);
        this.pair = new float[2 * r * n];
        this.pairProduct = new float[2 * r * kp];
        this.pairLo = new int[2 * r];
        this.pairHi = new int[2 * r];
        Arrays.fill(pairHi, k);
        this.bandLo = templates.firsts();
        this.bandHi = templates.lasts();
        this.allLo = new int[r];
        this.allHi = new int[r];
        Arrays.fill(allHi, k);
        this.wePad = new float[r * kp];
        this.wdt = new float[rp * kp];
        this.hvt = new float[r * kp];
        this.wtw = new float[r * rp];
        this.templateStep = new MaskedTemplates(ops, par, k, r, rp, kp);
        this.gramTimesH = new TileGramProduct(ops, r, n, rp);
        this.hhtSum = new TileGramSum(ops, r, n);
        this.crossPerTile = new double[(n + MaskedOps.TILE - 1) / MaskedOps.TILE];
    }

    /**
     * Fraction of the dense multiply-adds an autoencoder iteration needs on the masks: the encoder's W_E V
     * and the product with Vᵀ over all bins on H^C, W_Dᵀ V and V Hᵀ on W^C × H^C; the dense count is
     * four K·N·R products.
     */
    public static double maskedFraction(RowRanges activations, RowRanges templates) {
        double dense = (double) templates.length() * activations.length() * activations.rows();
        if (dense == 0) {
            return 0;
        }
        double kept = 0;
        for (int c = 0; c < activations.rows(); c++) {
            kept += activations.count(c);
        }
        return (2 * kept * templates.length() + 2 * activations.pairedCount(templates)) / (4 * dense);
    }

    /**
     * H = ReLU(W_E V) ⊙ H^C for W_E R×K; entries outside H^C are left as they are (zero). Also sums H Hᵀ
     * per tile, for {@link #gradients} and {@link #updateDecoder}: those take H as this left it.
     */
    public void encode(float[] we, float[] h) {
        padEncoder(we);
        hhtSum.clear();
        MaskedOps.TileAction encodeAction = (n0, width, rows, from, to, count, z, slot) ->
                encodeTile(h, n0, width, rows, from, to, count, z, slot);
        ops.transATilesPadded(wePad, kp, allLo, allHi, vt, encodeAction);
        hhtSum.sum(templateStep.hht);
    }

    /**
     * The gradients of the mean squared error (see {@link Nae#gradients()}) into gd (K×R), gh (R×N, zero
     * where H is zero) and ge (R×K), with scale = 2/(K·N), for H as the last {@link #encode} left it.
     * Returns the loss.
     */
    public double gradients(float[] wd, float[] h, float scale, double vNormSquared, float[] gd, float[] ge) {
        templateStep.timesGram(wd);
        // G_H = c·((W_Dᵀ W_D) H − W_Dᵀ V) where H > 0, fused into the pass computing W_Dᵀ V; H and G_H go
        // into the interleaved rows of the pair.
        // Then, in the same pass over Vᵀ (each tile while it is in cache), H Vᵀ and G_E = G_H Vᵀ on every bin;
        // G_D = c·(W_D (H Hᵀ) − V Hᵀ) on every entry, as the dense path (the projection zeroes those outside
        // W^C, but the optimizer sees the same gradient).
        transposeDecoder(wd);
        ops.gramRows(wdt, kp, r, bandLo, bandHi, wtw, rp);
        MaskedOps.TileAction gradientAction = (n0, width, rows, from, to, count, num, slot) ->
                gradientTile(h, scale, n0, width, rows, from, to, count, num, slot);
        ops.transATilesThenMultiply(wdt, kp, bandLo, bandHi, vt, gradientAction, pairOps, pair, pairLo, pairHi,
                pairProduct);
        par.forRange(k, ROW_GRAIN, (long) k * r, (from, to) -> decoderGradientRows(gd, scale, from, to));
        par.forRange(r, 1, (long) r * k, (from, to) -> encoderGradientRows(ge, from, to));
        double cross = 0;
        for (double x : crossPerTile) {
            cross += x;
        }
        double fit = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                fit += (double) wtw[i * rp + j] * templateStep.hht[i * r + j];
            }
        }
        return (vNormSquared - 2 * cross + fit) / ((double) k * n);
    }

    /**
     * The encoder's numerator ((W_Dᵀ V) ⊙ H^C) Vᵀ and denominator ((W_Dᵀ W_D H) ⊙ H^C) Vᵀ of Eq. 3 (R×K),
     * the masked factors held in the interleaved rows of the pair.
     */
    public void encoderFactors(float[] wd, float[] h, float[] num, float[] denominator) {
        transposeDecoder(wd);
        ops.gramRows(wdt, kp, r, bandLo, bandHi, wtw, rp);
        MaskedOps.TileAction multiplicativeAction = (n0, width, rows, from, to, count, z, slot) ->
                multiplicativeTile(h, n0, width, rows, from, to, count, z, slot);
        ops.transATilesThenMultiply(wdt, kp, bandLo, bandHi, vt, multiplicativeAction, pairOps, pair, pairLo,
                pairHi, pairProduct);
        par.forRange(r, 1, 2L * r * k, (from, to) -> encoderFactorRows(num, denominator, from, to));
    }

    /**
     * {@link #encode}, then W_D ← W_D ⊙ (V Hᵀ) ⊘ (W_D H Hᵀ + ε) on each template's bins (zeros outside stay
     * zero) for the new H (nae-mu's second half): H Vᵀ is summed in the same pass over Vᵀ, each tile right
     * after its H is written. W_D must not have changed since {@link #encoderFactors} (whose W_Dᵀ the update
     * runs on), as in Eq. 3's order.
     */
    public void encodeAndUpdateDecoder(float[] we, float[] wd, float[] h) {
        padEncoder(we);
        hhtSum.clear();
        MaskedOps.TileAction encodeAction = (n0, width, rows, from, to, count, z, slot) ->
                encodeTile(h, n0, width, rows, from, to, count, z, slot);
        ops.transATilesThenMultiply(wePad, kp, allLo, allHi, vt, encodeAction, h, bandLo, bandHi, hvt);
        hhtSum.sum(templateStep.hht);
        templateStep.update(wdt, hvt, wd);
    }

    /** W_Dᵀ into {@link #wdt}, its components split among the threads. */
    private void transposeDecoder(float[] wd) {
        par.forRange(r, 1, (long) r * k, (from, to) -> Products.transposeColumns(wd, k, r, from, to, wdt, kp));
    }

    /** W_E copied into its padded rows (zero past K), its components split among the threads. */
    private void padEncoder(float[] we) {
        par.forRange(r, 1, (long) r * k, (from, to) -> {
            for (int c = from; c < to; c++) {
                System.arraycopy(we, c * k, wePad, c * kp, k);
            }
        });
    }

    /** Components [from, to) of G_E = G_H Vᵀ: the odd rows of the pair's product. */
    private void encoderGradientRows(float[] ge, int from, int to) {
        for (int c = from; c < to; c++) {
            System.arraycopy(pairProduct, (2 * c + 1) * kp, ge, c * k, k);
        }
    }

    /** Components [from, to) of Eq. 3's encoder factors: the pair's product rows 2c (numerator), 2c + 1. */
    private void encoderFactorRows(float[] num, float[] denominator, int from, int to) {
        for (int c = from; c < to; c++) {
            System.arraycopy(pairProduct, 2 * c * kp, num, c * k, k);
            System.arraycopy(pairProduct, (2 * c + 1) * kp, denominator, c * k, k);
        }
    }

    /** Rows [from, to) of G_D = c·(W_D (H Hᵀ) − V Hᵀ), V Hᵀ from the pair's product. */
    private void decoderGradientRows(float[] gd, float scale, int from, int to) {
        for (int p = from; p < to; p++) {
            for (int c = 0; c < r; c++) {
                gd[p * r + c] = scale * (templateStep.whht[p * rp + c] - pairProduct[2 * c * kp + p]);
            }
        }
    }

    private void encodeTile(float[] h, int n0, int width, int[] rows, int[] from, int[] to, int count, float[] z,
                            int slot) {
        for (int i = 0; i < count; i++) {
            int o = rows[i] * n;
            int zi = i * MaskedOps.TILE - n0;
            for (int j = from[i]; j < to[i]; j++) {
                h[o + j] = hc[o + j] * Math.max(z[zi + j], 0f);
            }
        }
        hhtSum.add(h, n0, width, rows, count, slot);
    }

    private void gradientTile(float[] h, float scale, int n0, int width, int[] rows, int[] from, int[] to, int count,
                              float[] num, int slot) {
        float[] d = gramTimesH.multiply(wtw, h, n0, width, rows, count, slot);
        double cross = 0;
        for (int i = 0; i < count; i++) {
            int o = rows[i] * n;
            int po = 2 * rows[i] * n;
            int di = i * MaskedOps.TILE - n0;
            for (int j = from[i]; j < to[i]; j++) {
                float x = h[o + j];
                cross += (double) num[di + j] * x;
                pair[po + j] = x;
                pair[po + n + j] = x > 0f ? scale * (d[di + j] - num[di + j]) : 0f;
            }
        }
        crossPerTile[n0 / MaskedOps.TILE] = cross;
    }

    private void multiplicativeTile(float[] h, int n0, int width, int[] rows, int[] from, int[] to, int count,
                                    float[] num, int slot) {
        float[] d = gramTimesH.multiply(wtw, h, n0, width, rows, count, slot);
        for (int i = 0; i < count; i++) {
            int o = rows[i] * n;
            int po = 2 * rows[i] * n;
            int di = i * MaskedOps.TILE - n0;
            for (int j = from[i]; j < to[i]; j++) {
                pair[po + j] = hc[o + j] * num[di + j];
                pair[po + n + j] = hc[o + j] * d[di + j];
            }
        }
    }
}
