package org.nae4j.separation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.constraints.Constraints;
import org.nae4j.kernels.Products;
import org.nae4j.score.Note;
import org.nae4j.spectral.ComplexSpectrogram;
import org.nae4j.spectral.Stft;

/**
 * Score-informed source separation from a decomposition (method §6).
 *
 * <p>Group activations: H_G = H ⊙ S_G, where S_G splits each entry of H among the groups whose notes
 * allow it. A group allows entry (r, n) if one of its notes of pitch r covers frame n, by the H^C rule
 * of method §2 (onset and offset tolerances included). Where several groups allow the same entry (two
 * hands on one key within the tolerances), a group whose note actually sounds there (between its onset
 * and offset, without tolerances) takes precedence over one that only allows it through a tolerance;
 * groups of equal standing share the entry evenly. So the group activations add up to H wherever any
 * group allows it, and two hands that play the same pitch at different times are told apart.
 *
 * <p>Masks ({@link MaskOptions}): with Y_G = W H_G, M_G = Y_G^p ⊘ Σ_G' Y_G'^p where W H &gt; 0 (p = 1: the
 * soft mask W H_G ⊘ W H of method §6, its ε replaced by that test, so the masks add up to exactly 1 there).
 * Cells where W H = 0 take the same formula on the model summed over the nearest bins of the frame
 * ({@link MaskOptions#spreadBins()}), or stay out of every mask. X_G = M_G ⊙ X, x_G = istft(X_G) at the
 * analysis rate, of the analysed signal's length. The residual x − Σ_G x_G holds what no group's model
 * covers (cells too far from any template band, frames that no note allows, notes that no group holds).
 */
public final class Separation {
    /** Name of the residual signal (and of its WAV file). */
    public static final String RESIDUAL = "residual";

    private Separation() {
    }

    /**
     * Separates all groups and the residual, in memory.
     *
     * @return one source per group, in the grouping's order, then the residual ({@link #RESIDUAL}); all at
     *         {@code a.sampleRate()} with {@code a.samples().length} samples, adding up to {@code a.samples()}
     * @see #separate(Analysis, DecompositionResult, Grouping, MaskOptions, Consumer)
     */
    public static List<Source> separate(Analysis a, DecompositionResult r, Grouping grouping, MaskOptions mask) {
        List<Source> out = new ArrayList<>();
        separate(a, r, grouping, mask, out::add);
        List<float[]> parts = out.stream().map(Source::samples).toList();
        out.add(new Source(RESIDUAL, residual(a.samples(), parts), a.sampleRate()));
        return out;
    }

    /**
     * Separates the groups one after the other and hands each signal to {@code sink} as soon as it is
     * ready, so that only one group's signal need be in memory (e.g. one per pitch of a long piece).
     * The residual is not computed: see {@link #residual}.
     *
     * @param a        the analysed recording (its STFT X is masked)
     * @param r        a decomposition of {@code a.magnitude()} under {@code a.constraints()}
     * @param grouping the groups; their notes' pitches must be rows of {@code r}
     * @param mask     soft or Wiener-like masks
     * @param sink     receives one {@link Source} per group, in the grouping's order, at the analysis rate
     * @throws IllegalArgumentException if {@code r} does not belong to {@code a} (shape or pitches differ) or
     *                                  a group holds a pitch without a row
     */
    public static void separate(Analysis a, DecompositionResult r, Grouping grouping, MaskOptions mask,
                                Consumer<Source> sink) {
        ComplexSpectrogram x = a.stft();
        if (x == null) {
            throw new IllegalArgumentException("separation needs the complex STFT: pass the full analysis, not withoutSignal()");
        }
        if (r.bins() != x.bins() || r.frames() != x.frames() || !Arrays.equals(r.pitches(), a.constraints().pitches())) {
            throw new IllegalArgumentException("the decomposition (K=" + r.bins() + ", N=" + r.frames() + ", pitches "
                    + Arrays.toString(r.pitches()) + ") does not belong to this analysis (K=" + x.bins() + ", N="
                    + x.frames() + ", pitches " + Arrays.toString(a.constraints().pitches()) + ")");
        }
        float[][] h = groupActivations(a, r, grouping);
        int cells = x.bins() * x.frames();
        double p = mask.power();
        int k = r.bins();
        int n = r.frames();
        // Y_G^p / Σ Y_G'^p is computed as (Y_G/T)^p / Σ (Y_G'/T)^p with T = W Σ_G H_G: the ratios are at most
        // about 1 and some group's is at least 1/G, so no power overflows or underflows to an empty mask.
        double[] total = new double[cells];
        model(r.w(), sum(h, r.rank() * n), k, r.rank(), n, total);
        double[] scale = spreadIntoGaps(total, total, mask.spreadBins(), k, n);
        double[] y = new double[cells];
        double[] den = new double[cells];
        for (float[] hg : h) {
            model(r.w(), hg, k, r.rank(), n, y);
            double[] e = spreadIntoGaps(y, total, mask.spreadBins(), k, n);
            for (int i = 0; i < cells; i++) {
                if (scale[i] > 0) {
                    den[i] += power(e[i] / scale[i], p);
                }
            }
        }
        float[] re = new float[cells];
        float[] im = new float[cells];
        for (int g = 0; g < h.length; g++) {
            model(r.w(), h[g], k, r.rank(), n, y);
            double[] e = spreadIntoGaps(y, total, mask.spreadBins(), k, n);
            for (int i = 0; i < cells; i++) {
                float m = scale[i] > 0 && den[i] > 0 ? (float) (power(e[i] / scale[i], p) / den[i]) : 0f;
                re[i] = m * x.re()[i];
                im[i] = m * x.im()[i];
            }
            ComplexSpectrogram xg = new ComplexSpectrogram(re, im, x.bins(), x.frames(), x.params(), x.sampleRate(),
                    x.length());
            sink.accept(new Source(grouping.groups().get(g).name(), Stft.inverse(xg, x.length()), a.sampleRate()));
        }
    }

    /**
     * The group activations H_G (R×N each, in the grouping's order) as the class comment defines them.
     * They add up to H on every entry that some group allows and are 0 elsewhere.
     */
    public static float[][] groupActivations(Analysis a, DecompositionResult r, Grouping grouping) {
        return groupActivations(r.h(), r.pitches(), r.frames(), a.sampleRate(), a.params().hop(),
                a.options(), grouping);
    }

    /**
     * As {@link #groupActivations(Analysis, DecompositionResult, Grouping)} from the parts: H (R×N, not
     * modified), the pitch of each row, N, the analysis rate (Hz), the hop (samples) and the tolerances.
     */
    public static float[][] groupActivations(float[] h, int[] pitches, int frames, int sampleRate, int hop,
                                             ConstraintOptions tolerances, Grouping grouping) {
        ConstraintOptions exact = new ConstraintOptions(tolerances.tau(), tolerances.partials(), 0, 0);
        int cells = pitches.length * frames;
        if (h.length != cells) {
            throw new IllegalArgumentException("H has " + h.length + " entries, expected R×N = " + cells);
        }
        List<Group> groups = grouping.groups();
        float[][] allowed = new float[groups.size()][];
        float[][] sounding = new float[groups.size()][];
        float[] allowedCount = new float[cells];
        float[] soundingCount = new float[cells];
        for (int g = 0; g < groups.size(); g++) {
            List<Note> notes = groups.get(g).notes();
            allowed[g] = Constraints.activationMask(notes, pitches, sampleRate, hop, frames, tolerances);
            sounding[g] = Constraints.activationMask(notes, pitches, sampleRate, hop, frames, exact);
            for (int i = 0; i < cells; i++) {
                // A frame where the note sounds is also allowed: max() keeps that true for very short notes.
                allowed[g][i] = Math.max(allowed[g][i], sounding[g][i]);
                allowedCount[i] += allowed[g][i];
                soundingCount[i] += sounding[g][i];
            }
        }
        float[][] out = new float[groups.size()][cells];
        for (int g = 0; g < groups.size(); g++) {
            for (int i = 0; i < cells; i++) {
                float share = soundingCount[i] > 0 ? sounding[g][i] / soundingCount[i]
                        : allowedCount[i] > 0 ? allowed[g][i] / allowedCount[i] : 0f;
                out[g][i] = h[i] * share;
            }
        }
        return out;
    }

    /**
     * input − Σ parts, sample by sample (summed in double precision), so that the parts and the residual
     * add up to the input.
     *
     * @param input the mixture (not modified)
     * @param parts signals of the same length as {@code input} (not modified)
     */
    public static float[] residual(float[] input, List<float[]> parts) {
        double[] acc = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            acc[i] = input[i];
        }
        for (float[] part : parts) {
            if (part.length != input.length) {
                throw new IllegalArgumentException("a part has " + part.length + " samples, the input " + input.length);
            }
            for (int i = 0; i < input.length; i++) {
                acc[i] -= part[i];
            }
        }
        float[] out = new float[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }

    /**
     * y, with each cell where {@code total} is 0 replaced by the sum of y over the bins within
     * {@code bins} of it in the same frame (see {@link MaskOptions}); y itself when {@code bins} is 0.
     */
    private static double[] spreadIntoGaps(double[] y, double[] total, int bins, int k, int n) {
        if (bins == 0) {
            return y;
        }
        double[] out = y.clone();
        for (int b = 0; b < k; b++) {
            int lo = Math.max(0, b - bins);
            int hi = Math.min(k - 1, b + bins);
            for (int j = 0; j < n; j++) {
                if (total[b * n + j] > 0) {
                    continue;
                }
                double s = 0;
                for (int q = lo; q <= hi; q++) {
                    s += y[q * n + j];
                }
                out[b * n + j] = s;
            }
        }
        return out;
    }

    /** y = W H_G (K×N), skipping the rows of H_G that are all zero and the zeros of W. */
    private static void model(float[] w, float[] hg, int k, int rank, int n, double[] y) {
        Arrays.fill(y, 0);
        for (int c = 0; c < rank; c++) {
            int off = c * n;
            if (Products.allZero(hg, off, n)) {
                continue;
            }
            for (int b = 0; b < k; b++) {
                double wv = w[b * rank + c];
                if (wv == 0) {
                    continue;
                }
                int row = b * n;
                for (int j = 0; j < n; j++) {
                    y[row + j] += wv * hg[off + j];
                }
            }
        }
    }

    private static float[] sum(float[][] parts, int length) {
        float[] s = new float[length];
        for (float[] part : parts) {
            for (int i = 0; i < length; i++) {
                s[i] += part[i];
            }
        }
        return s;
    }

    private static double power(double v, double p) {
        // Exact and fast for the common exponents.
        if (p == 1) {
            return v;
        }
        if (p == 2) {
            return v * v;
        }
        return Math.pow(v, p);
    }
}
