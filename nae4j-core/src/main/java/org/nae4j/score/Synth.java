package org.nae4j.score;

import org.nae4j.io.InvalidOptionException;
import org.nae4j.io.Memory;

/**
 * A deterministic, piano-like additive synthesizer: turns a {@link Score} into a mono signal, for test
 * signals and quick listening checks. It is not a piano model, only its broad traits:
 * <ul>
 *   <li>each note is a sum of partials k = 1..{@link SynthOptions#partials()} at k·f0·√(1 + B·k²)
 *       (stiff-string inharmonicity), with amplitude (velocity/127)/k; partials at or above the
 *       Nyquist frequency are dropped, so nothing aliases;</li>
 *   <li>a linear attack of {@link SynthOptions#attackSeconds()}, then an exponential decay whose time
 *       constant is {@link SynthOptions#decaySeconds()}·√(440 Hz/f0) for the fundamental and k^0.7 times
 *       shorter for partial k (higher partials die faster, as on a piano);</li>
 *   <li>a linear release ramp of {@link SynthOptions#releaseSeconds()} from the note-off, after which
 *       the note is exactly zero;</li>
 *   <li>every partial starts at phase 0 at the onset, so the output before the first onset is exactly 0.</li>
 * </ul>
 * The sum is scaled so its peak is {@link SynthOptions#peakDbfs()} (a score of only velocity-0 notes
 * gives silence). Time 0 s is sample 0.
 */
public final class Synth {
    /** Pitch whose fundamental decays with exactly {@link SynthOptions#decaySeconds()}: A4. */
    private static final double REFERENCE_HZ = 440.0;
    /** Lower strings ring longer: τ ∝ (440/f0)^0.5. */
    private static final double PITCH_DECAY_EXPONENT = 0.5;
    /** Partial k decays k^0.7 times faster than the fundamental. */
    private static final double PARTIAL_DECAY_EXPONENT = 0.7;
    /** Partial amplitudes fall as 1/k^1. */
    private static final double PARTIAL_ROLLOFF = 1.0;
    /** A partial is stopped once its decay has reached −100 dB: inaudible, and it keeps rendering fast. */
    private static final double SILENCE = 1e-5;

    /** Lowest output rate in Hz. */
    public static final int MIN_SAMPLE_RATE = 1000;
    /** Highest output rate in Hz. */
    public static final int MAX_SAMPLE_RATE = 384_000;

    private Synth() {
    }

    /** Throws unless {@code sampleRate} is an output rate {@link #render} accepts. */
    public static void checkSampleRate(int sampleRate) {
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new InvalidOptionException("sampleRate", "sample rate", "must be in " + MIN_SAMPLE_RATE + ".."
                    + MAX_SAMPLE_RATE + " Hz, got " + sampleRate);
        }
    }

    /**
     * Renders a score.
     *
     * @param score      the notes (may be empty: then the result is tail-length silence)
     * @param sampleRate output rate in Hz, 1000–384000
     * @param options    synthesis settings, e.g. {@link SynthOptions#DEFAULT}
     * @return mono samples in [−1, 1], of length ⌈(score.end() + tail)·sampleRate⌉
     */
    public static float[] render(Score score, int sampleRate, SynthOptions options) {
        checkSampleRate(sampleRate);
        long total = (long) Math.ceil((score.end() + options.tailSeconds()) * sampleRate);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the rendered score would be too long: " + total + " samples");
        }
        int length = (int) total;
        Memory.require(total * (Double.BYTES + Float.BYTES), String.format(java.util.Locale.ROOT,
                "rendering the score (%.3g s at %d Hz)", total / (double) sampleRate, sampleRate));
        double[] acc = new double[length];
        for (Note n : score.notes()) {
            if (n.velocity() > 0) {
                addNote(acc, n, sampleRate, options);
            }
        }
        double peak = 0;
        for (double v : acc) {
            peak = Math.max(peak, Math.abs(v));
        }
        float[] out = new float[length];
        if (peak == 0) {
            return out;
        }
        double gain = Math.pow(10, options.peakDbfs() / 20) / peak;
        for (int i = 0; i < length; i++) {
            out[i] = (float) (acc[i] * gain);
        }
        return out;
    }

    private static void addNote(double[] acc, Note note, int rate, SynthOptions o) {
        int first = (int) Math.ceil(note.start() * rate);
        int stop = (int) Math.min(acc.length, Math.ceil((note.end() + o.releaseSeconds()) * rate));
        if (first >= stop) {
            return;
        }
        // Attack × release envelope, shared by all partials; t is the time since the onset.
        int m = stop - first;
        double[] env = new double[m];
        double t0 = first / (double) rate - note.start();
        for (int i = 0; i < m; i++) {
            double t = t0 + i / (double) rate;
            double attack = o.attackSeconds() > 0 ? Math.min(1, t / o.attackSeconds()) : 1;
            double release = t <= note.duration() ? 1 : Math.max(0, 1 - (t - note.duration()) / o.releaseSeconds());
            env[i] = attack * release;
        }
        double f0 = Note.frequency(note.pitch());
        double amplitude = note.velocity() / (double) Note.MAX_PITCH;
        double tau1 = o.decaySeconds() * Math.pow(REFERENCE_HZ / f0, PITCH_DECAY_EXPONENT);
        double nyquist = rate / 2.0;
        for (int k = 1; k <= o.partials(); k++) {
            double fk = k * f0 * Math.sqrt(1 + o.inharmonicity() * k * k);
            if (fk >= nyquist) {
                break; // fk grows with k
            }
            double tau = tau1 / Math.pow(k, PARTIAL_DECAY_EXPONENT);
            int count = (int) Math.min(m, Math.ceil(-Math.log(SILENCE) * tau * rate) + 1);
            // z = a·e^{−t/τ}·e^{iωt}, advanced by one complex multiplication per sample.
            double omega = 2 * Math.PI * fk / rate;
            double r = Math.exp(-1.0 / (tau * rate));
            double qr = r * Math.cos(omega);
            double qi = r * Math.sin(omega);
            double mag = amplitude / Math.pow(k, PARTIAL_ROLLOFF) * Math.exp(-t0 / tau);
            double zr = mag * Math.cos(2 * Math.PI * fk * t0);
            double zi = mag * Math.sin(2 * Math.PI * fk * t0);
            for (int i = 0; i < count; i++) {
                acc[first + i] += env[i] * zi;
                double nr = zr * qr - zi * qi;
                zi = zr * qi + zi * qr;
                zr = nr;
            }
        }
    }
}
