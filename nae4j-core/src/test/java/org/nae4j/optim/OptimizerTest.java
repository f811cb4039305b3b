package org.nae4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Two steps on a 2×2 parameter matrix against a hand computation (Keras' formulas, in double precision).
 * Step 1 of Adam and RMSprop moves each entry by about lr·sign(g) (by exactly lr/√(1−ρ) for RMSprop);
 * a zero gradient moves nothing.
 */
class OptimizerTest {
    private static final float[] START = {1f, 2f, -1f, 0.5f};
    private static final float[] G1 = {0.1f, -0.2f, 0.3f, 0f};
    private static final float[] G2 = {-0.05f, 0.4f, 0.3f, 1f};
    private static final double LR = 0.01;
    /** float32 state against the double hand computation. */
    private static final float TOL = 2e-6f;

    @Test
    void sgdStepsAreLearningRateTimesGradient() {
        float[] p = START.clone();
        Optimizer o = new Sgd(LR, 4);
        o.step(p, G1);
        o.step(p, G2);
        assertArrayEquals(new float[] {1 - 0.01f * 0.05f, 2 - 0.01f * 0.2f, -1 - 0.01f * 0.6f, 0.5f - 0.01f},
                p, TOL);
    }

    @Test
    void adamMatchesTheHandComputation() {
        float[] p = START.clone();
        Optimizer o = new Adam(LR, 0.9, 0.999, 1e-7, 4);
        o.step(p, G1);
        // m = 0.1 g, v = 0.001 g², lr_1 = lr·√0.001/0.1: each entry moves by lr·sign(g) (up to ε̂).
        assertArrayEquals(new float[] {0.9900003162f, 2.0099998419f, -1.0099998946f, 0.5f}, p, TOL);
        o.step(p, G2);
        assertArrayEquals(new float[] {0.9873370212f, 2.0063388325f, -1.0199998200f, 0.4925586553f}, p, TOL);
    }

    @Test
    void rmsPropMatchesTheHandComputation() {
        float[] p = START.clone();
        Optimizer o = new RmsProp(LR, 0.9, 1e-7, 4);
        o.step(p, G1);
        // v = 0.1 g²: each entry moves by lr/√0.1 = 0.0316228 against the sign of g.
        assertArrayEquals(new float[] {0.9683773234f, 2.0316227266f, -1.0316227433f, 0.5f}, p, TOL);
        o.step(p, G2);
        assertArrayEquals(new float[] {0.9831214755f, 2.0030513184f, -1.0545642991f, 0.4683772334f}, p, TOL);
    }

    @Test
    void stateIsPerParameterArray() {
        Optimizer.Factory f = Adam.factory(LR, 0.9, 0.999, 1e-7);
        float[] a = START.clone();
        float[] b = START.clone();
        Optimizer oa = f.create(4);
        Optimizer ob = f.create(4);
        oa.step(a, G1);
        oa.step(a, G2);
        ob.step(b, G1);
        ob.step(b, G2);
        assertArrayEquals(a, b);
        assertThrows(IllegalArgumentException.class, () -> f.create(3).step(START.clone(), G1));
    }

    @Test
    void invalidHyperparametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Adam.factory(LR, 1.0, 0.999, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> RmsProp.factory(LR, 0.9, 0));
        assertThrows(IllegalArgumentException.class, () -> RmsProp.factory(Double.NaN, 0.9, 1e-7));
    }
}
