package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;
import org.nae4j.Results;
import org.nae4j.model.Acceleration;
import org.nae4j.model.Errors;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Method;
import org.nae4j.model.Nmf;
import org.nae4j.model.Workers;
import org.nae4j.score.Examples;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;

/** Uses nae4j-core the way another project would: public API only, nothing from nae4j-plot or nae4j-cli. */
class ConsumerTest {

    @Test
    void decomposesTheBundledExampleThroughThePublicApi(@TempDir Path tmp) {
        Score score = Examples.bundledScore();
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        float[] samples = Synth.render(score, rate, SynthOptions.DEFAULT);

        Analysis a = Analysis.of(samples, rate, score);
        DecompositionOptions options = DecompositionOptions.defaults(Method.NMF).withIterations(20);
        DecompositionResult r = Decomposition.fit(a.magnitude(), a.constraints(), options);

        assertEquals(score.pitches().length, r.rank());
        assertTrue(Double.isFinite(r.errors().relativeL1()), "relative error " + r.errors().relativeL1());
        assertTrue(r.errors().relativeL1() < 1.0, "relative error " + r.errors().relativeL1());

        Path out = tmp.resolve("results");
        Results.write(out, r);
        for (String f : new String[]{"W.npy", "H.npy", "pitches.csv", "history.csv", "summary.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " in " + out);
        }
    }

    @Test
    void stepsAModelOnItsOwnThreads() {
        Score score = Examples.bundledScore();
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        Analysis a = Analysis.of(Synth.render(score, rate, SynthOptions.DEFAULT), rate, score);
        var c = a.constraints();
        try (Workers workers = Workers.create(2)) {
            Nmf nmf = new Nmf(a.magnitude(), c, workers, KernelChoice.AUTO, Acceleration.DEFAULT);
            double before = Errors.of(a.magnitude(), nmf.templates(), nmf.activations(), c.bins(), c.rank(),
                    c.frames(), workers).frobenius();
            for (int i = 0; i < 10; i++) {
                nmf.step();
            }
            double after = Errors.of(a.magnitude(), nmf.templates(), nmf.activations(), c.bins(), c.rank(),
                    c.frames(), workers).frobenius();
            assertTrue(after < before, "loss " + after + " after 10 iterations, " + before + " before");
        }
    }
}
