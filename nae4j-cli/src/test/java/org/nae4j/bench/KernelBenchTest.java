package org.nae4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.model.Method;
import org.nae4j.model.Problems;

/** The benchmark times every method on both paths and finds them in agreement. */
class KernelBenchTest {
    @Test
    void everyMethodRunsOnBothPathsAndAgrees() {
        Problems.Problem p = Problems.random(70, 150, 6, 4);
        List<Method> all = List.of(Method.values());
        for (Method m : all) {
            assertTrue(KernelBench.supports(m), m.id());
        }
        List<KernelBench.Row> rows = KernelBench.run(p.v(), p.constraints(), all, new KernelBench.Timing(2, 1, 0), 2);
        assertEquals(all.size(), rows.size());
        for (KernelBench.Row r : rows) {
            assertTrue(r.denseMs() > 0 && r.maskedMs() > 0, r.method().id());
            assertTrue(r.maxRelDiff() < 1e-4, r.method().id() + ": " + r.maxRelDiff());
            assertTrue(r.usefulGflop() > 0 && r.usefulGflop() < r.denseGflop(), r.method().id());
            assertTrue(r.limit() > 1, r.method().id());
        }
    }
}
