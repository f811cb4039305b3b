package org.nae4j.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nae4j.DecompositionOptions;
import org.nae4j.model.Acceleration;
import org.nae4j.model.Method;
import org.nae4j.model.NaeInit;
import org.nae4j.model.NaeOptions;
import org.nae4j.model.ProgressListener;
import picocli.CommandLine.Option;

/** Options of a decomposition run (all but the method), shared by the commands that decompose. */
final class RunOptions implements CheckedOptions {
    @Option(names = "--iterations", paramLabel = "COUNT",
            description = "Number of iterations, >= 0 (default: ${DEFAULT-VALUE}; the paper used "
                    + DecompositionOptions.DEFAULT_ITERATIONS + ").")
    int iterations = DecompositionOptions.DEFAULT_ITERATIONS;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of every random choice; a run is reproducible from (seed, threads) (default: ${DEFAULT-VALUE}).")
    long seed = DecompositionOptions.DEFAULT_SEED;

    @picocli.CommandLine.Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--history-every", paramLabel = "ITERATIONS",
            description = "Record the errors every this many iterations in history.csv, >= 1; the first and the last "
                    + "iteration are always recorded (default: ${DEFAULT-VALUE}).")
    int historyEvery = DecompositionOptions.DEFAULT_HISTORY_EVERY;

    @picocli.CommandLine.Mixin
    KernelOptions kernels = new KernelOptions();

    @Option(names = "--accelerate", arity = "0..1", paramLabel = "ALPHA", fallbackValue = "0.5",
            description = "NMF only: accelerated multiplicative updates (Gillis and Glineur 2012): per pass over V, up "
                    + "to 1 + ALPHA x (the products' cost over an update's) updates of H and of W with the same products, "
                    + "each loop stopped once an update changes its factor by at most 10 %% as much as the first. "
                    + "ALPHA >= 0 (0.5 when only --accelerate is given). Same fixed points (default: off, the paper's "
                    + "plain updates).")
    Double accelerate;

    @Option(names = "--init", paramLabel = "NAME", converter = InitConverter.class,
            description = "Autoencoder start: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). random: W_D = W^C "
                    + "and uniform random W_E, unit-norm and scaled to fit V; tied: W_E = W_D^T, then scaled; literal: "
                    + "binary W_D, Glorot W_E, unscaled (collapses; for comparison).")
    NaeInit init = NaeOptions.DEFAULT.init();

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Autoencoder learning rate, > 0 (default: " + NaeOptions.DEFAULT_SGD_LEARNING_RATE + " for nae-sgd, "
                    + NaeOptions.DEFAULT_ADAPTIVE_LEARNING_RATE + " for nae-adam and nae-rmsprop).")
    Double learningRate;

    @Option(names = "--beta1", paramLabel = "DECAY",
            description = "Adam's first-moment decay, 0 <= beta1 < 1 (default: ${DEFAULT-VALUE}).")
    double beta1 = NaeOptions.DEFAULT_BETA1;

    @Option(names = "--beta2", paramLabel = "DECAY",
            description = "Adam's second-moment decay, 0 <= beta2 < 1 (default: ${DEFAULT-VALUE}).")
    double beta2 = NaeOptions.DEFAULT_BETA2;

    @Option(names = "--rho", paramLabel = "DECAY",
            description = "RMSprop's mean-square decay, 0 <= rho < 1 (default: ${DEFAULT-VALUE}).")
    double rho = NaeOptions.DEFAULT_RHO;

    @Option(names = "--epsilon", paramLabel = "EPS",
            description = "Adam's and RMSprop's epsilon-hat, > 0 (default: ${DEFAULT-VALUE}).")
    double epsilon = NaeOptions.DEFAULT_EPSILON;

    NaeOptions nae() {
        if (learningRate != null && learningRate.isNaN()) {
            // NaN is the record's "method default", which must not pass as a value the user gave.
            throw new BadOptionValue("--learning-rate", "must be finite and > 0, got NaN");
        }
        return BadOptionValue.build(() -> new NaeOptions(learningRate == null ? NaeOptions.METHOD_DEFAULT
                        : learningRate, beta1, beta2, rho, epsilon, init),
                "learningRate", "--learning-rate", "beta1", "--beta1", "beta2", "--beta2", "rho", "--rho",
                "epsilon", "--epsilon");
    }

    /** The options of a run of {@code method}. */
    DecompositionOptions options(Method method) {
        // The autoencoders ignore it (an experiment accelerates its NMF runs only).
        return BadOptionValue.build(() -> new DecompositionOptions(method, iterations, seed, threads.threads(), historyEvery,
                        kernels.kernels, nae(), acceleration(method)),
                "iterations", "--iterations", "threads", "--threads", "historyEvery", "--history-every");
    }

    private Acceleration acceleration(Method method) {
        return accelerate == null || method != Method.NMF ? Acceleration.NONE
                : BadOptionValue.build(() -> new Acceleration(accelerate, Acceleration.DEFAULT.delta()),
                        "alpha", "--accelerate");
    }

    /** Refuses the options that {@code method}, the one method of a command, cannot use. */
    void checkFor(Method method) {
        if (accelerate != null && method != Method.NMF) {
            throw new BadOptionValue("--accelerate", "applies to nmf only, not " + method.id());
        }
    }

    @Override
    public void check() {
        // The method does not change what is valid (--accelerate is checked with the method).
        options(Method.NMF);
    }

    /** The parameters of a run of {@code method}, for summary.json. */
    Map<String, Object> describe(Method method) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", iterations);
        m.put("seed", seed);
        m.put("threads", threads.threads());
        m.put("history_every", historyEvery);
        m.put("kernels", kernels.kernels.id());
        if (method == Method.NMF) {
            Acceleration a = acceleration(method);
            m.put("accelerated", !a.plain());
            m.put("acceleration_alpha", a.alpha());
            m.put("acceleration_delta", a.delta());
        }
        // Only what the method uses: the optimizer's hyperparameters (with the learning rate resolved).
        m.putAll(nae().describe(method));
        return m;
    }

    /**
     * {@code listener} plus a warning on stderr when pitches collapse (printed even when quiet: it means the
     * result is not what the user asked for).
     */
    static ProgressListener warnOnCollapse(ProgressListener listener) {
        return new ProgressListener() {
            @Override
            public void progress(int done, int total, double seconds) {
                listener.progress(done, total, seconds);
            }

            @Override
            public void collapse(int iteration, int[] pitches, int total) {
                listener.collapse(iteration, pitches, total);
                String which = pitches.length == total
                        ? "all " + total + " pitches have all-zero activations: the model collapsed (V^ = 0)"
                        : pitches.length + " of " + total + " pitches have all-zero activations although the score "
                                + "allows them (" + Arrays.toString(pitches) + ")";
                System.err.println(System.lineSeparator() + "nae4j: warning: after iteration " + iteration + ", "
                        + which + "; try --init tied or a smaller --learning-rate");
            }
        };
    }

    /** Accepts the command-line initialisation names. */
    static final class InitConverter implements picocli.CommandLine.ITypeConverter<NaeInit> {
        @Override
        public NaeInit convert(String value) {
            try {
                return NaeInit.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
