package org.nae4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoolingTest {
    @Test
    void maxPoolingKeepsTheLargestValueOfEachBlock() {
        float[] v = {
            1, 9, 2, 3, 0,
            4, 0, 0, 8, 7,
            0, 0, 6, 0, 0};
        // 3 rows → 2 blocks {0, 1}, {2}; 5 columns → 2 blocks {0, 1, 2}, {3, 4}.
        assertArrayEquals(new float[] {9, 8, 6, 0}, Pooling.pool(v, 3, 5, 2, 2, false));
    }

    @Test
    void magnitudePoolingKeepsTheSignOfTheLargestDifference() {
        float[] v = {1, -5, 2, 3};
        assertArrayEquals(new float[] {-5}, Pooling.pool(v, 1, 4, 1, 1, true));
        assertArrayEquals(new float[] {3}, Pooling.pool(v, 1, 4, 1, 1, false));
        assertArrayEquals(new float[] {-5, 3}, Pooling.pool(v, 1, 4, 1, 2, true));
    }

    @Test
    void sameSizeIsTheIdentityAndGrowingIsRefused() {
        float[] v = {3, -1, 4, 1, -5, 9};
        assertArrayEquals(v, Pooling.pool(v, 2, 3, 2, 3, true));
        assertThrows(IllegalArgumentException.class, () -> Pooling.pool(v, 2, 3, 3, 3, false));
    }
}
