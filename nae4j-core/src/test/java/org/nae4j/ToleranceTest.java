package org.nae4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The shared tolerance helper means what numpy.allclose means: the tests that use it depend on that. */
class ToleranceTest {
    @Test
    void assertCloseAllowsAtolPlusRtolTimesTheExpectedValue() {
        float[] expected = {100f, -2f, 0f};
        assertDoesNotThrow(() -> Tolerance.assertClose(expected, new float[] {101f, -2.5f, 0.5f}, 0.01, 0.5, "x"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Tolerance.assertClose(expected, new float[] {101f, -2.5f, 0.75f}, 0.01, 0.5, "x"));
        assertTrue(e.getMessage().startsWith("x: element 2 is 0.75"), e.getMessage());
        assertThrows(AssertionFailedError.class,
                () -> Tolerance.assertClose(expected, new float[] {101.6f, -2f, 0f}, 0.01, 0.5, "x"));
    }

    @Test
    void nanAndALengthMismatchAreNeverClose() {
        assertThrows(AssertionFailedError.class,
                () -> Tolerance.assertClose(new float[] {1f}, new float[] {Float.NaN}, 1, 1, "x"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerance.assertClose(new float[] {Float.NaN}, new float[] {Float.NaN}, 1, 1, "x"));
        assertThrows(AssertionFailedError.class,
                () -> Tolerance.assertClose(new float[] {1f}, new float[] {1f, 1f}, 1, 1, "x"));
        assertDoesNotThrow(() -> Tolerance.assertClose(new float[] {Float.POSITIVE_INFINITY},
                new float[] {Float.POSITIVE_INFINITY}, 0, 0, "x"));
    }

    @Test
    void relativeDifferenceIsTheRelativeL2Error() {
        assertEquals(0.2, Tolerance.relativeDifference(new float[] {3f, 4f}, new float[] {3f, 5f}), 1e-12);
        assertEquals(5.0, Tolerance.maxAbs(new float[] {1f, -5f, 2f}));
    }
}
