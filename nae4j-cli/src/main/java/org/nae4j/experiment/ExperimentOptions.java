package org.nae4j.experiment;

import java.util.List;
import java.util.Map;
import org.nae4j.DecompositionOptions;
import org.nae4j.io.InvalidOptionException;
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
 * @param resume      keep the runs that finished earlier with the same parameters
 * @param overwrite   replace the runs (and report files) nae4j wrote before into the same folder: all of them,
 *                    or with {@code resume} those whose parameters differ
 * @param plots       write the per-run plots too (the report's figures are always written)
 * @param report      write the pages (index.html) of the report and of every run
 * @param preparation how recordings are prepared before decomposing (e.g. score alignment), recorded with every
 *                    run and compared on resume; empty when they are used as they are
 */
public record ExperimentOptions(List<Method> methods, DecompositionOptions run, StftParams stft,
                                ConstraintOptions constraints, boolean resume, boolean overwrite, boolean plots,
                                boolean report, Map<String, Object> preparation) {
    public ExperimentOptions {
        if (methods == null || methods.isEmpty()) {
            throw new InvalidOptionException("methods", "an experiment's methods", "must name at least one method");
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw new InvalidOptionException("methods", "methods", "must each appear once, got " + methods);
        }
        methods = List.copyOf(methods);
        preparation = preparation == null ? Map.of() : Map.copyOf(preparation);
    }

    /** Options with the pages written. */
    public ExperimentOptions(List<Method> methods, DecompositionOptions run, StftParams stft,
                             ConstraintOptions constraints, boolean resume, boolean overwrite, boolean plots,
                             Map<String, Object> preparation) {
        this(methods, run, stft, constraints, resume, overwrite, plots, true, preparation);
    }
}
