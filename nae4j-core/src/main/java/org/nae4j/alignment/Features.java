package org.nae4j.alignment;

import org.jtransforms.fft.FloatFFT_1D;
import org.nae4j.spectral.Stft;

/**
 * Alignment features of one signal at a fixed frame rate: a 12×N chroma matrix (each column unit ℓ2 norm)
 * and a 12×N matrix of decaying, locally normalised chroma onset features (values in [0, 1]), as in
 * Müller's MrMsDTW (chroma + DLNCO). Frame n is centred at n·frameSeconds. Immutable; arrays are row-major
 * (pitch class × frame) and returned as copies.
 *
 * @param chroma       12×frames, pitch class 0 = C; every column has unit ℓ2 norm
 * @param onsets       12×frames, in [0, 1]
 * @param frames       number of frames N ≥ 1
 * @param frameSeconds seconds between frames (&gt; 0)
 */
public record Features(float[] chroma, float[] onsets, int frames, double frameSeconds) {
    /** Pitch classes per octave. */
    public static final int CLASSES = 12;
    /** Lowest and highest MIDI pitches whose bins feed the chroma: A1 (55 Hz) to C8 (4186 Hz). */
    private static final int MIN_PITCH = 33;
    private static final int MAX_PITCH = 108;
    /** log(1 + γ·a) compression of the amplitude a (a sine of amplitude 0.1 → 4.6; −40 dB below it → 0.69). */
    private static final double LOG_GAMMA = 1000;
    /** A frame whose chroma norm is below this fraction of the loudest frame's counts as silence. */
    private static final double SILENCE_FRACTION = 0.01;
    /** Onsets are normalised by the largest onset strength within ± this many seconds. */
    private static final double LOCAL_NORM_SECONDS = 2.0;
    /**
     * An onset decays to zero over this many seconds (square-root shape), so near misses still match; short
     * enough that repeated figures a beat apart stay distinct (docs/alignment.md).
     */
    private static final double DECAY_SECONDS = 0.1;
    /** Below this the local onset maximum is treated as no onset at all (flux of a silent signal). */
    private static final double MIN_ONSET = 1e-6;

    public Features {
        if (frames < 1 || chroma.length != CLASSES * frames || onsets.length != CLASSES * frames) {
            throw new IllegalArgumentException("features need 12×frames values with frames ≥ 1");
        }
        if (!(frameSeconds > 0)) {
            throw new IllegalArgumentException("frame spacing must be > 0 s, got " + frameSeconds);
        }
        chroma = chroma.clone();
        onsets = onsets.clone();
    }

    @Override
    public float[] chroma() {
        return chroma.clone();
    }

    @Override
    public float[] onsets() {
        return onsets.clone();
    }

    /** Values without copying, for the DTW of this package. */
    float[] chromaValues() {
        return chroma;
    }

    float[] onsetValues() {
        return onsets;
    }

    /**
     * Computes the features of a mono signal. The signal is scaled to peak 1 first (not in place), so
     * the features do not depend on its level.
     *
     * @param x          samples (not modified), at least one
     * @param sampleRate Hz, ≥ 1000
     */
    public static Features of(float[] x, int sampleRate, AlignOptions options) {
        if (x.length == 0) {
            throw new IllegalArgumentException("cannot compute features of an empty signal");
        }
        if (sampleRate < 1000) {
            throw new IllegalArgumentException("sample rate must be ≥ 1000 Hz, got " + sampleRate);
        }
        int nFft = options.fftSize(sampleRate);
        int hop = options.hop(sampleRate);
        int frames = 1 + x.length / hop;
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        // Amplitude of a full-scale sine at the centre of its bin is nFft/4 with a Hann window.
        double scale = peak > 0 ? 4.0 / (nFft * (double) peak) : 0;
        float[] chroma = new float[CLASSES * frames];
        spectra(x, sampleRate, scale, nFft, hop, frames,
                (n, c, logMag, previous) -> chroma[c * frames + n] += (float) logMag);
        // The onsets come from a short window of their own: in a long one, where an onset's rise peaks depends
        // on how the note's attack and decay fill the window, which differs between recording and rendering.
        int onsetFft = options.onsetFftSize(sampleRate);
        float[] flux = new float[CLASSES * frames];
        spectra(x, sampleRate, scale * nFft / onsetFft, onsetFft, hop, frames, (n, c, logMag, previous) -> {
            if (n > 0) {
                flux[c * frames + n] += (float) Math.max(0, logMag - previous);
            }
        });
        normaliseColumns(chroma, frames);
        double frameSeconds = hop / (double) sampleRate;
        float[] onsets = decayingOnsets(flux, frames, frameSeconds);
        return new Features(chroma, onsets, frames, frameSeconds);
    }

    /** Receives the compressed magnitude of one bin (pitch class c) in frame n and that of frame n − 1. */
    private interface BinSink {
        void accept(int n, int c, double logMag, double previous);
    }

    /**
     * Hann-windowed frames of {@code nFft} samples centred at n·hop: each chroma-range bin's magnitude
     * (times {@code scale}, a full-scale sine = 1) is compressed as log(1 + γ·a) and passed to {@code sink}.
     */
    private static void spectra(float[] x, int sampleRate, double scale, int nFft, int hop, int frames,
                                BinSink sink) {
        int[] binClass = binClasses(nFft, sampleRate);
        float[] window = Stft.hann(nFft);
        FloatFFT_1D fft = new FloatFFT_1D(nFft);
        float[] buf = new float[nFft];
        double[] logMag = new double[binClass.length];
        double[] previous = new double[binClass.length];
        int pad = nFft / 2;
        for (int n = 0; n < frames; n++) {
            int start = n * hop - pad;
            for (int i = 0; i < nFft; i++) {
                int j = start + i;
                buf[i] = (j >= 0 && j < x.length) ? x[j] * window[i] : 0f;
            }
            fft.realForward(buf);
            for (int k = 0; k < binClass.length; k++) {
                int c = binClass[k];
                if (c < 0) {
                    continue;
                }
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                // Math.log is an intrinsic; log1p is several times slower and its precision near 0 does not matter here.
                logMag[k] = Math.log(1 + LOG_GAMMA * scale * Math.sqrt(re * re + im * im));
                sink.accept(n, c, logMag[k], previous[k]);
            }
            double[] t = previous;
            previous = logMag;
            logMag = t;
        }
    }

    /** Pitch class of each bin below Nyquist (bin 0 and Nyquist excluded), −1 outside the chroma range. */
    private static int[] binClasses(int nFft, int sampleRate) {
        int bins = nFft / 2;
        int[] out = new int[bins];
        for (int k = 0; k < bins; k++) {
            out[k] = -1;
            if (k == 0) {
                continue;
            }
            double f = k * sampleRate / (double) nFft;
            int pitch = (int) Math.round(69 + CLASSES * Math.log(f / 440.0) / Math.log(2));
            if (pitch >= MIN_PITCH && pitch <= MAX_PITCH) {
                out[k] = pitch % CLASSES;
            }
        }
        return out;
    }

    /**
     * Scales each column to unit ℓ2 norm; silent columns (norm below a fraction of the loudest) become the
     * uniform vector, so that silence matches silence and nothing else in particular.
     */
    static void normaliseColumns(float[] m, int frames) {
        double[] norms = new double[frames];
        double max = 0;
        for (int n = 0; n < frames; n++) {
            double s = 0;
            for (int c = 0; c < CLASSES; c++) {
                double v = m[c * frames + n];
                s += v * v;
            }
            norms[n] = Math.sqrt(s);
            max = Math.max(max, norms[n]);
        }
        float uniform = (float) (1 / Math.sqrt(CLASSES));
        for (int n = 0; n < frames; n++) {
            boolean silent = !(norms[n] > SILENCE_FRACTION * max);
            for (int c = 0; c < CLASSES; c++) {
                m[c * frames + n] = silent ? uniform : (float) (m[c * frames + n] / norms[n]);
            }
        }
    }

    /**
     * DLNCO-style onset features: each frame's chroma flux divided by the largest flux norm within
     * ±{@value #LOCAL_NORM_SECONDS} s (so quiet passages count as much as loud ones), then spread forward
     * with a square-root decay over {@value #DECAY_SECONDS} s (maximum of the decayed values).
     */
    private static float[] decayingOnsets(float[] flux, int frames, double frameSeconds) {
        double[] strength = new double[frames];
        for (int n = 0; n < frames; n++) {
            double s = 0;
            for (int c = 0; c < CLASSES; c++) {
                s += (double) flux[c * frames + n] * flux[c * frames + n];
            }
            strength[n] = Math.sqrt(s);
        }
        double[] localMax = SlidingMax.of(strength, Math.max(1, (int) Math.round(LOCAL_NORM_SECONDS / frameSeconds)));
        int decay = Math.max(1, (int) Math.round(DECAY_SECONDS / frameSeconds));
        double[] kernel = new double[decay];
        for (int m = 0; m < decay; m++) {
            kernel[m] = Math.sqrt((decay - m) / (double) decay);
        }
        float[] out = new float[CLASSES * frames];
        for (int c = 0; c < CLASSES; c++) {
            int row = c * frames;
            for (int n = 0; n < frames; n++) {
                double best = 0;
                for (int m = 0; m < decay && m <= n; m++) {
                    double norm = localMax[n - m];
                    if (norm > MIN_ONSET) {
                        best = Math.max(best, kernel[m] * flux[row + n - m] / norm);
                    }
                }
                out[row + n] = (float) Math.min(1, best);
            }
        }
        return out;
    }

    /**
     * The features averaged over blocks of {@code factor} frames (the last block may be shorter), chroma
     * renormalised: the coarser levels of the multiscale DTW.
     */
    Features downsample(int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be ≥ 1, got " + factor);
        }
        int out = (frames + factor - 1) / factor;
        float[] c = new float[CLASSES * out];
        float[] o = new float[CLASSES * out];
        for (int k = 0; k < CLASSES; k++) {
            for (int b = 0; b < out; b++) {
                int from = b * factor;
                int to = Math.min(frames, from + factor);
                double sc = 0;
                double so = 0;
                for (int n = from; n < to; n++) {
                    sc += chroma[k * frames + n];
                    so += onsets[k * frames + n];
                }
                c[k * out + b] = (float) (sc / (to - from));
                o[k * out + b] = (float) (so / (to - from));
            }
        }
        normaliseColumns(c, out);
        return new Features(c, o, out, frameSeconds * factor);
    }
}
