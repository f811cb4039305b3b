package org.nae4j.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeMapTest {
    @Test
    void interpolatesBetweenKnotsAndContinuesWithSlopeOne() {
        TimeMap m = new TimeMap(new double[]{1, 2, 4}, new double[]{2, 4, 5});
        assertEquals(3, m.apply(1.5), 1e-12);
        assertEquals(4.5, m.apply(3), 1e-12);
        assertEquals(7, m.apply(6), 1e-12);
        assertEquals(1.5, m.apply(0.5), 1e-12);
        assertEquals(0, new TimeMap(new double[]{5}, new double[]{1}).apply(0), "clamped at 0 s");
    }

    @Test
    void mapOfAPathIsStrictlyIncreasingAndAveragesRuns() {
        // Score frames 0,1,2,3,3,3,4 against audio 0,1,1,2,3,4,5: score frame 3 is held over audio 2..4,
        // and score frames 1 and 2 fall on the same audio frame.
        WarpingPath p = new WarpingPath(new int[]{0, 1, 2, 3, 3, 3, 4}, new int[]{0, 1, 1, 2, 3, 4, 5}, 0.5);
        TimeMap m = TimeMap.of(p);
        double[] s = m.scoreKnots();
        double[] a = m.audioKnots();
        for (int k = 1; k < s.length; k++) {
            assertTrue(s[k] > s[k - 1] && a[k] > a[k - 1]);
        }
        assertEquals(0.5, m.apply(0.75), 1e-12, "frames 1 and 2 become one knot at score 0.75 s");
        assertEquals(1.5, m.apply(1.5), 1e-12, "frame 3 goes to the mean of audio frames 2..4");
        assertEquals(2.5, m.apply(2.0), 1e-12);
    }

    @Test
    void refusesKnotsThatGoBack() {
        assertThrows(IllegalArgumentException.class, () -> new TimeMap(new double[]{1, 1}, new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new TimeMap(new double[]{1, 2}, new double[]{2, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new WarpingPath(new int[]{0, 2}, new int[]{0, 1}, 0.02));
    }
}
