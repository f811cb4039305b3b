package org.nae4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nae4j.Analysis;
import org.nae4j.DecompositionOptions;
import org.nae4j.bench.KernelBench;
import org.nae4j.bench.NumpyBaseline;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.io.Csv;
import org.nae4j.io.Json;
import org.nae4j.io.OutputFolder;
import org.nae4j.model.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nae4j bench}: ms/iteration of the dense and the mask-aware kernels of each method, side by side, and
 * optionally of the dense NumPy baseline ({@link NumpyBaseline}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the dense and the mask-aware kernels of each method on one recording: median "
                + "ms/iteration over " + KernelBench.ROUNDS + " rounds, their ratio, the useful (masked) GFLOP/s, "
                + "and the largest relative difference of the two reconstructions; with --numpy also the same "
                + "updates in dense NumPy, side by side."})
final class BenchCommand implements Callable<Integer>, CheckedOptions {
    static final int DEFAULT_ITERATIONS = 50;
    static final int DEFAULT_WARMUP = 50;
    static final double DEFAULT_JIT_SECONDS = 5;

    @Option(names = "--audio", required = true, paramLabel = "FILE",
            description = "The recording: WAV (PCM 8/16/24/32-bit or float), any rate, mono or multichannel "
                    + "(channels are averaged).")
    Path audio;

    @Option(names = "--score", required = true, paramLabel = "FILE",
            description = "Its score, aligned to the recording: CSV (Start;Duration;Pitch;Velocity;Instrument, "
                    + "seconds) or MIDI.")
    Path score;

    @Option(names = "--iterations", paramLabel = "COUNT",
            description = "Iterations per timed round, >= 1 (default: ${DEFAULT-VALUE}).")
    int iterations = DEFAULT_ITERATIONS;

    @Option(names = "--warmup", paramLabel = "COUNT",
            description = "Untimed iterations of each timed model before its rounds, >= 0 (default: ${DEFAULT-VALUE}).")
    int warmup = DEFAULT_WARMUP;

    @Option(names = "--jit-warmup", paramLabel = "SECONDS",
            description = "Seconds a throwaway model of each method and path runs first, untimed, so that the JIT "
                    + "compiler has finished (default: ${DEFAULT-VALUE} s; 0: none).")
    double jitSeconds = DEFAULT_JIT_SECONDS;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--methods", paramLabel = "NAME", split = ",", converter = MethodOption.Converter.class,
            description = "Methods to time, comma-separated: ${COMPLETION-CANDIDATES} (default: all).")
    List<Method> methods;

    @Option(names = "--numpy", description = "Also time the same updates in dense NumPy float32 (the script "
            + "scripts/bench/dense_numpy.py, run with the same threads; needs Python 3 with NumPy, a 22050 Hz "
            + "16-bit WAV, a CSV score and the default analysis options) and report nae4j's speed-up over it.")
    boolean numpy;

    @Option(names = "--python", paramLabel = "CMD",
            description = "The Python 3 interpreter for --numpy (default: ${DEFAULT-VALUE}).")
    String python = "python3";

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write the table as DIR/bench.csv and DIR/bench.json (a new or empty folder, or an "
                    + "earlier bench folder with --overwrite).")
    Path out;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    OverwriteOption overwrite;

    private KernelBench.Timing timing() {
        return BadOptionValue.build(() -> new KernelBench.Timing(iterations, warmup, jitSeconds),
                "iterations", "--iterations", "warmup", "--warmup", "jitSeconds", "--jit-warmup");
    }

    /** The methods to time: those asked for, or all that have mask-aware kernels. */
    private List<Method> chosen() {
        List<Method> chosen = new ArrayList<>();
        for (Method m : methods == null ? List.of(Method.values()) : methods) {
            if (KernelBench.supports(m)) {
                chosen.add(m);
            } else if (methods != null) {
                throw new BadOptionValue("--methods", "may only name methods with mask-aware kernels to time, got "
                        + m.id());
            }
        }
        return chosen;
    }

    @Override
    public void check() {
        timing();
        chosen();
        if (numpy && !analysis.isDefault()) {
            throw new BadOptionValue("--numpy", "compares with a script that uses the default STFT and constraint "
                    + "options at A440; leave out --n-fft, --hop, --tau, --partials, the tolerances, --tuning, "
                    + "--band-rounding and --inharmonicity");
        }
    }

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            return call(null);
        }
        try (OutputFolder folder = overwrite.claim(out, "bench", audio, score)) {
            return call(folder);
        }
    }

    private Integer call(OutputFolder folder) throws Exception {
        KernelBench.Timing timing = timing();
        int threads = threadsOption.threads();
        List<Method> chosen = chosen();
        // The NumPy script builds W^C as libfmp does (A440, edges rounded down): the same work needs the same W^C.
        ConstraintOptions co = numpy ? ConstraintOptions.REFERENCE : analysis.constraints();
        Analysis a = Aligner.warnIfClipped(Analysis.of(audio, score, analysis.stft(), co), score);
        var c = a.constraints();
        System.out.printf(Locale.ROOT, "bench: K=%d, N=%d, R=%d; W^C %.1f %%, H^C %.1f %%; %d thread(s); %s%n",
                c.bins(), c.frames(), c.rank(), 100 * c.support().templateDensity(),
                100 * c.support().activationDensity(), threads, KernelBench.kernelDescription());
        List<KernelBench.Row> rows = KernelBench.run(a.magnitude(), c, chosen, timing, threads);
        Map<Method, Double> numpyMs = numpy
                ? NumpyBaseline.run(python, audio, score, chosen, iterations, threads) : Map.of();
        System.out.printf(Locale.ROOT, "%-10s %12s %12s %8s %8s %14s %12s%s%n", "method", "dense ms/it",
                "masked ms/it", "speedup", "limit", "masked GFLOP/s", "max rel diff",
                numpy ? String.format(Locale.ROOT, " %12s %9s", "numpy ms/it", "vs numpy") : "");
        List<List<?>> table = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (KernelBench.Row r : rows) {
            Double np = numpyMs.get(r.method());
            System.out.printf(Locale.ROOT, "%-10s %12.3f %12.3f %7.2fx %7.2fx %14.1f %12.2e%s%n", r.method().id(),
                    r.denseMs(), r.maskedMs(), r.speedup(), r.limit(), r.maskedRate(), r.maxRelDiff(),
                    np == null ? "" : String.format(Locale.ROOT, " %12.3f %8.2fx", np, np / r.maskedMs()));
            List<Object> line = new ArrayList<>(List.of(r.method().id(), threads, r.denseMs(), r.maskedMs(),
                    r.speedup(), r.limit(), r.usefulGflop(), r.maskedRate(), r.maxRelDiff()));
            line.add(np == null ? "" : np);
            line.add(np == null ? "" : np / r.maskedMs());
            table.add(line);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", r.method().id());
            m.put("threads", threads);
            m.put("dense_ms_per_iteration", r.denseMs());
            m.put("masked_ms_per_iteration", r.maskedMs());
            m.put("speedup", r.speedup());
            m.put("limit", r.limit());
            m.put("useful_gflop_per_iteration", r.usefulGflop());
            m.put("masked_gflop_per_s", r.maskedRate());
            m.put("max_relative_difference", r.maxRelDiff());
            m.put("numpy_ms_per_iteration", np);
            m.put("speedup_vs_numpy", np == null ? null : np / r.maskedMs());
            json.add(m);
        }
        if (folder != null) {
            folder.write(dir -> writeTables(dir, table, json, c, a.tuningCents()));
        }
        return 0;
    }

    private void writeTables(Path dir, List<List<?>> table, List<Map<String, Object>> json,
                             org.nae4j.constraints.Constraints c, double tuningCents) {
        Csv.write(dir.resolve("bench.csv"), List.of("method", "threads", "dense_ms_per_iteration",
                "masked_ms_per_iteration", "speedup", "limit", "useful_gflop_per_iteration", "masked_gflop_per_s",
                "max_relative_difference", "numpy_ms_per_iteration", "speedup_vs_numpy"), table);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("audio", audio.toString());
        doc.put("score", score.toString());
        doc.put("bins", c.bins());
        doc.put("frames", c.frames());
        doc.put("rank", c.rank());
        doc.put("tuning_cents", tuningCents);
        doc.put("iterations", iterations);
        doc.put("warmup", warmup);
        doc.put("jit_warmup_seconds", jitSeconds);
        doc.put("rounds", KernelBench.ROUNDS);
        doc.put("kernel", KernelBench.kernelDescription());
        doc.put("results", json);
        Json.write(dir.resolve("bench.json"), doc);
    }
}
