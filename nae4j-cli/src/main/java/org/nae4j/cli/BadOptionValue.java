package org.nae4j.cli;

import java.util.function.Supplier;
import org.nae4j.io.InvalidOptionException;

/**
 * An option value that the command cannot run with. {@link Main} reports it as a usage error (exit 2) in one
 * line that names the option as the user typed it, e.g. "nae4j decompose: --n-fft must be a power of two ≥ 16,
 * got 1000".
 */
final class BadOptionValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String option;
    private final String problem;

    /**
     * @param option  the option's longest name, e.g. {@code --n-fft}
     * @param problem what is wrong, to follow the option's name, e.g. "must be ≥ 1, got 0"
     */
    BadOptionValue(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
        this.problem = problem;
    }

    String option() {
        return option;
    }

    String problem() {
        return problem;
    }

    /**
     * Builds an options record, turning the record's refusal of a parameter into a {@link BadOptionValue} for the
     * option that sets it.
     *
     * @param build              constructs the record from the option values
     * @param parametersToOptions pairs of a record parameter (as {@link InvalidOptionException#parameter()} names
     *                           it) and the option that sets it, e.g. {@code "nFft", "--n-fft"}
     * @throws IllegalArgumentException unchanged if the record refuses a parameter that no option sets (a bug)
     */
    static <T> T build(Supplier<T> build, String... parametersToOptions) {
        try {
            return build.get();
        } catch (InvalidOptionException e) {
            for (int i = 0; i + 1 < parametersToOptions.length; i += 2) {
                if (parametersToOptions[i].equals(e.parameter())) {
                    throw new BadOptionValue(parametersToOptions[i + 1], e.requirement());
                }
            }
            throw e;
        }
    }
}
