package org.nae4j.alignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DtwTest {
    private static final double FRAME = 0.02;

    /** Features whose frame t has chroma of pitch class classes[t] (unit vector) and no onsets. */
    private static Features ofClasses(int[] classes) {
        int n = classes.length;
        float[] chroma = new float[Features.CLASSES * n];
        for (int t = 0; t < n; t++) {
            chroma[classes[t] * n + t] = 1;
        }
        return new Features(chroma, new float[Features.CLASSES * n], n, FRAME);
    }

    /** A random melody of segments with random lengths, and the same melody with other lengths. */
    private static int[][] warpedPair(int segments, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] a = new int[0];
        int[] b = new int[0];
        int previous = -1;
        for (int s = 0; s < segments; s++) {
            int c;
            do {
                c = rnd.nextInt(Features.CLASSES);
            } while (c == previous);
            previous = c;
            int la = 5 + rnd.nextInt(20);
            int lb = Math.max(1, (int) Math.round(la * (0.7 + 0.6 * rnd.nextDouble())));
            a = append(a, c, la);
            b = append(b, c, lb);
        }
        return new int[][]{a, b};
    }

    private static int[] append(int[] x, int value, int count) {
        int[] out = Arrays.copyOf(x, x.length + count);
        Arrays.fill(out, x.length, out.length, value);
        return out;
    }

    @Test
    void plainDtwFindsTheObviousPath() {
        // rows: C C D, columns: C D D → (0,0) (1,0) (2,1) (2,2)
        Features rows = ofClasses(new int[]{0, 0, 2});
        Features cols = ofClasses(new int[]{0, 2, 2});
        Dtw.Path p = Dtw.multiscale(rows, cols, AlignOptions.DEFAULT);
        assertArrayEquals(new int[]{0, 1, 2, 2}, p.rows());
        assertArrayEquals(new int[]{0, 0, 1, 2}, p.cols());
        assertEquals(0, p.cost(), 1e-9);
        assertEquals(1, p.levels());
    }

    @Test
    void multiscaleMatchesTheWarpAndStaysInLinearMemory() {
        int[][] pair = warpedPair(700, 3);
        Features rows = ofClasses(pair[0]);
        Features cols = ofClasses(pair[1]);
        long product = (long) rows.frames() * cols.frames();
        assertTrue(product > Dtw.FULL_CELLS, "the test must need more than one level");
        Dtw.Path p = Dtw.multiscale(rows, cols, AlignOptions.DEFAULT);
        assertTrue(p.levels() >= 2);
        // Every segment is found: the path only joins frames of the same class.
        for (int k = 0; k < p.rows().length; k++) {
            int i = p.rows()[k];
            int j = p.cols()[k];
            if (pair[0][i] != pair[1][j]) {
                // Allowed only at a segment boundary, where one side must wait one frame.
                assertTrue(i > 0 && pair[0][i - 1] == pair[1][j] || j > 0 && pair[0][i] == pair[1][j - 1],
                        "path point " + k + " joins different classes inside segments");
            }
        }
        assertTrue(p.peakCells() < product / 20, "peak cells " + p.peakCells() + " of " + product);
        new WarpingPath(p.rows(), p.cols(), FRAME); // validates start, steps and monotonicity
    }

    @Test
    void bandIsMonotoneConnectedAndCoversTheCoarsePath() {
        Dtw.Path coarse = new Dtw.Path(new int[]{0, 1, 1, 2, 3}, new int[]{0, 0, 1, 2, 2}, 0, 0, 0, 1);
        Dtw.Band band = Dtw.project(coarse, 4, 1, 15, 11);
        int[] lo = band.lo();
        int[] hi = band.hi();
        assertEquals(0, lo[0]);
        assertEquals(10, hi[14]);
        for (int i = 1; i < lo.length; i++) {
            assertTrue(lo[i] >= lo[i - 1] && hi[i] >= hi[i - 1], "monotone at row " + i);
            assertTrue(lo[i] <= hi[i - 1] + 1, "connected at row " + i);
        }
        for (int k = 0; k < coarse.rows().length; k++) {
            for (int i = coarse.rows()[k] * 4; i < Math.min(15, coarse.rows()[k] * 4 + 4); i++) {
                assertTrue(lo[i] <= coarse.cols()[k] * 4 && hi[i] >= Math.min(10, coarse.cols()[k] * 4 + 3));
            }
        }
    }
}
