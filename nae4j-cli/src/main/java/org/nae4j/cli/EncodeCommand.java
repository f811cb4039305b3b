package org.nae4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.Analysis;
import org.nae4j.Decomposition;
import org.nae4j.DecompositionOptions;
import org.nae4j.DecompositionResult;
import org.nae4j.io.InvalidInputException;
import org.nae4j.Results;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.constraints.Constraints;
import org.nae4j.io.Json;
import org.nae4j.io.Npy;
import org.nae4j.io.OutputFolder;
import org.nae4j.model.Workers;
import org.nae4j.model.Errors;
import org.nae4j.model.History;
import org.nae4j.model.Method;
import org.nae4j.model.KernelChoice;
import org.nae4j.model.Nae;
import org.nae4j.model.NaeOptions;
import org.nae4j.model.NaeWeights;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nae4j encode}: applies a trained autoencoder to another recording of the same piece, without
 * training: H = ReLU(W_E V) ⊙ H^C with H^C from the new score, V̂ = W_D H (method §4); with {@code --adapt},
 * then trains the model on for a few iterations from those weights, to fit a new piano or tuning.
 */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Apply a trained autoencoder (a results folder of decompose --method nae-*) to another recording "
                + "of the same piece: compute its activations H = ReLU(W_E V) * H^C and the approximation error "
                + "without training, or with --adapt refine the model on it first (another piano or tuning). The "
                + "spectrogram and constraint parameters are the model's."})
final class EncodeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Results folder of a decompose run with an autoencoder method (W.npy, W_E.npy, summary.json).")
    Path model;

    @Option(names = "--audio", required = true, paramLabel = "FILE",
            description = "The recording to encode: WAV (PCM 8/16/24/32-bit or float), any rate, mono or multichannel "
                    + "(channels are averaged).")
    Path audio;

    @Option(names = "--score", required = true, paramLabel = "FILE",
            description = "Its score, aligned to the recording (or use --align): CSV (Start;Duration;Pitch;Velocity;"
                    + "Instrument, seconds) or MIDI; every pitch must be one the model was trained on.")
    Path score;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder, written whole or not at all; it must be new or empty, or hold an earlier "
                    + "result of nae4j's with --overwrite.")
    Path out;

    /** Its summary goes to the command line's out (System.out unless an embedding caller set another). */
    @Spec
    CommandSpec spec;

    @Option(names = "--adapt", paramLabel = "ITERATIONS",
            description = "Then refine the model (W_D and W_E) on this recording for this many iterations, >= 0, "
                    + "starting from the trained weights, with the model's method and hyperparameters; the adapted "
                    + "model is written as W.npy and W_E.npy (default: ${DEFAULT-VALUE}: encode only).")
    int adapt;

    @Option(names = "--adapt-method", paramLabel = "NAME", converter = MethodOption.Converter.class,
            description = "Training method of --adapt: an autoencoder method (nae-mu, nae-sgd, nae-adam, nae-rmsprop; "
                    + "nae-mu needs a model without negative weights) (default: the model's method).")
    Method adaptMethod;

    @Option(names = "--adapt-learning-rate", paramLabel = "RATE",
            description = "Learning rate of --adapt, > 0 (default: the model's learning rate, or the method's default "
                    + "with another --adapt-method).")
    Double learningRate;

    @Option(names = "--history-every", paramLabel = "ITERATIONS",
            description = "Record the errors every this many iterations in history.csv, >= 1; the first and the last "
                    + "iteration are always recorded (default: ${DEFAULT-VALUE}).")
    int historyEvery = DecompositionOptions.DEFAULT_HISTORY_EVERY;

    @Mixin
    ThreadsOption threads;

    @Mixin
    AlignFlag alignment;

    @Mixin
    OutputOptions output;

    @Mixin
    OverwriteOption overwrite;

    @Override
    public Integer call() {
        if (adapt < 0) {
            throw new BadOptionValue("--adapt", "must be >= 0 iterations, got " + adapt);
        }
        if (adaptMethod != null && !adaptMethod.hasEncoder()) {
            throw new BadOptionValue("--adapt-method", "must be an autoencoder method (nae-*), got " + adaptMethod.id());
        }
        if (historyEvery < 1) {
            throw new BadOptionValue("--history-every", "must be >= 1 iteration, got " + historyEvery);
        }
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new BadOptionValue("--adapt-learning-rate", "must be finite and > 0, got " + learningRate);
        }
        try (OutputFolder folder = overwrite.claim(out, "encode", model, audio, score)) {
            return call(folder);
        }
    }

    private Integer call(OutputFolder folder) {
        Path summaryFile = model.resolve("summary.json");
        Map<String, Object> summary = Json.readObject(summaryFile);
        Method method = method(summary, summaryFile);
        int[] modelPitches = pitches(summary, summaryFile);
        Map<String, Object> analysisParams = section(section(summary, "parameters"), "analysis");
        StftParams stft = new StftParams(integer(analysisParams, "n_fft", StftParams.DEFAULT.nFft()),
                integer(analysisParams, "hop", StftParams.DEFAULT.hop()));
        ConstraintOptions co = new ConstraintOptions(
                real(analysisParams, "tau", ConstraintOptions.DEFAULT_TAU),
                integer(analysisParams, "partials", ConstraintOptions.ALL_PARTIALS),
                real(analysisParams, "onset_tolerance_s", ConstraintOptions.DEFAULT_ONSET_TOLERANCE),
                real(analysisParams, "offset_tolerance_s", ConstraintOptions.DEFAULT_OFFSET_TOLERANCE));
        Npy.Matrix wd = Npy.read(model.resolve("W.npy"));
        Npy.Matrix we = Npy.read(model.resolve("W_E.npy"));
        int k = stft.bins();
        int rm = modelPitches.length;
        if (wd.rows() != k || wd.cols() != rm) {
            throw InvalidInputException.of(model.resolve("W.npy"), "expected " + k + "×" + rm + " (K×R), found "
                    + wd.rows() + "×" + wd.cols());
        }
        if (we.rows() != rm || we.cols() != k) {
            throw InvalidInputException.of(model.resolve("W_E.npy"), "expected " + rm + "×" + k + " (R×K), found "
                    + we.rows() + "×" + we.cols());
        }
        Aligner.Prepared prepared = Aligner.prepare(audio, score, alignment, stft, co, output);
        Analysis a = prepared.analysis();
        Constraints c = a.constraints();
        int[] rows = modelRows(c.pitches(), modelPitches);
        int r = rows.length;
        int n = c.frames();
        float[] wdSel = new float[k * r];
        float[] weSel = new float[r * k];
        for (int i = 0; i < r; i++) {
            for (int p = 0; p < k; p++) {
                wdSel[p * r + i] = wd.data()[p * rm + rows[i]];
            }
            System.arraycopy(we.data(), rows[i] * k, weSel, i * k, k);
        }
        float[] h = new float[r * n];
        Errors errors;
        try (Workers par = Workers.create(threads.threads())) {
            Nae.encode(weSel, a.magnitude(), c.support(), h, par);
            errors = Errors.of(a.magnitude(), wdSel, h, k, r, n, par);
        }
        History history = new History();
        history.add(0, 0, errors);
        DecompositionOptions options = new DecompositionOptions(method, 0, DecompositionOptions.DEFAULT_SEED,
                threads.threads(), DecompositionOptions.DEFAULT_HISTORY_EVERY);
        DecompositionResult result = new DecompositionResult(wdSel, h, weSel, k, n, c.pitches().clone(), history,
                errors, 0, options);
        Map<String, Object> adaptParams = null;
        if (adapt > 0) {
            Method am = adaptMethod == null ? method : adaptMethod;
            NaeOptions nae = naeOptions(section(section(summary, "parameters"), "run"), am == method, summaryFile);
            DecompositionOptions adaptOptions = BadOptionValue.build(() -> new DecompositionOptions(am, adapt,
                    DecompositionOptions.DEFAULT_SEED, threads.threads(), historyEvery, KernelChoice.AUTO, nae),
                    "threads", "--threads");
            NaeWeights start = new NaeWeights(weSel, wdSel, k, r).balanced();
            if (am == Method.NAE_MU && !start.nonnegative()) {
                throw InvalidInputException.of(model.resolve("W_E.npy"), "has negative entries, which the "
                        + "multiplicative rule (nae-mu) cannot adapt");
            }
            try (Progress p = new Progress(am.id() + " adapt", adapt, output.quiet)) {
                result = Decomposition.fit(a.magnitude(), c, adaptOptions, start, RunOptions.warnOnCollapse(p));
            }
            adaptParams = new LinkedHashMap<>();
            adaptParams.put("iterations", adapt);
            adaptParams.put("history_every", historyEvery);
            adaptParams.put("encode_l1_error", errors.columnL1());
            adaptParams.put("encode_relative_l1_error", errors.relativeL1());
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("command", "encode");
        parameters.put("model", model.toString());
        parameters.put("audio", audio.toString());
        parameters.put("score", score.toString());
        parameters.put("analysis", analysisParams);
        if (adaptParams != null) {
            parameters.put("adapt", adaptParams);
            // As decompose records it, so that the adapted model can be adapted again with the same optimizer.
            parameters.put("run", result.options().nae().describe(result.options().method()));
        }
        if (prepared.alignment() != null) {
            parameters.put("alignment", prepared.describe(alignment));
        }
        Results.write(folder, result, parameters, Aligner.both(Aligner.both(
                output.plotWriter(a, result, prepared.alignment()), prepared.files(output.plots)),
                output.pageWriter("encode")));
        if (adapt > 0) {
            spec.commandLine().getOut().printf(Locale.ROOT, "encode (%s): column-wise l1 error %.4g (relative %.4f) for %d pitches, "
                            + "%.4g after %d adapt iterations (%s) in %.2f s; results in %s%n", method.id(),
                    errors.columnL1(),
                    errors.relativeL1(), r, result.errors().columnL1(), adapt, result.options().method().id(), result.seconds(), out);
        } else {
            spec.commandLine().getOut().printf(Locale.ROOT, "encode (%s): column-wise l1 error %.4g (relative %.4f) for %d pitches "
                    + "without training; results in %s%n", method.id(), errors.columnL1(), errors.relativeL1(), r, out);
        }
        return 0;
    }

    /** For each pitch of the new score, its row in the model; a clear error if some are missing. */
    private int[] modelRows(int[] scorePitches, int[] modelPitches) {
        int[] rows = new int[scorePitches.length];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < scorePitches.length; i++) {
            int row = -1;
            for (int j = 0; j < modelPitches.length; j++) {
                if (modelPitches[j] == scorePitches[i]) {
                    row = j;
                }
            }
            if (row < 0) {
                missing.add(scorePitches[i]);
            }
            rows[i] = row;
        }
        if (!missing.isEmpty()) {
            throw InvalidInputException.of(score, "MIDI pitches " + missing + " are not in the model " + model
                    + ", which was trained on pitches " + Arrays.toString(modelPitches)
                    + "; an encoder can only encode pitches it has templates for");
        }
        return rows;
    }

    /**
     * The model's optimizer hyperparameters (Keras' defaults where it lacks them), with --adapt-learning-rate;
     * its learning rate only for {@code sameMethod} (another method's default differs by orders of magnitude).
     */
    private NaeOptions naeOptions(Map<String, Object> run, boolean sameMethod, Path file) {
        NaeOptions d = NaeOptions.DEFAULT;
        double lr = learningRate != null ? learningRate
                : sameMethod ? real(run, "learning_rate", NaeOptions.METHOD_DEFAULT) : NaeOptions.METHOD_DEFAULT;
        try {
            return new NaeOptions(lr, real(run, "beta1", d.beta1()), real(run, "beta2", d.beta2()),
                    real(run, "rho", d.rho()), real(run, "epsilon", d.epsilon()), d.init());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(file, "invalid optimizer parameters: " + e.getMessage());
        }
    }

    private Method method(Map<String, Object> summary, Path file) {
        Object m = summary.get("method");
        Method method;
        try {
            method = Method.parse(String.valueOf(m));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(file, "unknown method " + m);
        }
        if (!method.hasEncoder()) {
            throw InvalidInputException.of(file, "the model was trained with " + method.id()
                    + ", which has no encoder; train one with decompose --method nae-rmsprop (or another nae-* method)");
        }
        return method;
    }

    private static int[] pitches(Map<String, Object> summary, Path file) {
        if (!(summary.get("pitches") instanceof List<?> list) || list.isEmpty()) {
            throw InvalidInputException.of(file, "no \"pitches\" list");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number x)) {
                throw InvalidInputException.of(file, "\"pitches\" must hold numbers, found " + list.get(i));
            }
            out[i] = x.intValue();
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> m, String key) {
        return m.get(key) instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    }

    private static int integer(Map<String, Object> m, String key, int fallback) {
        return m.get(key) instanceof Number x ? x.intValue() : fallback;
    }

    private static double real(Map<String, Object> m, String key, double fallback) {
        return m.get(key) instanceof Number x ? x.doubleValue() : fallback;
    }
}
