package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;

class NmfTest {
    @Test
    void lossNeverIncreasesAndZerosStayZero() {
        Problems.Problem p = Problems.random(60, 80, 6, 7);
        var c = p.constraints();
        try (Workers par = Workers.create(2)) {
            Nmf nmf = new Nmf(p.v(), c, par);
            double prev = Errors.of(p.v(), nmf.templates(), nmf.activations(), c.bins(), c.rank(), c.frames(), par).frobenius();
            for (int it = 0; it < 200; it++) {
                nmf.step();
                double f = Errors.of(p.v(), nmf.templates(), nmf.activations(), c.bins(), c.rank(), c.frames(), par).frobenius();
                assertTrue(f <= prev * (1 + 1e-5), "iteration " + it + ": " + f + " > " + prev);
                prev = f;
            }
            for (int i = 0; i < c.wc().length; i++) {
                if (c.wc()[i] == 0f) {
                    assertEquals(0f, nmf.templates()[i]);
                }
            }
            for (int i = 0; i < c.hc().length; i++) {
                if (c.hc()[i] == 0f) {
                    assertEquals(0f, nmf.activations()[i]);
                }
            }
        }
    }

    @Test
    void normalisationLeavesTheReconstructionUnchanged() {
        Problems.Problem p = Problems.random(40, 50, 5, 3);
        var c = p.constraints();
        try (Workers par = Workers.serial()) {
            Nmf nmf = new Nmf(p.v(), c, par);
            for (int it = 0; it < 20; it++) {
                nmf.step();
            }
            float[][] wh = Normalization.l1Columns(nmf.templates(), nmf.activations(), c.bins(), c.rank(), c.frames());
            Errors before = Errors.of(p.v(), nmf.templates(), nmf.activations(), c.bins(), c.rank(), c.frames(), par);
            Errors after = Errors.of(p.v(), wh[0], wh[1], c.bins(), c.rank(), c.frames(), par);
            assertEquals(before.columnL1(), after.columnL1(), 1e-5 * before.columnL1());
            for (int col = 0; col < c.rank(); col++) {
                double s = 0;
                for (int k = 0; k < c.bins(); k++) {
                    s += wh[0][k * c.rank() + col];
                }
                assertEquals(1.0, s, 1e-5);
            }
        }
    }

    @Test
    void allZeroColumnStaysZeroWithoutNaN() {
        float[] w = {0, 1, 0, 3};
        float[] h = {5, 6, 1, 1};
        float[][] wh = Normalization.l1Columns(w, h, 2, 2, 2);
        assertEquals(0f, wh[0][0]);
        assertEquals(0f, wh[0][2]);
        assertEquals(5f, wh[1][0]);
        assertEquals(0.25f, wh[0][1]);
        assertEquals(4f, wh[1][2]);
    }

    @Test
    void resultsDoNotDependOnThreads() {
        Problems.Problem p = Problems.random(70, 300, 4, 11);
        DecompositionOptions o = DecompositionOptions.defaults(Method.NMF).withIterations(30);
        DecompositionResult one = Decomposition.fit(p.v(), p.constraints(), o);
        DecompositionResult two = Decomposition.fit(p.v(), p.constraints(), o.withThreads(2));
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.w(), two.w());
        org.junit.jupiter.api.Assertions.assertArrayEquals(one.h(), two.h());
        assertEquals(4, one.history().size());
    }
}
