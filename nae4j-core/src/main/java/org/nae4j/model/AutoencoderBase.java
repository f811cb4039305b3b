package org.nae4j.model;

import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.Support;
import org.nae4j.kernels.Products;
import org.nae4j.kernels.MaskedAutoencoderPasses;
import org.nae4j.kernels.Parallel;
import org.nae4j.constraints.RowRanges;

/**
 * What both autoencoders ({@link Nae}, {@link NaeMultiplicative}) hold and set up the same way: the shapes,
 * V and Vᵀ, the starting W_E (R×K) and W_D (K×R) of method §4, H (R×N), and the kernels (the masked ones built
 * only when chosen). The training rule is the subclass' {@link #step()}.
 */
abstract class AutoencoderBase implements Autoencoder {
    final int k;
    final int n;
    final int r;
    final float[] v;
    /** Vᵀ (N×K) on the dense path, null on the masked one. */
    final float[] vt;
    final Parallel par;
    final Support support;
    final float[] we;
    final float[] wd;
    final float[] h;
    /** DENSE or MASKED (never AUTO). */
    final KernelChoice kernels;
    /** The mask-aware products, or null on the dense path. */
    final MaskedAutoencoderPasses masked;

    /**
     * @throws IllegalArgumentException if V is not K×N
     */
    AutoencoderBase(float[] v, Constraints c, NaeInit init, long seed, Workers workers, KernelChoice choice) {
        this(v, c, init, seed, null, workers, choice);
    }

    /**
     * As above, starting from {@code start} instead of {@code init} when it is not null; its W_D is projected
     * onto W^C as every training step projects it.
     *
     * @throws IllegalArgumentException if V is not K×N or {@code start} is not K×R
     */
    AutoencoderBase(float[] v, Constraints c, NaeInit init, long seed, NaeWeights start, Workers workers,
                    KernelChoice choice) {
        Parallel par = workers.pool();
        this.k = c.bins();
        this.n = c.frames();
        this.r = c.rank();
        this.v = v;
        this.par = par;
        this.support = c.support();
        this.we = new float[r * k];
        this.wd = new float[k * r];
        if (start == null) {
            NaeInitialization.initialise(v, c, init, seed, we, wd, par);
        } else {
            if (start.bins() != k || start.rank() != r) {
                throw new IllegalArgumentException("the starting weights are for K×R = " + start.bins() + "×"
                        + start.rank() + " but the constraints are " + k + "×" + r);
            }
            System.arraycopy(start.encoder(), 0, we, 0, we.length);
            float[] wc = c.wc();
            for (int i = 0; i < wd.length; i++) {
                wd[i] = wc[i] == 0f ? 0f : Math.max(start.decoder()[i], 0f);
            }
        }
        this.h = new float[r * n];
        RowRanges activations = support.intervals();
        RowRanges templates = support.bands();
        this.kernels = choice.resolve(MaskedAutoencoderPasses.maskedFraction(activations, templates));
        this.masked = kernels == KernelChoice.MASKED
                ? new MaskedAutoencoderPasses(v, c, activations, templates, par)
                : null;
        // Vᵀ as the dense path multiplies with it (the masked kernels keep their own, padded).
        this.vt = masked == null ? Products.transposeSpectrogram(v, k, n) : null;
    }

    /** The kernels this instance runs (DENSE or MASKED, never AUTO). */
    public KernelChoice kernels() {
        return kernels;
    }

    @Override
    public float[] encoder() {
        return we;
    }

    @Override
    public float[] templates() {
        return wd;
    }

    @Override
    public float[] activations() {
        return h;
    }
}
