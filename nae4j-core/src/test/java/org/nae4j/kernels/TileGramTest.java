package org.nae4j.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nae4j.constraints.Constraints;
import org.nae4j.model.Problems;
import org.nae4j.constraints.RowRanges;

/**
 * The per-tile small products of the masked passes against dense ones on random masks: (WᵀW) H on each tile's
 * active rows ({@link TileGramProduct}) and H Hᵀ summed tile by tile ({@link TileGramSum}).
 */
class TileGramTest {

    @ParameterizedTest
    @CsvSource({"9, 100, 1", "4, 33, 2", "23, 161, 2", "1, 5, 1", "13, 64, 3"})
    void perTileProductsMatchDense(int r, int n, int threads) {
        Constraints c = Problems.random(17, n, r, 31L * r + n).constraints();
        SplittableRandom rnd = new SplittableRandom(r * 7L + n);
        float[] h = c.hc().clone();
        for (int i = 0; i < h.length; i++) {
            h[i] *= (float) rnd.nextDouble();
        }
        int rp = r + 5;
        float[] g = new float[r * rp];
        float[] gDense = new float[r * r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                float x = (float) rnd.nextDouble();
                g[i * rp + j] = x;
                gDense[i * r + j] = x;
            }
        }
        float[] gh = new float[r * n];
        float[] hht = new float[r * r];
        Products.multiply(gDense, h, gh, r, r, n, Parallel.serial());
        Products.gramRows(h, r, n, hht);
        try (Parallel par = new Parallel(threads, 0)) {
            MaskedOps ops = new MaskedOps(c.support().intervals(), par);
            TileGramProduct product = new TileGramProduct(ops, r, n, rp);
            TileGramSum sum = new TileGramSum(ops, r, n);
            float[] tiledGh = new float[r * n];
            sum.clear();
            // Any pass over the tiles hands each tile's active rows to its action; the product is discarded.
            int kp = MaskedOps.paddedBins(17);
            ops.transATilesPadded(new float[r * kp], kp, new int[r], new int[r], MaskedOps.transposePadded(new float[17 * n], 17, n),
                    (n0, width, rows, from, to, count, tile, worker) -> {
                        float[] d = product.multiply(g, h, n0, width, rows, count, worker);
                        for (int i = 0; i < count; i++) {
                            System.arraycopy(d, i * MaskedOps.TILE, tiledGh, rows[i] * n + n0, width);
                        }
                        sum.add(h, n0, width, rows, count, worker);
                    });
            float[] tiledHht = new float[r * r];
            sum.sum(tiledHht);
            for (int i = 0; i < r; i++) {
                int[] x = c.support().intervals().ranges(i);
                for (int q = 0; q < x.length; q += 2) {
                    for (int j = x[q]; j < x[q + 1]; j++) {
                        assertEquals(gh[i * n + j], tiledGh[i * n + j], 1e-5 * r, "(WᵀW H)(" + i + "," + j + ")");
                    }
                }
            }
            for (int i = 0; i < r * r; i++) {
                assertEquals(hht[i], tiledHht[i], 1e-5 * n, "HHᵀ entry " + i);
            }
        }
    }
}
