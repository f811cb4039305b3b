package org.nae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nae4j.constraints.Constraints;
import org.nae4j.optim.Sgd;

/** The analytic gradients of method §4 against central finite differences, in double precision. */
class NaeGradientTest {
    private static final double STEP = 1e-6;
    private static final double FD_TOLERANCE = 1e-5;
    /** The float model against the double reference: float32 rounding of sums over K and N. */
    private static final double FLOAT_TOLERANCE = 1e-3;

    /** A double-precision reference of the additive NAE's loss and gradients. */
    record Reference(double[] v, double[] hc, int k, int n, int r) {
        double[] hidden(double[] we) {
            double[] h = new double[r * n];
            for (int c = 0; c < r; c++) {
                for (int j = 0; j < n; j++) {
                    double z = 0;
                    for (int p = 0; p < k; p++) {
                        z += we[c * k + p] * v[p * n + j];
                    }
                    h[c * n + j] = hc[c * n + j] * Math.max(z, 0);
                }
            }
            return h;
        }

        double[] error(double[] we, double[] wd) {
            double[] h = hidden(we);
            double[] e = new double[k * n];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    double x = -v[p * n + j];
                    for (int c = 0; c < r; c++) {
                        x += wd[p * r + c] * h[c * n + j];
                    }
                    e[p * n + j] = x;
                }
            }
            return e;
        }

        double loss(double[] we, double[] wd) {
            double s = 0;
            for (double x : error(we, wd)) {
                s += x * x;
            }
            return s / (k * n);
        }

        /** {G_E (R×K), G_D (K×R)} by the formulas of method §4. */
        double[][] gradients(double[] we, double[] wd) {
            double[] h = hidden(we);
            double[] e = error(we, wd);
            double scale = 2.0 / (k * n);
            double[] gd = new double[k * r];
            double[] ge = new double[r * k];
            for (int p = 0; p < k; p++) {
                for (int c = 0; c < r; c++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += e[p * n + j] * h[c * n + j];
                    }
                    gd[p * r + c] = scale * s;
                }
            }
            for (int c = 0; c < r; c++) {
                for (int j = 0; j < n; j++) {
                    double z = 0;
                    for (int p = 0; p < k; p++) {
                        z += we[c * k + p] * v[p * n + j];
                    }
                    if (hc[c * n + j] == 0 || z <= 0) {
                        continue;
                    }
                    double gh = 0;
                    for (int p = 0; p < k; p++) {
                        gh += wd[p * r + c] * e[p * n + j];
                    }
                    for (int p = 0; p < k; p++) {
                        ge[c * k + p] += scale * gh * v[p * n + j];
                    }
                }
            }
            return new double[][] {ge, gd};
        }
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    /** A small problem whose encoder has negative entries, so that some ReLUs inside H^C are inactive. */
    private static Nae mixedSignModel(Problems.Problem p, long seed, Workers par) {
        Constraints c = p.constraints();
        Nae nae = new Nae(p.v(), c, NaeInit.RANDOM, seed, Sgd.factory(0.1), par);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] we = nae.encoder();
        for (int i = 0; i < we.length; i++) {
            we[i] = (float) (rnd.nextDouble() - 0.5);
        }
        float[] wd = nae.templates();
        for (int i = 0; i < wd.length; i++) {
            wd[i] = c.wc()[i] * (float) rnd.nextDouble();
        }
        nae.forward();
        return nae;
    }

    @Test
    void analyticGradientsMatchCentralDifferences() {
        for (long seed = 1; seed <= 3; seed++) {
            Problems.Problem p = Problems.random(12, 20, 3, seed);
            Constraints c = p.constraints();
            Nae nae = mixedSignModel(p, seed, Workers.serial());
            Reference ref = new Reference(toDouble(p.v()), toDouble(c.hc()), c.bins(), c.frames(), c.rank());
            double[] we = toDouble(nae.encoder());
            double[] wd = toDouble(nae.templates());
            assertInactiveAndActiveUnits(ref, we);
            double[][] g = ref.gradients(we, wd);
            checkAgainstDifferences(g[0], we, () -> ref.loss(we, wd), "G_E seed " + seed);
            checkAgainstDifferences(g[1], wd, () -> ref.loss(we, wd), "G_D seed " + seed);
        }
    }

    @Test
    void floatGradientsAndLossMatchTheDoubleReference() {
        Problems.Problem p = Problems.random(20, 30, 4, 5);
        Constraints c = p.constraints();
        try (Workers par = Workers.create(2)) {
            Nae nae = mixedSignModel(p, 5, par);
            Reference ref = new Reference(toDouble(p.v()), toDouble(c.hc()), c.bins(), c.frames(), c.rank());
            double[] we = toDouble(nae.encoder());
            double[] wd = toDouble(nae.templates());
            assertInactiveAndActiveUnits(ref, we);
            double loss = nae.gradients();
            assertEquals(ref.loss(we, wd), loss, 1e-5 * loss);
            double[][] g = ref.gradients(we, wd);
            assertClose(g[0], nae.encoderGradient(), FLOAT_TOLERANCE, "G_E");
            assertClose(g[1], nae.decoderGradient(), FLOAT_TOLERANCE, "G_D");
        }
    }

    private static void assertInactiveAndActiveUnits(Reference ref, double[] we) {
        int inactive = 0;
        int active = 0;
        double[] h = ref.hidden(we);
        for (int i = 0; i < h.length; i++) {
            if (ref.hc()[i] != 0) {
                if (h[i] == 0) {
                    inactive++;
                } else {
                    active++;
                }
            }
        }
        assertTrue(inactive > 0 && active > 0, "the test needs both inactive (" + inactive + ") and active ("
                + active + ") units inside H^C");
    }

    private static void checkAgainstDifferences(double[] g, double[] x, java.util.function.DoubleSupplier loss,
                                                String name) {
        double max = 0;
        for (double gi : g) {
            max = Math.max(max, Math.abs(gi));
        }
        assertTrue(max > 0, name + " is all zero");
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            double dx = STEP * Math.max(1, Math.abs(keep));
            x[i] = keep + dx;
            double up = loss.getAsDouble();
            x[i] = keep - dx;
            double down = loss.getAsDouble();
            x[i] = keep;
            double fd = (up - down) / (2 * dx);
            double err = Math.abs(fd - g[i]) / Math.max(Math.max(Math.abs(fd), Math.abs(g[i])), 1e-3 * max);
            assertTrue(err < FD_TOLERANCE, name + "[" + i + "]: analytic " + g[i] + ", central difference " + fd
                    + ", relative error " + err);
        }
    }

    private static void assertClose(double[] expected, float[] actual, double tol, String name) {
        double max = 0;
        for (double e : expected) {
            max = Math.max(max, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]) / Math.max(Math.abs(expected[i]), 1e-3 * max);
            assertTrue(err < tol, name + "[" + i + "]: float " + actual[i] + ", double " + expected[i]);
        }
    }
}
