package org.nae4j.bench;

import org.nae4j.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.Analysis;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Method;

/**
 * On a real recording and its score, the mask-aware path gives the dense path's reconstruction after 100
 * iterations of every method: max |V̂_dense − V̂_masked| / max |V̂_dense| below 1e-4 (the criterion of the
 * fast-kernels issue). Skipped when ../shared/data is absent.
 */
class SharedDataAgreementTest {
    private static final Path PIECE = Path.of("../shared/data/rendered/mozart-k545-mvt1-excerpt");
    private static final double MAX_RELATIVE = 1e-4;
    /** The bench's warm-up plus its five rounds of ten: 100 iterations per path. */
    private static final int WARMUP = 50;
    private static final int ROUND = 10;

    @Test
    void maskedAndDenseAgreeAfterHundredIterations() throws IOException {
        Path audio = PIECE.resolve("mix.wav");
        Path score = PIECE.resolve("score.csv");
        SharedData.require(PIECE, Files.isRegularFile(audio) && Files.isRegularFile(score));
        assertEquals(100, WARMUP + KernelBench.ROUNDS * ROUND);
        Analysis a = Analysis.of(audio, score, ConstraintOptions.DEFAULT);
        List<Method> all = List.of(Method.values());
        List<KernelBench.Row> rows = KernelBench.run(a.magnitude(), a.constraints(), all,
                new KernelBench.Timing(ROUND, WARMUP, 0), 2);
        assertEquals(all.size(), rows.size());
        for (KernelBench.Row r : rows) {
            assertTrue(r.maxRelDiff() < MAX_RELATIVE, r.method().id() + ": max relative difference " + r.maxRelDiff());
        }
    }
}
