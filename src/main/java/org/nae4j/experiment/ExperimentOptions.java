package org.nae4j.experiment;

import java.util.List;
import org.nae4j.DecompositionOptions;
import org.nae4j.InvalidOptionException;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.model.Method;
import org.nae4j.spectral.StftParams;

/**
 * What an experiment runs.
 *
 * @param methods     the methods, each run on every recording (at least one, no repeats)
 * @param run         iterations, seed, threads and method options shared by all runs (its method is ignored)
 * @param stft        STFT parameters
 * @param constraints constraint parameters
 * @param resume      skip runs whose output folder is already complete
 * @param plots       write the per-run plots too (the report's figures are always written)
 */
public record ExperimentOptions(List<Method> methods, DecompositionOptions run, StftParams stft,
                                ConstraintOptions constraints, boolean resume, boolean plots) {
    public ExperimentOptions {
        if (methods == null || methods.isEmpty()) {
            throw new InvalidOptionException("methods", "an experiment's methods", "must name at least one method");
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new InvalidOptionException("methods", "methods", "must each appear once, got " + methods);
        }
        methods = List.copyOf(methods);
    }
}
