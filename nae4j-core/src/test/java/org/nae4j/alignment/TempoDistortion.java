package org.nae4j.alignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nae4j.score.Note;
import org.nae4j.score.Score;

/**
 * A known time warp for tests: score time g(t) = ∫₀ᵗ r(u) du with the tempo ratio
 * r(u) = 1 + smooth·sin(2πu/period + φ) + jitter(u), where jitter is piecewise linear between random
 * values in ±jitter drawn every {@value #JITTER_STEP_SECONDS} s, and r is clipped to [1 − limit, 1 + limit].
 * Applied to every note, it turns an aligned score into an unaligned one whose true alignment is known.
 */
final class TempoDistortion {
    static final double JITTER_STEP_SECONDS = 0.5;
    /** Integration step of g (s). */
    private static final double DT = 0.001;

    private final double[] g;

    /**
     * @param seconds longest time to warp (s)
     * @param smooth  amplitude of the smooth tempo curve (e.g. 0.2 for ±20 %)
     * @param period  its period (s)
     * @param jitter  amplitude of the local jitter (e.g. 0.1)
     * @param limit   the tempo ratio stays within 1 ± limit (e.g. 0.3)
     */
    TempoDistortion(double seconds, double smooth, double period, double jitter, double limit, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double phase = rnd.nextDouble(2 * Math.PI);
        int knots = (int) Math.ceil(seconds / JITTER_STEP_SECONDS) + 2;
        double[] j = new double[knots];
        for (int k = 0; k < knots; k++) {
            j[k] = (2 * rnd.nextDouble() - 1) * jitter;
        }
        int steps = (int) Math.ceil(seconds / DT) + 1;
        g = new double[steps + 1];
        for (int s = 0; s < steps; s++) {
            double u = (s + 0.5) * DT;
            double pos = u / JITTER_STEP_SECONDS;
            int k = (int) pos;
            double local = j[k] + (pos - k) * (j[k + 1] - j[k]);
            double r = 1 + smooth * Math.sin(2 * Math.PI * u / period + phase) + local;
            r = Math.max(1 - limit, Math.min(1 + limit, r));
            g[s + 1] = g[s] + r * DT;
        }
    }

    /** g(t) in seconds. */
    double warp(double t) {
        double pos = t / DT;
        int s = (int) Math.min(g.length - 2, Math.floor(pos));
        return g[s] + (pos - s) * (g[s + 1] - g[s]);
    }

    /** Every note's onset and offset moved through g. */
    Score apply(Score score) {
        List<Note> out = new ArrayList<>();
        for (Note n : score.notes()) {
            double on = warp(n.start());
            out.add(new Note(on, warp(n.end()) - on, n.pitch(), n.velocity(), n.instrument()));
        }
        return new Score(out);
    }

    /** Absolute onset errors (s) of {@code aligned} against {@code truth}, note by note (same order). */
    static double[] onsetErrors(Score aligned, Score truth) {
        double[] e = signedOnsetErrors(aligned, truth);
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(e[i]);
        }
        return e;
    }

    /** Signed onset errors (s, positive = aligned onset late) of {@code aligned} against {@code truth}. */
    static double[] signedOnsetErrors(Score aligned, Score truth) {
        if (aligned.size() != truth.size()) {
            throw new IllegalArgumentException("scores differ in size");
        }
        double[] e = new double[truth.size()];
        for (int i = 0; i < e.length; i++) {
            Note a = aligned.notes().get(i);
            Note t = truth.notes().get(i);
            if (a.pitch() != t.pitch()) {
                throw new IllegalArgumentException("note " + i + " differs in pitch");
            }
            e[i] = a.start() - t.start();
        }
        return e;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    /** The q-quantile (0–1) by linear interpolation between order statistics. */
    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
