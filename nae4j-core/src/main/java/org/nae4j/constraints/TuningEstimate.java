package org.nae4j.constraints;

import java.util.Arrays;
import java.util.List;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/**
 * Estimates a recording's deviation from A4 = 440 Hz in cents, informed by its score: in the frames where the
 * score holds a note, the magnitude peak nearest to each of the note's first two partials (within ±60 cents
 * of where A440 puts them) is located to a fraction of a bin by a parabola through the log magnitudes of the
 * peak bin and its neighbours; each peak's deviation from its expected frequency in cents is one vote. The
 * votes go into a histogram of 1-cent bins over ±50 cents, smoothed over ±5 cents, and the estimate is the
 * mean of the votes within ±10 cents of its highest point.
 *
 * <p>Why score-informed rather than librosa's estimate_tuning, which takes every spectral peak's deviation
 * from the equal-tempered grid: a piano's upper partials are sharp by inharmonicity (the 5th of a mid-range
 * note by several cents) and its harmonics 3, 5, 6, 7 lie off the grid anyway (−2, −14, +2, −31 cents), so
 * unselected peaks vote for a mixture of tunings, and noise and reverberation peaks vote too. Here only the
 * fundamentals and octaves of notes known to sound vote (inharmonicity moves them by about 1 cent), and the
 * mode of the histogram ignores peaks of other notes that fall into a search window.
 */
public final class TuningEstimate {
    /** Half-width of the search window around an expected partial, in cents. */
    private static final double SEARCH_CENTS = 60;
    /** Votes beyond this deviation are dropped: the estimate lies within ±50 cents. */
    private static final double MAX_CENTS = 50;
    private static final double SMOOTH_CENTS = 5;
    private static final double REFINE_CENTS = 10;
    /** Partials at least this high: lower ones are too few bins apart for a precise peak (10.8 Hz bins). */
    private static final double MIN_HZ = 150;
    private static final double MAX_HZ = 5000;
    /** Partials 1 and 2 only: the higher ones are sharpened by inharmonicity. */
    private static final int PARTIALS = 2;
    /** Frames from this long after the onset (past the attack's noise) ... */
    private static final double SKIP_SECONDS = 0.05;
    /** ... to at most this long after it (the partials are strongest early). */
    private static final double SPAN_SECONDS = 1.0;
    /** A peak must reach this fraction of its frame's largest magnitude to vote. */
    private static final double MIN_RELATIVE_PEAK = 0.01;

    private TuningEstimate() {
    }

    /**
     * The estimated deviation from A440 in cents, in [−50, 50]; 0 when no peak could vote (e.g. a score of
     * very low notes only).
     *
     * @param magnitude  V, K×N row-major, K = {@code stft.bins()}
     * @param frames     N
     * @param sampleRate the analysed signal's rate (Hz)
     * @param score      the notes, in seconds of the recording
     */
    public static double cents(float[] magnitude, int frames, int sampleRate, StftParams stft, Score score) {
        int bins = stft.bins();
        if (magnitude.length != (long) bins * frames) {
            throw new IllegalArgumentException("V must hold K×N = " + (long) bins * frames + " values, got "
                    + magnitude.length);
        }
        double df = (double) sampleRate / stft.nFft();
        double hopSeconds = (double) stft.hop() / sampleRate;
        float[] frameMax = new float[frames];
        for (int k = 0; k < bins; k++) {
            for (int n = 0; n < frames; n++) {
                frameMax[n] = Math.max(frameMax[n], magnitude[k * frames + n]);
            }
        }
        int slots = (int) (2 * MAX_CENTS) + 1;
        double[] histogram = new double[slots];
        double[] votes = new double[16];
        int count = 0;
        List<Note> notes = score.notes();
        for (Note note : notes) {
            // Frame n is centred at n·hop.
            int from = Math.max(0, (int) Math.ceil((note.start() + SKIP_SECONDS) / hopSeconds));
            int to = Math.min(frames - 1, (int) Math.floor(Math.min(note.end(), note.start() + SPAN_SECONDS)
                    / hopSeconds));
            double f0 = Note.frequency(note.pitch());
            for (int m = 1; m <= PARTIALS; m++) {
                double f = m * f0;
                if (f < MIN_HZ || f > MAX_HZ || f * Math.pow(2, SEARCH_CENTS / 1200) / df >= bins - 1) {
                    continue;
                }
                int lo = Math.max(1, (int) Math.floor(f * Math.pow(2, -SEARCH_CENTS / 1200) / df));
                int hi = Math.min(bins - 2, (int) Math.ceil(f * Math.pow(2, SEARCH_CENTS / 1200) / df));
                for (int n = from; n <= to; n++) {
                    double cents = peakCents(magnitude, frames, n, lo, hi, f / df, frameMax[n]);
                    if (Math.abs(cents) <= MAX_CENTS) {
                        if (count == votes.length) {
                            votes = Arrays.copyOf(votes, 2 * count);
                        }
                        votes[count++] = cents;
                        histogram[(int) Math.round(cents + MAX_CENTS)]++;
                    }
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        int mode = 0;
        double best = -1;
        int r = (int) SMOOTH_CENTS;
        for (int i = 0; i < slots; i++) {
            double s = 0;
            for (int j = Math.max(0, i - r); j <= Math.min(slots - 1, i + r); j++) {
                s += histogram[j];
            }
            if (s > best) {
                best = s;
                mode = i;
            }
        }
        double centre = mode - MAX_CENTS;
        double sum = 0;
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (Math.abs(votes[i] - centre) <= REFINE_CENTS) {
                sum += votes[i];
                used++;
            }
        }
        return sum / used;
    }

    /**
     * Deviation in cents of the strongest local maximum in bins lo..hi of frame n from the expected bin
     * position {@code expected}, or NaN when there is none or it is too weak.
     */
    private static double peakCents(float[] v, int frames, int n, int lo, int hi, double expected, float frameMax) {
        int peak = -1;
        float height = 0;
        for (int k = lo; k <= hi; k++) {
            float x = v[k * frames + n];
            if (x > height && x >= v[(k - 1) * frames + n] && x >= v[(k + 1) * frames + n]) {
                peak = k;
                height = x;
            }
        }
        if (peak < 0 || !(height >= MIN_RELATIVE_PEAK * frameMax) || height <= 0) {
            return Double.NaN;
        }
        double a = Math.log(Math.max(v[(peak - 1) * frames + n], Float.MIN_NORMAL));
        double b = Math.log(height);
        double c = Math.log(Math.max(v[(peak + 1) * frames + n], Float.MIN_NORMAL));
        double denominator = a - 2 * b + c;
        double delta = denominator < 0 ? 0.5 * (a - c) / denominator : 0;
        return 1200 * Math.log((peak + delta) / expected) / Math.log(2);
    }
}
