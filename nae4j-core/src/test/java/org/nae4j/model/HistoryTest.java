package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final Errors ANY = new Errors(1, 0.5, 2);

    @Test
    void theSteadyRateLeavesTheWarmUpOut() {
        History h = new History();
        h.add(0, 0, ANY);
        // 100 slow iterations (5 ms each: the JIT's warm-up), then 900 at 1 ms each.
        h.add(100, 0.5, ANY);
        for (int it = 200; it <= 1000; it += 100) {
            h.add(it, 0.5 + (it - 100) * 1e-3, ANY);
        }
        assertEquals(1.0, h.steadyMsPerIteration(), 1e-9);
    }

    @Test
    void tooFewPointsGiveNoRate() {
        History h = new History();
        assertTrue(Double.isNaN(h.steadyMsPerIteration()));
        h.add(0, 0, ANY);
        assertTrue(Double.isNaN(h.steadyMsPerIteration()));
        h.add(10, 0.02, ANY);
        assertEquals(2.0, h.steadyMsPerIteration(), 1e-9);
    }
}
