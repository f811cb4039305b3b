package org.nae4j.optim;

/**
 * Adam (Kingma and Ba) in the form Keras and TensorFlow implement it, with ε̂ added after the bias
 * correction: at step t,
 * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², p ← p − lr_t·m / (√v + ε̂) with
 * lr_t = lr·√(1−β2ᵗ) / (1−β1ᵗ). Moments start at zero.
 */
public final class Adam implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;
    private int t;

    /**
     * @param learningRate lr, finite and > 0
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      ε̂, finite and > 0
     * @param size         length of the parameter array
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, int size) {
        this.lr = Optimizer.positive(learningRate, "learning rate");
        this.beta1 = Optimizer.decay(beta1, "beta1");
        this.beta2 = Optimizer.decay(beta2, "beta2");
        this.epsilon = (float) Optimizer.positive(epsilon, "epsilon");
        this.m = new float[size];
        this.v = new float[size];
    }

    /** A factory of Adam optimizers with these hyperparameters (validated now). */
    public static Optimizer.Factory factory(double learningRate, double beta1, double beta2, double epsilon) {
        new Adam(learningRate, beta1, beta2, epsilon, 0);
        return size -> new Adam(learningRate, beta1, beta2, epsilon, size);
    }

    @Override
    public void step(float[] param, float[] grad) {
        Optimizer.checkSizes(param, grad, m.length);
        t++;
        float lrT = (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        for (int i = 0; i < m.length; i++) {
            float g = grad[i];
            float mi = b1 * m[i] + c1 * g;
            float vi = b2 * v[i] + c2 * g * g;
            m[i] = mi;
            v[i] = vi;
            param[i] -= lrT * mi / ((float) Math.sqrt(vi) + epsilon);
        }
    }
}
