package org.nae4j.optim;

import org.nae4j.io.InvalidOptionException;

/**
 * A first-order optimizer for one parameter array (torch.optim / Keras style, separate from the model): the
 * model computes the gradient, {@link #step} updates the parameters in place. An instance holds the state of
 * exactly one parameter array (moments, step count), so create one per array with a {@link Factory}.
 */
public interface Optimizer {

    /**
     * Updates {@code param} in place from {@code grad} (same length as the array this instance was created
     * for). {@code grad} is only read.
     */
    void step(float[] param, float[] grad);

    /** Creates an optimizer with fresh state for a parameter array of {@code size} entries. */
    @FunctionalInterface
    interface Factory {
        Optimizer create(int size);
    }

    /** Throws unless both arrays have the expected length. */
    static void checkSizes(float[] param, float[] grad, int size) {
        if (param.length != size || grad.length != size) {
            throw new IllegalArgumentException("this optimizer was created for " + size + " parameters, got "
                    + param.length + " parameters and " + grad.length + " gradient entries");
        }
    }

    /** Throws unless {@code x} is finite and > 0. */
    static double positive(double x, String name) {
        return positive(x, name, name);
    }

    /** Throws unless 0 ≤ {@code x} &lt; 1. */
    static double decay(double x, String name) {
        return decay(x, name, name);
    }

    /** Throws unless {@code x} is finite and > 0, naming the options record's {@code parameter}. */
    static double positive(double x, String parameter, String name) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new InvalidOptionException(parameter, name, "must be finite and > 0, got " + x);
        }
        return x;
    }

    /** Throws unless 0 ≤ {@code x} &lt; 1, naming the options record's {@code parameter}. */
    static double decay(double x, String parameter, String name) {
        if (!(x >= 0 && x < 1)) {
            throw new InvalidOptionException(parameter, name, "must be in [0, 1), got " + x);
        }
        return x;
    }
}
