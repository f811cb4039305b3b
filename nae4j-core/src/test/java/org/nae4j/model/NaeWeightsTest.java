package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;

class NaeWeightsTest {
    private static final int K = 40;
    private static final int N = 60;
    private static final int R = 4;

    private static DecompositionResult trained(Method m, Problems.Problem p) {
        return Decomposition.fit(p.v(), p.constraints(), DecompositionOptions.defaults(m).withIterations(30));
    }

    @Test
    void startingFromAModelReproducesItsReconstruction() {
        Problems.Problem p = Problems.random(K, N, R, 7);
        for (Method m : new Method[] {Method.NAE_ADAM, Method.NAE_MU}) {
            DecompositionResult r = trained(m, p);
            NaeWeights start = new NaeWeights(r.encoder(), r.w(), K, R).balanced();
            DecompositionResult again = Decomposition.fit(p.v(), p.constraints(),
                    DecompositionOptions.defaults(m).withIterations(0), start, ProgressListener.NONE);
            // Balancing rescales W_D's columns and W_E's rows, not V̂ = W_D ReLU(W_E V).
            assertArrayEquals(r.approximation(), again.approximation(), 1e-4f * max(r.approximation()), m.id());
        }
    }

    @Test
    void trainingOnFromAModelLowersTheErrorOnAnotherProblem() {
        Problems.Problem a = Problems.random(K, N, R, 7);
        Problems.Problem b = Problems.random(K, N, R, 8);
        DecompositionResult r = trained(Method.NAE_ADAM, a);
        NaeWeights start = new NaeWeights(r.encoder(), r.w(), K, R).balanced();
        DecompositionOptions o = DecompositionOptions.defaults(Method.NAE_ADAM).withIterations(50);
        DecompositionResult adapted = Decomposition.fit(b.v(), b.constraints(), o, start, ProgressListener.NONE);
        double before = adapted.history().columnL1()[0];
        assertTrue(adapted.errors().columnL1() < 0.9 * before, before + " -> " + adapted.errors().columnL1());
        DecompositionResult twice = Decomposition.fit(b.v(), b.constraints(), o, start, ProgressListener.NONE);
        assertArrayEquals(adapted.w(), twice.w());
    }

    @Test
    void wrongStartsAreRefused() {
        Problems.Problem p = Problems.random(K, N, R, 7);
        float[] neg = new float[K * R];
        neg[0] = -1;
        NaeWeights negative = new NaeWeights(neg, new float[K * R], K, R);
        assertThrows(IllegalArgumentException.class, () -> Decomposition.fit(p.v(), p.constraints(),
                DecompositionOptions.defaults(Method.NAE_MU).withIterations(1), negative, ProgressListener.NONE));
        NaeWeights small = new NaeWeights(new float[(K - 1) * R], new float[(K - 1) * R], K - 1, R);
        assertThrows(IllegalArgumentException.class, () -> Decomposition.fit(p.v(), p.constraints(),
                DecompositionOptions.defaults(Method.NAE_ADAM).withIterations(1), small, ProgressListener.NONE));
        NaeWeights ok = new NaeWeights(new float[K * R], new float[K * R], K, R);
        assertThrows(IllegalArgumentException.class, () -> Decomposition.fit(p.v(), p.constraints(),
                DecompositionOptions.defaults(Method.NMF).withIterations(1), ok, ProgressListener.NONE));
        assertThrows(IllegalArgumentException.class, () -> new NaeWeights(new float[3], new float[K * R], K, R));
        assertEquals(false, negative.nonnegative());
    }

    private static float max(float[] x) {
        float m = 0;
        for (float y : x) {
            m = Math.max(m, y);
        }
        return m;
    }
}
