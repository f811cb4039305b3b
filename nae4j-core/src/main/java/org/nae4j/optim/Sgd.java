package org.nae4j.optim;

/** Plain gradient descent without momentum: p ← p − lr·g (Keras {@code SGD} defaults). */
public final class Sgd implements Optimizer {
    private final float lr;
    private final int size;

    /**
     * @param learningRate step size, finite and > 0
     * @param size         length of the parameter array
     */
    public Sgd(double learningRate, int size) {
        this.lr = (float) Optimizer.positive(learningRate, "learning rate");
        this.size = size;
    }

    /** A factory of SGD optimizers with the given learning rate. */
    public static Optimizer.Factory factory(double learningRate) {
        Optimizer.positive(learningRate, "learning rate");
        return size -> new Sgd(learningRate, size);
    }

    @Override
    public void step(float[] param, float[] grad) {
        Optimizer.checkSizes(param, grad, size);
        for (int i = 0; i < size; i++) {
            param[i] -= lr * grad[i];
        }
    }
}
