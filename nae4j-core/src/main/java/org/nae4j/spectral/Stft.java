package org.nae4j.spectral;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier transform and its inverse as method §1 defines them: periodic Hann window, centred
 * frames with zero padding (librosa {@code center=True, pad_mode="constant"}), and an inverse that uses
 * the same window for synthesis with squared-window-sum normalisation, so istft(stft(x)) = x.
 */
public final class Stft {
    private Stft() {
    }

    /** Periodic Hann window of length n: w[i] = 0.5 − 0.5·cos(2πi/n) (not the symmetric n−1 form). */
    public static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n));
        }
        return w;
    }

    /** Forward STFT of a mono signal; the input is not modified. */
    public static ComplexSpectrogram forward(float[] x, int sampleRate, StftParams p) {
        int nFft = p.nFft();
        int hop = p.hop();
        int bins = p.bins();
        int frames = p.frames(x.length);
        int pad = nFft / 2;
        float[] window = hann(nFft);
        float[] re = new float[bins * frames];
        float[] im = new float[bins * frames];
        FloatFFT_1D fft = new FloatFFT_1D(nFft);
        float[] buf = new float[nFft];
        for (int n = 0; n < frames; n++) {
            int start = n * hop - pad;
            for (int i = 0; i < nFft; i++) {
                int j = start + i;
                buf[i] = (j >= 0 && j < x.length) ? x[j] * window[i] : 0f;
            }
            fft.realForward(buf);
            // JTransforms packs DC in buf[0] and Nyquist in buf[1], then (re, im) pairs.
            re[n] = buf[0];
            im[n] = 0f;
            re[(bins - 1) * frames + n] = buf[1];
            im[(bins - 1) * frames + n] = 0f;
            for (int k = 1; k < bins - 1; k++) {
                re[k * frames + n] = buf[2 * k];
                im[k * frames + n] = buf[2 * k + 1];
            }
        }
        return new ComplexSpectrogram(re, im, bins, frames, p, sampleRate, x.length);
    }

    /**
     * Inverse STFT by weighted overlap-add with the analysis window and squared-window-sum
     * normalisation, returning {@code length} samples (method §1).
     */
    public static float[] inverse(ComplexSpectrogram s, int length) {
        StftParams p = s.params();
        int nFft = p.nFft();
        int hop = p.hop();
        int bins = s.bins();
        int frames = s.frames();
        int pad = nFft / 2;
        float[] window = hann(nFft);
        int total = nFft + hop * (frames - 1);
        double[] acc = new double[total];
        double[] norm = new double[total];
        FloatFFT_1D fft = new FloatFFT_1D(nFft);
        float[] buf = new float[nFft];
        for (int n = 0; n < frames; n++) {
            buf[0] = s.re()[n];
            buf[1] = s.re()[(bins - 1) * frames + n];
            for (int k = 1; k < bins - 1; k++) {
                buf[2 * k] = s.re()[k * frames + n];
                buf[2 * k + 1] = s.im()[k * frames + n];
            }
            fft.realInverse(buf, true);
            int off = n * hop;
            for (int i = 0; i < nFft; i++) {
                acc[off + i] += buf[i] * window[i];
                norm[off + i] += (double) window[i] * window[i];
            }
        }
        float[] y = new float[length];
        double tiny = 1e-10;
        for (int i = 0; i < length; i++) {
            int j = i + pad;
            if (j < total && norm[j] > tiny) {
                y[i] = (float) (acc[j] / norm[j]);
            }
        }
        return y;
    }
}
