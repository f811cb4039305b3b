package org.nae4j;

import org.nae4j.constraints.Constraints;
import org.nae4j.model.Autoencoder;
import org.nae4j.model.Workers;
import org.nae4j.model.DeadPitches;
import org.nae4j.model.Errors;
import org.nae4j.model.Factorization;
import org.nae4j.model.History;
import org.nae4j.model.Nae;
import org.nae4j.model.NaeMultiplicative;
import org.nae4j.model.NaeWeights;
import org.nae4j.model.Nmf;
import org.nae4j.model.Normalization;
import org.nae4j.model.ProgressListener;

/**
 * The library's entry point: decomposes a magnitude spectrogram under score constraints.
 *
 * <pre>{@code
 * Analysis a = Analysis.of(Path.of("mix.wav"), Path.of("score.csv"), ConstraintOptions.DEFAULT);
 * DecompositionResult r = Decomposition.fit(a.magnitude(), a.constraints(),
 *         DecompositionOptions.defaults(Method.NMF).withIterations(1000));
 * float[] w = r.w();   // K×R templates, ℓ1-normalised columns
 * float[] h = r.h();   // R×N activations
 * }</pre>
 */
public final class Decomposition {
    private Decomposition() {
    }

    /** Runs {@code options.method()} without progress reports. */
    public static DecompositionResult fit(float[] v, Constraints c, DecompositionOptions options) {
        return fit(v, c, options, ProgressListener.NONE);
    }

    /**
     * Runs the method for the given number of iterations, recording the errors every
     * {@code options.historyEvery()} iterations, and returns ℓ1-normalised factors.
     *
     * @param v        magnitude spectrogram V, K×N row-major, finite and ≥ 0 (not modified)
     * @param c        the score constraints (their K and N must match V)
     * @param options  method, iterations, seed and threads
     * @param progress receives progress after every iteration
     */
    public static DecompositionResult fit(float[] v, Constraints c, DecompositionOptions options,
                                          ProgressListener progress) {
        return fit(v, c, options, null, progress);
    }

    /**
     * As {@link #fit(float[], Constraints, DecompositionOptions, ProgressListener)}, but an autoencoder method
     * starts from {@code start} (e.g. a model trained on another recording of the piece, to refine it on this
     * one) instead of {@code options.nae().init()}; null starts as usual.
     *
     * @throws IllegalArgumentException if {@code start} is given for NMF, its shape is not K×R, or it has
     *                                  negative entries for the multiplicative autoencoder
     */
    public static DecompositionResult fit(float[] v, Constraints c, DecompositionOptions options, NaeWeights start,
                                          ProgressListener progress) {
        if (start != null && !options.method().hasEncoder()) {
            throw new IllegalArgumentException(options.method().id() + " has no encoder to start from trained weights");
        }
        int k = c.bins();
        int n = c.frames();
        int r = c.rank();
        if (v.length != k * n) {
            throw new IllegalArgumentException("V has " + v.length + " entries but the constraints are for K×N = "
                    + k + "×" + n);
        }
        try (Workers par = Workers.create(options.threads())) {
            Factorization model = start == null ? create(v, c, options, par) : create(v, c, options, start, par);
            History history = new History();
            history.add(0, 0, Errors.of(v, model.templates(), model.activations(), k, r, n, par));
            long nanos = 0;
            int dead = 0;
            int total = options.iterations();
            for (int it = 1; it <= total; it++) {
                long t0 = System.nanoTime();
                model.step();
                nanos += System.nanoTime() - t0;
                if (it % options.historyEvery() == 0 || it == total) {
                    history.add(it, nanos * 1e-9, Errors.of(v, model.templates(), model.activations(), k, r, n, par));
                    dead = reportCollapse(model, c, it, dead, progress);
                }
                progress.progress(it, total, nanos * 1e-9);
            }
            float[][] wh = Normalization.l1Columns(model.templates(), model.activations(), k, r, n);
            Errors last = Errors.of(v, wh[0], wh[1], k, r, n, par);
            float[] encoder = model instanceof Autoencoder ae ? Nae.normalizeEncoder(ae.encoder(), model.templates(), k, r)
                    : null;
            return new DecompositionResult(wh[0], wh[1], encoder, k, n, c.pitches().clone(), history, last,
                    nanos * 1e-9, options);
        }
    }

    private static Factorization create(float[] v, Constraints c, DecompositionOptions o, Workers par) {
        return switch (o.method()) {
            case NMF -> new Nmf(v, c, par, o.kernels(), o.acceleration());
            case NAE_MU -> new NaeMultiplicative(v, c, o.nae().init(), o.seed(), par, o.kernels());
            case NAE_SGD, NAE_ADAM, NAE_RMSPROP -> new Nae(v, c, o.nae().init(), o.seed(), o.nae().optimizer(o.method()), par,
                    o.kernels());
        };
    }

    private static Factorization create(float[] v, Constraints c, DecompositionOptions o, NaeWeights start,
                                        Workers par) {
        return switch (o.method()) {
            case NMF -> throw new IllegalArgumentException("NMF has no encoder");
            case NAE_MU -> new NaeMultiplicative(v, c, start, par, o.kernels());
            case NAE_SGD, NAE_ADAM, NAE_RMSPROP -> new Nae(v, c, start, o.nae().optimizer(o.method()), par, o.kernels());
        };
    }

    /** Tells {@code progress} when more components have died than {@code before}; returns the count now. */
    private static int reportCollapse(Factorization model, Constraints c, int iteration, int before,
                                      ProgressListener progress) {
        int[] rows = DeadPitches.rows(model.activations(), c.hc(), c.rank(), c.frames());
        if (rows.length > before) {
            progress.collapse(iteration, DeadPitches.pitches(rows, c.pitches()), c.rank());
        }
        return Math.max(before, rows.length);
    }
}
