package org.nae4j.separation;

import org.nae4j.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;
import org.nae4j.audio.AudioLoader;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Method;
import org.nae4j.spectral.StftParams;

/** Separation by hand of a FluidSynth rendering whose hands were rendered separately (data/rendered). */
class RenderedPiecesTest {
    private static final Path SATIE = Path.of("../shared/data/rendered/satie-gymnopedie-no1-excerpt");
    /** Few iterations keep the test fast: measured SI-SDR left 14.6 dB, right 12.2 dB, as after 1000. */
    private static final int ITERATIONS = 50;
    /** The bar of issue #6 is 6 dB on average, 10 dB its aim; this piece should meet the aim for each hand. */
    private static final double MIN_SI_SDR_DB = 10;

    @Test
    void satieHandsReachTheBar() {
        SharedData.require(SATIE);
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        Analysis a = Analysis.of(SATIE.resolve("mix.wav"), SATIE.resolve("score.csv"), ConstraintOptions.DEFAULT);
        DecompositionResult r = Decomposition.fit(a.magnitude(), a.constraints(),
                DecompositionOptions.defaults(Method.NMF).withIterations(ITERATIONS));
        List<Source> out = Separation.separate(a, r, Grouping.byTrack(a.score()), MaskOptions.SOFT);
        for (Source s : out.subList(0, out.size() - 1)) {
            float[] reference = AudioLoader.loadMono(SATIE.resolve(s.name() + ".wav"), rate);
            assertEquals(reference.length, s.samples().length);
            double siSdr = Metrics.siSdr(s.samples(), reference);
            assertTrue(siSdr > MIN_SI_SDR_DB, s.name() + ": SI-SDR " + siSdr + " dB");
        }
    }
}
