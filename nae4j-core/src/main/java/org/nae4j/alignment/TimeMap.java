package org.nae4j.alignment;

import java.util.Arrays;

/**
 * A strictly increasing, piecewise-linear map from score time to audio time (seconds), through knots taken
 * from a warping path. Beyond the last knot (and before the first) it continues with slope 1; audio times
 * below 0 are clamped to 0. Immutable.
 */
public final class TimeMap {
    private final double[] score;
    private final double[] audio;

    /**
     * @param scoreSeconds knots in score time, strictly increasing, at least one
     * @param audioSeconds matching audio times, strictly increasing; copied
     */
    public TimeMap(double[] scoreSeconds, double[] audioSeconds) {
        if (scoreSeconds.length == 0 || scoreSeconds.length != audioSeconds.length) {
            throw new IllegalArgumentException("a time map needs as many score as audio knots, at least one");
        }
        for (int k = 0; k < scoreSeconds.length; k++) {
            if (!Double.isFinite(scoreSeconds[k]) || !Double.isFinite(audioSeconds[k])) {
                throw new IllegalArgumentException("time map knots must be finite");
            }
            if (k > 0 && (scoreSeconds[k] <= scoreSeconds[k - 1] || audioSeconds[k] <= audioSeconds[k - 1])) {
                throw new IllegalArgumentException("time map knots must be strictly increasing (knot " + k + ")");
            }
        }
        this.score = scoreSeconds.clone();
        this.audio = audioSeconds.clone();
    }

    /**
     * The map of a warping path: each score frame goes to the mean audio frame of its path points; runs of
     * score frames that land on the same audio time become one knot at their mean score time, so the map is
     * strictly increasing and a note never collapses to zero length unless the path is vertical there.
     */
    public static TimeMap of(WarpingPath path) {
        int[] s = path.scoreFrames();
        int[] a = path.audioFrames();
        int frames = s[s.length - 1] + 1;
        double[] sum = new double[frames];
        int[] count = new int[frames];
        for (int p = 0; p < s.length; p++) {
            sum[s[p]] += a[p];
            count[s[p]]++;
        }
        double[] ks = new double[frames];
        double[] ka = new double[frames];
        int knots = 0;
        int f = 0;
        while (f < frames) {
            double value = sum[f] / count[f];
            int g = f + 1;
            while (g < frames && sum[g] / count[g] == value) {
                g++;
            }
            // Frames f..g−1 share one audio time: one knot at their centre.
            ks[knots] = (f + g - 1) / 2.0 * path.frameSeconds();
            ka[knots] = value * path.frameSeconds();
            knots++;
            f = g;
        }
        return new TimeMap(Arrays.copyOf(ks, knots), Arrays.copyOf(ka, knots));
    }

    /** Audio time in seconds (≥ 0) of score time {@code t} in seconds. */
    public double apply(double t) {
        int n = score.length;
        if (n == 1 || t <= score[0]) {
            return Math.max(0, audio[0] + (t - score[0]));
        }
        if (t >= score[n - 1]) {
            return Math.max(0, audio[n - 1] + (t - score[n - 1]));
        }
        int k = Arrays.binarySearch(score, t);
        if (k >= 0) {
            return Math.max(0, audio[k]);
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double u = (t - score[lo]) / (score[hi] - score[lo]);
        return Math.max(0, audio[lo] + u * (audio[hi] - audio[lo]));
    }

    /** The knots in score time (s), a copy. */
    public double[] scoreKnots() {
        return score.clone();
    }

    /** The knots in audio time (s), a copy. */
    public double[] audioKnots() {
        return audio.clone();
    }
}
