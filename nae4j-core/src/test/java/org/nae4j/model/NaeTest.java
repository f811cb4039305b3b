package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;
import org.nae4j.Tolerance;
import org.nae4j.constraints.Constraints;

class NaeTest {
    private static final Method[] ADDITIVE = {Method.NAE_SGD, Method.NAE_ADAM, Method.NAE_RMSPROP};

    @Test
    void multiplicativeNaeNeverMakesAZeroEntryNonzero() {
        Problems.Problem p = Problems.random(50, 60, 5, 21);
        Constraints c = p.constraints();
        try (Workers par = Workers.create(2)) {
            NaeMultiplicative nae = new NaeMultiplicative(p.v(), c, NaeInit.RANDOM, 3, par);
            double first = error(p, nae, par);
            boolean[] zeroE = zeros(nae.encoder());
            boolean[] zeroD = zeros(nae.templates());
            for (int it = 0; it < 100; it++) {
                nae.step();
                assertStillZero(zeroE, nae.encoder(), "W_E", it);
                assertStillZero(zeroD, nae.templates(), "W_D", it);
                zeroE = zeros(nae.encoder());
                zeroD = zeros(nae.templates());
            }
            for (int i = 0; i < c.wc().length; i++) {
                if (c.wc()[i] == 0f) {
                    assertEquals(0f, nae.templates()[i]);
                }
            }
            for (int i = 0; i < c.hc().length; i++) {
                if (c.hc()[i] == 0f) {
                    assertEquals(0f, nae.activations()[i]);
                }
            }
            assertTrue(error(p, nae, par) < 0.8 * first, "the multiplicative NAE should fit V better than its start");
        }
    }

    @Test
    void additiveOptimizersKeepTheDecoderNonnegativeAndInsideTheTemplateConstraint() {
        Problems.Problem p = Problems.random(40, 50, 4, 8);
        Constraints c = p.constraints();
        for (Method m : ADDITIVE) {
            try (Workers par = Workers.serial()) {
                // A large learning rate pushes many entries below zero, which the projection must undo.
                Nae nae = new Nae(p.v(), c, NaeInit.RANDOM, 1, NaeOptions.DEFAULT.withLearningRate(0.05).optimizer(m), par);
                for (int it = 0; it < 50; it++) {
                    nae.step();
                    float[] wd = nae.templates();
                    for (int i = 0; i < wd.length; i++) {
                        assertTrue(wd[i] >= 0f, m + ": W_D negative at iteration " + it);
                        if (c.wc()[i] == 0f) {
                            assertEquals(0f, wd[i], m + ": W_D outside W^C at iteration " + it);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyMethodFitsBetterThanItsStartAndIsReproducible() {
        Problems.Problem p = Problems.random(60, 90, 5, 4);
        for (Method m : new Method[] {Method.NAE_MU, Method.NAE_SGD, Method.NAE_ADAM, Method.NAE_RMSPROP}) {
            DecompositionOptions o = new DecompositionOptions(m, 300, 7, 1, 50);
            DecompositionResult one = Decomposition.fit(p.v(), p.constraints(), o);
            DecompositionResult two = Decomposition.fit(p.v(), p.constraints(), o.withThreads(2));
            assertArrayEquals(one.w(), two.w(), m + ": W depends on the thread count");
            assertArrayEquals(one.encoder(), two.encoder(), m + ": W_E depends on the thread count");
            double[] l1 = one.history().columnL1();
            assertTrue(l1[l1.length - 1] < l1[0], m + ": error " + l1[l1.length - 1] + " not below the start " + l1[0]);
            assertEquals(7, one.history().size());
        }
    }

    @Test
    void savedEncoderReproducesTheSavedActivations() {
        Problems.Problem p = Problems.random(50, 70, 4, 12);
        Constraints c = p.constraints();
        DecompositionResult r = Decomposition.fit(p.v(), c, new DecompositionOptions(Method.NAE_RMSPROP, 100, 0, 1, 10));
        float[] h = new float[c.rank() * c.frames()];
        Nae.encode(r.encoder(), p.v(), c.support(), h, Workers.serial());
        Tolerance.assertClose(r.h(), h, 0, 1e-5 * Tolerance.maxAbs(r.h()), "H encoded from the saved W_E");
        for (int col = 0; col < c.rank(); col++) {
            double s = 0;
            for (int k = 0; k < c.bins(); k++) {
                s += r.w()[k * c.rank() + col];
            }
            assertEquals(1.0, s, 1e-5, "W_D column " + col + " is not l1-normalised");
        }
    }

    @Test
    void aCollapseIsReportedOnceWithTheDeadPitches() {
        Problems.Problem p = Problems.random(30, 40, 3, 2);
        // SGD with a huge step drives every encoder entry negative: all ReLUs die.
        DecompositionOptions o = new DecompositionOptions(Method.NAE_SGD, 30, 0, 1, 5)
                .withNae(NaeOptions.DEFAULT.withLearningRate(1e6));
        List<int[]> reports = new ArrayList<>();
        DecompositionResult r = Decomposition.fit(p.v(), p.constraints(), o, new ProgressListener() {
            @Override
            public void progress(int done, int total, double seconds) {
            }

            @Override
            public void collapse(int iteration, int[] pitches, int total) {
                assertEquals(3, total);
                reports.add(pitches);
            }
        });
        assertEquals(1, reports.size());
        assertArrayEquals(p.constraints().pitches(), reports.get(0));
        assertEquals(3, DeadPitches.rows(r.h(), p.constraints().hc(), 3, p.constraints().frames()).length);
    }

    @Test
    void literalInitIsRejectedByTheMultiplicativeRule() {
        Problems.Problem p = Problems.random(10, 10, 2, 1);
        assertThrows(IllegalArgumentException.class,
                () -> new NaeMultiplicative(p.v(), p.constraints(), NaeInit.LITERAL, 0, Workers.serial()));
    }

    @Test
    void learningRateDefaultsDependOnTheOptimizer() {
        assertEquals(0.1, NaeOptions.DEFAULT.learningRateFor(Method.NAE_SGD));
        assertEquals(1e-3, NaeOptions.DEFAULT.learningRateFor(Method.NAE_ADAM));
        assertEquals(1e-3, NaeOptions.DEFAULT.learningRateFor(Method.NAE_RMSPROP));
        assertEquals(0.5, NaeOptions.DEFAULT.withLearningRate(0.5).learningRateFor(Method.NAE_SGD));
        assertThrows(IllegalArgumentException.class, () -> NaeOptions.DEFAULT.withLearningRate(-1));
    }

    private static double error(Problems.Problem p, Factorization f, Workers par) {
        Constraints c = p.constraints();
        return Errors.of(p.v(), f.templates(), f.activations(), c.bins(), c.rank(), c.frames(), par).columnL1();
    }

    private static boolean[] zeros(float[] x) {
        boolean[] z = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] == 0f;
        }
        return z;
    }

    private static void assertStillZero(boolean[] wasZero, float[] x, String name, int it) {
        for (int i = 0; i < x.length; i++) {
            if (wasZero[i]) {
                assertEquals(0f, x[i], name + "[" + i + "] became nonzero at iteration " + it);
            }
        }
    }
}
