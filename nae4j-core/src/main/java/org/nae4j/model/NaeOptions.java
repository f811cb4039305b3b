package org.nae4j.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nae4j.optim.Adam;
import org.nae4j.optim.Optimizer;
import org.nae4j.optim.RmsProp;
import org.nae4j.optim.Sgd;

/**
 * Hyperparameters of the autoencoder methods (method §4; the defaults are Keras', which the paper used).
 * Ignored by NMF. Each optimizer reads only its own: SGD the learning rate; Adam learning rate, β1, β2, ε̂;
 * RMSprop learning rate, ρ, ε̂; the multiplicative rule none (its ε is float32's machine epsilon).
 *
 * @param learningRate step size, finite and > 0, or {@link #METHOD_DEFAULT} (NaN) for the method's default:
 *                     {@value #DEFAULT_SGD_LEARNING_RATE} for SGD, {@value #DEFAULT_ADAPTIVE_LEARNING_RATE}
 *                     for Adam and RMSprop
 * @param beta1        Adam's first-moment decay, in [0, 1) (default {@value #DEFAULT_BETA1})
 * @param beta2        Adam's second-moment decay, in [0, 1) (default {@value #DEFAULT_BETA2})
 * @param rho          RMSprop's mean-square decay, in [0, 1) (default {@value #DEFAULT_RHO})
 * @param epsilon      ε̂ of Adam and RMSprop, finite and > 0 (default {@value #DEFAULT_EPSILON})
 * @param init         the initialisation (default {@link NaeInit#RANDOM})
 */
public record NaeOptions(double learningRate, double beta1, double beta2, double rho, double epsilon, NaeInit init) {
    /** Marks "use the method's default learning rate". */
    public static final double METHOD_DEFAULT = Double.NaN;
    public static final double DEFAULT_SGD_LEARNING_RATE = 0.1;
    public static final double DEFAULT_ADAPTIVE_LEARNING_RATE = 1e-3;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;
    /** The defaults of every hyperparameter. */
    public static final NaeOptions DEFAULT = new NaeOptions(METHOD_DEFAULT, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_RHO,
            DEFAULT_EPSILON, NaeInit.RANDOM);

    public NaeOptions {
        if (!Double.isNaN(learningRate)) {
            Optimizer.positive(learningRate, "learningRate", "learning rate");
        }
        Optimizer.decay(beta1, "beta1", "beta1");
        Optimizer.decay(beta2, "beta2", "beta2");
        Optimizer.decay(rho, "rho", "rho");
        Optimizer.positive(epsilon, "epsilon", "epsilon");
        if (init == null) {
            throw new IllegalArgumentException("init must not be null");
        }
    }

    /** The learning rate {@code method} uses: the given one, or the method's default. */
    public double learningRateFor(Method method) {
        if (!Double.isNaN(learningRate)) {
            return learningRate;
        }
        return method == Method.NAE_SGD ? DEFAULT_SGD_LEARNING_RATE : DEFAULT_ADAPTIVE_LEARNING_RATE;
    }

    /** The optimizer of an additive method (SGD, Adam or RMSprop). */
    public Optimizer.Factory optimizer(Method method) {
        double lr = learningRateFor(method);
        return switch (method) {
            case NAE_SGD -> Sgd.factory(lr);
            case NAE_ADAM -> Adam.factory(lr, beta1, beta2, epsilon);
            case NAE_RMSPROP -> RmsProp.factory(lr, rho, epsilon);
            default -> throw new IllegalArgumentException(method + " is not trained with an additive optimizer");
        };
    }

    /** The hyperparameters {@code method} actually uses, by their command-line names (for summary.json). */
    public Map<String, Object> describe(Method method) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!method.hasEncoder()) {
            return m;
        }
        m.put("init", init.id());
        switch (method) {
            case NAE_SGD -> m.put("learning_rate", learningRateFor(method));
            case NAE_ADAM -> {
                m.put("learning_rate", learningRateFor(method));
                m.put("beta1", beta1);
                m.put("beta2", beta2);
                m.put("epsilon", epsilon);
            }
            case NAE_RMSPROP -> {
                m.put("learning_rate", learningRateFor(method));
                m.put("rho", rho);
                m.put("epsilon", epsilon);
            }
            default -> m.put("epsilon", (double) Nmf.EPSILON);
        }
        return m;
    }

    public NaeOptions withLearningRate(double lr) {
        return new NaeOptions(lr, beta1, beta2, rho, epsilon, init);
    }

    public NaeOptions withInit(NaeInit i) {
        return new NaeOptions(learningRate, beta1, beta2, rho, epsilon, i);
    }
}
