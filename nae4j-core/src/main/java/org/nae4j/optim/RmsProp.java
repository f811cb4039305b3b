package org.nae4j.optim;

/**
 * RMSprop (Tieleman and Hinton) without momentum, as Keras implements it: v ← ρ·v + (1−ρ)·g²,
 * p ← p − lr·g / (√v + ε̂). The mean square starts at zero.
 */
public final class RmsProp implements Optimizer {
    private final float lr;
    private final float rho;
    private final float oneMinusRho;
    private final float epsilon;
    private final float[] v;

    /**
     * @param learningRate lr, finite and > 0
     * @param rho          decay of the mean square, in [0, 1)
     * @param epsilon      ε̂, finite and > 0
     * @param size         length of the parameter array
     */
    public RmsProp(double learningRate, double rho, double epsilon, int size) {
        this.lr = (float) Optimizer.positive(learningRate, "learning rate");
        this.rho = (float) Optimizer.decay(rho, "rho");
        this.oneMinusRho = (float) (1 - rho);
        this.epsilon = (float) Optimizer.positive(epsilon, "epsilon");
        this.v = new float[size];
    }

    /** A factory of RMSprop optimizers with these hyperparameters (validated now). */
    public static Optimizer.Factory factory(double learningRate, double rho, double epsilon) {
        new RmsProp(learningRate, rho, epsilon, 0);
        return size -> new RmsProp(learningRate, rho, epsilon, size);
    }

    @Override
    public void step(float[] param, float[] grad) {
        Optimizer.checkSizes(param, grad, v.length);
        for (int i = 0; i < v.length; i++) {
            float g = grad[i];
            float vi = rho * v[i] + oneMinusRho * g * g;
            v[i] = vi;
            param[i] -= lr * g / ((float) Math.sqrt(vi) + epsilon);
        }
    }
}
