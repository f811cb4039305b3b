package org.nae4j.constraints;

import java.util.Arrays;
import java.util.List;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/**
 * The score-informed constraints of method §2: a binary template mask W^C (K×R, harmonic bands per pitch)
 * and a binary activation mask H^C (R×N, note timing per pitch), both row-major 0/1 floats, together with
 * their structure ({@link Support}) for mask-aware kernels.
 *
 * <p>Its arrays are handed out as they are, not copied (copies would cost the memory of the signal or
 * the matrices again): treat them as read-only.
 *
 * @param wc      W^C, K×R row-major, entries 0 or 1
 * @param hc      H^C, R×N row-major, entries 0 or 1
 * @param bins    K
 * @param frames  N
 * @param pitches MIDI pitch of each of the R components, ascending
 * @param support the same masks as frequency bands and frame intervals per pitch
 */
public record Constraints(float[] wc, float[] hc, int bins, int frames, int[] pitches, Support support) {

    /**
     * Checks that the masks, the shape, the pitches and the support describe the same constraints: the
     * mask-aware kernels read only the support, the reference path only the masks, so a mismatch would make
     * the two paths compute different factorisations.
     *
     * @throws IllegalArgumentException if they disagree
     */
    public Constraints {
        if (pitches == null || wc == null || hc == null || support == null) {
            throw new IllegalArgumentException("W^C, H^C, the pitches and the support are all required");
        }
        int r = pitches.length;
        if (support.bins() != bins || support.frames() != frames || support.rank() != r) {
            throw new IllegalArgumentException("the support is " + support.bins() + "×" + support.rank() + " bins×pitches "
                    + "and " + support.frames() + " frames, but the constraints are " + bins + "×" + r + " and "
                    + frames);
        }
        if (wc.length != (long) bins * r || hc.length != (long) r * frames) {
            throw new IllegalArgumentException("W^C must hold K×R = " + (long) bins * r + " and H^C R×N = "
                    + (long) r * frames + " entries, got " + wc.length + " and " + hc.length);
        }
        for (int i = 0; i < r; i++) {
            if (pitches[i] < 0 || pitches[i] > Note.MAX_PITCH || (i > 0 && pitches[i] <= pitches[i - 1])) {
                throw new IllegalArgumentException("pitches must be ascending MIDI pitches 0-" + Note.MAX_PITCH
                        + ", got " + Arrays.toString(pitches));
            }
        }
        if (!Arrays.equals(wc, support.templateMask()) || !Arrays.equals(hc, support.activationMask())) {
            throw new IllegalArgumentException("W^C and H^C differ from the masks of the support");
        }
    }

    /** R, the number of components (distinct pitches). */
    public int rank() {
        return pitches.length;
    }

    /**
     * Builds W^C and H^C for a score (method §2).
     *
     * @param score      the notes, in seconds of the recording
     * @param sampleRate sample rate of the analysed signal (Hz)
     * @param stft       the STFT parameters (window length gives Δf, hop gives the frame period)
     * @param frames     N, number of STFT frames of the recording
     * @param options    tolerances, number of partials and a given tuning
     * @throws IllegalArgumentException if the score is empty or the tuning is {@link Tuning#AUTO}, which needs
     *                                  the recording: {@link org.nae4j.Analysis} estimates it first
     */
    public static Constraints build(Score score, int sampleRate, StftParams stft, int frames,
                                    ConstraintOptions options) {
        if (score.isEmpty()) {
            throw new IllegalArgumentException("cannot build constraints from an empty score");
        }
        if (options.tuning().auto()) {
            throw new IllegalArgumentException("the tuning must be given (Tuning.cents), or estimated from the "
                    + "recording by Analysis.of / TuningEstimate.cents");
        }
        int[] pitches = score.pitches();
        int r = pitches.length;
        int k = stft.bins();
        int[][] bands = new int[r][];
        for (int i = 0; i < r; i++) {
            bands[i] = harmonicBands(pitches[i], sampleRate, stft.nFft(), k, options);
        }
        int[][] intervals = activationIntervals(score.notes(), pitches, sampleRate, stft.hop(), frames, options);
        Support support = new Support(k, frames, bands, intervals);
        return new Constraints(support.templateMask(), support.activationMask(), k, frames, pitches, support);
    }

    /**
     * Frequency bands [lo, hi) of the template of {@code pitch}: for each harmonic m with m·f0 below
     * Nyquist, bins ⌊(1−τ)·m·f0/Δf⌋ to ⌊(1+τ)·m·f0/Δf⌋ inclusive (as libfmp's template_pitch) with
     * {@link BandRounding#LIBFMP}, or the nearest bins to both edges with {@link BandRounding#NEAREST};
     * overlapping bands are merged. f0 is the equal-tempered frequency at the options' tuning (A440 if it is
     * {@link Tuning#AUTO}); with {@link Inharmonicity#PIANO} partial m lies at m·f0·√(1 + B·m²) instead of m·f0. Returned as a flat array {lo0, hi0, lo1, hi1, ...}.
     */
    static int[] harmonicBands(int pitch, int sampleRate, int nFft, int bins, ConstraintOptions o) {
        double f0 = Note.frequency(pitch) * (o.tuning().auto() ? 1 : o.tuning().factor());
        double df = (double) sampleRate / nFft;
        double nyquist = sampleRate / 2.0;
        int[] out = new int[16];
        int count = 0;
        for (int m = 1; (o.partials() == ConstraintOptions.ALL_PARTIALS || m <= o.partials()); m++) {
            double fm = o.inharmonicity().partial(pitch, f0, m);
            if (fm >= nyquist) {
                break; // fm grows with m
            }
            int lo = o.bandRounding().first((1 - o.tau()) * fm / df);
            int hi = Math.min(bins - 1, o.bandRounding().last((1 + o.tau()) * fm / df)) + 1;
            lo = Math.max(0, lo);
            if (lo >= hi) {
                continue;
            }
            if (count > 0 && lo <= out[count - 1]) {
                out[count - 1] = Math.max(out[count - 1], hi);
            } else {
                if (count + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[count++] = lo;
                out[count++] = hi;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * H^C (R×N, 0/1) of a subset of a score's notes against the pitch rows of the full score, e.g. the
     * notes of one hand against the rows of a decomposition of both hands (method §2 timing rule). Rows of
     * pitches that no note of {@code notes} plays are all zero; an empty list gives an all-zero mask.
     *
     * @param notes      the subset, in seconds of the recording
     * @param pitches    MIDI pitch of each row, strictly ascending (as {@link #pitches()})
     * @param sampleRate sample rate of the analysed signal (Hz)
     * @param hop        STFT hop in samples
     * @param frames     N
     * @param options    the onset and offset tolerances (bands and partials are not used)
     * @throws IllegalArgumentException if a note's pitch has no row or the pitches are not ascending
     */
    public static float[] activationMask(List<Note> notes, int[] pitches, int sampleRate, int hop, int frames,
                                         ConstraintOptions options) {
        for (int i = 1; i < pitches.length; i++) {
            if (pitches[i] <= pitches[i - 1]) {
                throw new IllegalArgumentException("pitches must be strictly ascending");
            }
        }
        for (Note n : notes) {
            if (Arrays.binarySearch(pitches, n.pitch()) < 0) {
                throw new IllegalArgumentException("note pitch " + n.pitch() + " has no row among the pitches "
                        + Arrays.toString(pitches));
            }
        }
        int[][] intervals = activationIntervals(notes, pitches, sampleRate, hop, frames, options);
        int[][] noBands = new int[pitches.length][0];
        return new Support(0, frames, noBands, intervals).activationMask();
    }

    /** Frame intervals [from, to) per pitch row, merged where notes overlap (method §2). */
    static int[][] activationIntervals(List<Note> notes, int[] pitches, int sampleRate, int hop, int frames,
                                       ConstraintOptions o) {
        double hopSeconds = (double) hop / sampleRate;
        int r = pitches.length;
        boolean[][] on = new boolean[r][frames];
        for (Note n : notes) {
            int row = Arrays.binarySearch(pitches, n.pitch());
            int from = Math.max(0, (int) Math.floor((n.start() - o.onsetTolerance()) / hopSeconds));
            int to = Math.min(frames, (int) Math.floor((n.end() + o.offsetTolerance()) / hopSeconds));
            for (int f = from; f < to; f++) {
                on[row][f] = true;
            }
        }
        int[][] out = new int[r][];
        for (int i = 0; i < r; i++) {
            out[i] = RowRanges.runs(on[i]);
        }
        return out;
    }
}
