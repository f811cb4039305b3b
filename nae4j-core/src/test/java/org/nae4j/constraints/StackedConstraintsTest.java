package org.nae4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackedConstraintsTest {
    private static Constraints of(int k, int n, int[] pitches, int[][] bands, int[][] intervals) {
        Support s = new Support(k, n, bands, intervals);
        return new Constraints(s.templateMask(), s.activationMask(), k, n, pitches, s);
    }

    @Test
    void pitchesAreUnitedAndEachPerformanceKeepsItsFrames() {
        Constraints a = of(6, 4, new int[] {60, 64}, new int[][] {{0, 2}, {3, 4}}, new int[][] {{0, 4}, {1, 2}});
        Constraints b = of(6, 3, new int[] {60, 67}, new int[][] {{1, 3}, {5, 6}}, new int[][] {{1, 3}, {0, 3}});
        Constraints s = StackedConstraints.of(List.of(a, b));
        assertArrayEquals(new int[] {60, 64, 67}, s.pitches());
        assertEquals(6, s.bins());
        assertEquals(7, s.frames());
        // Pitch 60: the union of both performances' bands; the others as their one performance has them.
        assertArrayEquals(new int[] {0, 3}, s.support().bands().ranges(0));
        assertArrayEquals(new int[] {3, 4}, s.support().bands().ranges(1));
        assertArrayEquals(new int[] {5, 6}, s.support().bands().ranges(2));
        // H^C side by side: B's frames start at 4; a pitch a performance does not play is off in its frames.
        assertArrayEquals(new float[] {1, 1, 1, 1, 0, 1, 1}, row(s.hc(), 0, 7));
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 0}, row(s.hc(), 1, 7));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1}, row(s.hc(), 2, 7));
    }

    @Test
    void performancesMustShareTheFrequencyAxis() {
        Constraints a = of(6, 4, new int[] {60}, new int[][] {{0, 2}}, new int[][] {{0, 4}});
        Constraints b = of(5, 4, new int[] {60}, new int[][] {{0, 2}}, new int[][] {{0, 4}});
        assertThrows(IllegalArgumentException.class, () -> StackedConstraints.of(List.of(a, b)));
        assertThrows(IllegalArgumentException.class, () -> StackedConstraints.of(List.of()));
    }

    private static float[] row(float[] m, int r, int n) {
        return java.util.Arrays.copyOfRange(m, r * n, (r + 1) * n);
    }
}
