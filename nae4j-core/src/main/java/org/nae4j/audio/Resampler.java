package org.nae4j.audio;

import java.util.Objects;

/**
 * Band-limited sample-rate conversion by a rational factor L/M (method §1): a Kaiser-windowed sinc
 * evaluated in polyphase form. Output sample n sits exactly at input time n·from/to (zero phase: no
 * delay to compensate), the signal is taken as zero outside its extent, and the output has
 * {@code round(length · to / from)} samples.
 *
 * <p>When the L phases × taps coefficient table would be large (rates with a small common divisor,
 * e.g. 44099 → 22050) the kernel is instead read from a finely sampled table with linear
 * interpolation, which is slower but equally accurate (interpolation error below −110 dB).
 */
public final class Resampler {
    /** Largest polyphase table (coefficients) built; beyond it the interpolated kernel is used. */
    private static final long MAX_TABLE_COEFFICIENTS = 1L << 23;
    /** Kernel samples per input sample in the interpolated-kernel path. */
    private static final int KERNEL_OVERSAMPLING = 1024;
    /** Kaiser's empirical filter-length formula: order = (A − 7.95) / (2.285 Δω). */
    private static final double KAISER_LENGTH_OFFSET_DB = 7.95;
    private static final double KAISER_LENGTH_SLOPE = 2.285;
    private static final double BESSEL_EPSILON = 1e-21;
    /**
     * Most kernel taps per output sample: 1 MHz → 22050 Hz at the defaults needs ~4600, at 200 dB ~12000.
     * A longer filter (from a corrupt rate such as 2^31 − 1 Hz) would take gigabytes, so it is refused;
     * at this bound the interpolated kernel's table stays under 140 MB.
     */
    static final int MAX_TAPS = 1 << 15;

    private Resampler() {
    }

    /** {@link #resample(float[], int, int, ResamplerOptions)} with {@link ResamplerOptions#DEFAULT}. */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        return resample(x, fromRate, toRate, ResamplerOptions.DEFAULT);
    }

    /**
     * Resamples a signal.
     *
     * @param x        samples at {@code fromRate} (not modified)
     * @param fromRate input rate in Hz, positive
     * @param toRate   output rate in Hz, positive
     * @param options  filter design
     * @return a new array of {@link #outputLength(int, int, int)} samples at {@code toRate}; a copy of
     *         {@code x} when the rates are equal
     * @throws IllegalArgumentException for non-positive rates, an output longer than an array can be, or
     *         a rate ratio whose filter would exceed {@link #MAX_TAPS} taps
     */
    public static float[] resample(float[] x, int fromRate, int toRate, ResamplerOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        int outLen = outputLength(x.length, fromRate, toRate);
        if (fromRate == toRate) {
            return x.clone();
        }
        float[] y = new float[outLen];
        if (outLen == 0) {
            return y; // no filter to build for nothing
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;
        int down = fromRate / g;
        Kernel k = new Kernel(Math.min(1.0, toRate / (double) fromRate), options);
        if (usesPolyphaseTable(fromRate, toRate, options)) {
            polyphase(x, y, up, down, k);
        } else {
            interpolated(x, y, up, down, k);
        }
        return y;
    }

    /**
     * Number of output samples, {@code round(length · toRate / fromRate)} (halves round up).
     *
     * @throws IllegalArgumentException for a negative length, non-positive rates, or a result above
     *         {@link Integer#MAX_VALUE}
     */
    public static int outputLength(int length, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " → " + toRate);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must be ≥ 0, got " + length);
        }
        int g = gcd(fromRate, toRate);
        long num = (long) length * (toRate / g);
        long den = fromRate / g;
        long q = num / den + (2 * (num % den) >= den ? 1 : 0);
        if (q > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("resampled signal would have " + q + " samples, too many");
        }
        return (int) q;
    }

    /** Whether a conversion uses the precomputed polyphase table (else the interpolated kernel). */
    static boolean usesPolyphaseTable(int fromRate, int toRate, ResamplerOptions options) {
        int up = toRate / gcd(fromRate, toRate);
        return (long) up * new Kernel(Math.min(1.0, toRate / (double) fromRate), options).taps
                <= MAX_TABLE_COEFFICIENTS;
    }

    /** Exact path: one precomputed coefficient row per phase (output n uses phase n·M mod L). */
    private static void polyphase(float[] x, float[] y, int up, int down, Kernel k) {
        int taps = k.taps;
        float[] table = new float[Math.multiplyExact(up, taps)]; // ≤ MAX_TABLE_COEFFICIENTS
        for (int phase = 0; phase < up; phase++) {
            double frac = phase / (double) up;
            double sum = 0;
            for (int i = 0; i < taps; i++) {
                double v = k.value(frac + k.half - 1 - i);
                table[phase * taps + i] = (float) v;
                sum += v;
            }
            // Normalise each phase to unit DC gain: removes a tiny phase-dependent gain ripple.
            for (int i = 0; i < taps; i++) {
                table[phase * taps + i] = (float) (table[phase * taps + i] / sum);
            }
        }
        long num = 0;
        for (int n = 0; n < y.length; n++, num += down) {
            long k0 = num / up;
            int phase = (int) (num - k0 * up);
            long base = k0 + 1 - k.half;
            int off = phase * taps;
            if (base >= 0 && base + taps <= x.length) {
                y[n] = dot(x, (int) base, table, off, taps);
            } else {
                double acc = 0;
                for (int i = 0; i < taps; i++) {
                    long j = base + i;
                    if (j >= 0 && j < x.length) {
                        acc += x[(int) j] * (double) table[off + i];
                    }
                }
                y[n] = (float) acc;
            }
        }
    }

    /**
     * Float dot product with four independent accumulators so the JIT can overlap the multiply-adds
     * (float rounding stays ~1e-7 relative over a few hundred taps, far below the stop band).
     */
    private static float dot(float[] x, int xOff, float[] c, int cOff, int n) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a0 += x[xOff + i] * c[cOff + i];
            a1 += x[xOff + i + 1] * c[cOff + i + 1];
            a2 += x[xOff + i + 2] * c[cOff + i + 2];
            a3 += x[xOff + i + 3] * c[cOff + i + 3];
        }
        for (; i < n; i++) {
            a0 += x[xOff + i] * c[cOff + i];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** Large-L path: kernel read by linear interpolation from a densely sampled half-kernel. */
    private static void interpolated(float[] x, float[] y, int up, int down, Kernel k) {
        int size = (int) Math.ceil(k.halfWidth * KERNEL_OVERSAMPLING) + 2; // halfWidth ≤ MAX_TAPS / 2
        double[] half = new double[size];
        for (int i = 0; i < size; i++) {
            half[i] = k.value(i / (double) KERNEL_OVERSAMPLING);
        }
        long num = 0;
        for (int n = 0; n < y.length; n++, num += down) {
            long k0 = num / up;
            double frac = (num - k0 * up) / (double) up;
            long base = k0 + 1 - k.half;
            double acc = 0;
            double weight = 0;
            for (int i = 0; i < k.taps; i++) {
                double pos = Math.abs(frac + k.half - 1 - i) * KERNEL_OVERSAMPLING;
                int idx = (int) pos;
                if (idx + 1 >= size) {
                    continue;
                }
                double t = pos - idx;
                double c = half[idx] + t * (half[idx + 1] - half[idx]);
                weight += c;
                long j = base + i;
                if (j >= 0 && j < x.length) {
                    acc += x[(int) j] * c;
                }
            }
            y[n] = (float) (acc / weight); // unit DC gain, as the normalised polyphase rows
        }
    }

    /**
     * The continuous low-pass kernel h(t), t in input samples: 2fc·sinc(2fc·t) × Kaiser window of
     * half-width {@code halfWidth}, with fc in cycles per input sample.
     */
    private static final class Kernel {
        final double cutoff;
        final double halfWidth;
        final double beta;
        final double besselBeta;
        /** Taps per output sample are the 2·half integers in (t − half, t + half]. */
        final int half;
        final int taps;

        Kernel(double ratio, ResamplerOptions o) {
            double nyquist = 0.5 * ratio; // lower Nyquist, cycles per input sample
            double transition = nyquist * o.transitionWidth();
            cutoff = nyquist - transition / 2;
            double order = (o.stopbandDb() - KAISER_LENGTH_OFFSET_DB)
                    / (KAISER_LENGTH_SLOPE * 2 * Math.PI * transition);
            halfWidth = order / 2;
            beta = kaiserBeta(o.stopbandDb());
            besselBeta = besselI0(beta);
            if (!(halfWidth <= MAX_TAPS / 2)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "cannot resample at a rate ratio of %.3g: the filter would need %.3g taps (at most %d)",
                        1 / ratio, 2 * halfWidth, MAX_TAPS));
            }
            half = (int) Math.ceil(halfWidth);
            taps = 2 * half;
        }

        double value(double t) {
            double r = t / halfWidth;
            if (Math.abs(r) >= 1) {
                return 0;
            }
            double arg = 2 * cutoff * t;
            double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
            return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselBeta;
        }
    }

    /** Kaiser's β for a stop-band attenuation in dB (Oppenheim & Schafer, eq. 7.75). */
    static double kaiserBeta(double attenuationDb) {
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21) {
            return 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
        }
        return 0;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; term > BESSEL_EPSILON * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
