package org.nae4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.Csv;
import org.nae4j.io.Json;
import org.nae4j.io.Npy;
import org.nae4j.io.OutputFolder;
import org.nae4j.model.DeadPitches;
import org.nae4j.model.History;

/**
 * Writes the outputs of a decomposition (method §7) into a folder, all or nothing: {@code W.npy} (K×R),
 * {@code H.npy} (R×N), {@code W_E.npy} (R×K, autoencoders only), {@code pitches.csv}, {@code history.csv},
 * {@code summary.json}, plus whatever {@code extra} adds (plots, the aligned score).
 */
public final class Results {
    private Results() {
    }

    /** Writes a new results folder ({@code dir} missing or empty) with no parameters beyond the result's own. */
    public static void write(Path dir, DecompositionResult r) {
        write(dir, r, Map.of(), null);
    }

    /**
     * Writes a new results folder: {@code dir} must be missing or empty (see {@link OutputFolder} for how to
     * replace an earlier result).
     *
     * @param dir        the output folder
     * @param r          the decomposition
     * @param parameters every parameter of the run (inputs, analysis, method options), for summary.json
     * @param extra      writes further files into the (temporary) folder; may be null
     */
    public static void write(Path dir, DecompositionResult r, Map<String, Object> parameters,
                             AtomicFiles.FolderContent extra) {
        try (OutputFolder out = OutputFolder.claim(dir, "decompose", false, java.util.List.of())) {
            write(out, r, parameters, extra);
        }
    }

    /** Writes the results into a claimed folder, replacing it as a whole. */
    public static void write(OutputFolder dir, DecompositionResult r, Map<String, Object> parameters,
                             AtomicFiles.FolderContent extra) {
        dir.write(tmp -> {
            writeInto(tmp, r, parameters);
            if (extra != null) {
                extra.fill(tmp);
            }
        });
    }

    /** Writes the standard files into an existing folder (not atomically as a whole). */
    public static void writeInto(Path dir, DecompositionResult r, Map<String, Object> parameters) throws IOException {
        int k = r.bins();
        int n = r.frames();
        int rank = r.rank();
        Npy.write(dir.resolve("W.npy"), r.w(), k, rank);
        Npy.write(dir.resolve("H.npy"), r.h(), rank, n);
        if (r.encoder() != null) {
            Npy.write(dir.resolve("W_E.npy"), r.encoder(), rank, k);
        }
        List<List<?>> pitchRows = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            pitchRows.add(List.of(i, r.pitches()[i]));
        }
        Csv.write(dir.resolve("pitches.csv"), List.of("row", "pitch"), pitchRows);
        Csv.write(dir.resolve("history.csv"), List.of("iteration", "seconds", "l1_error", "frobenius"),
                historyRows(r.history()));
        Json.write(dir.resolve("summary.json"), summary(r, parameters));
    }

    /** The content of summary.json: the run's key numbers first, then every parameter. */
    public static Map<String, Object> summary(DecompositionResult r, Map<String, Object> parameters) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", r.options().method().id());
        s.put("iterations", r.options().iterations());
        s.put("seed", r.options().seed());
        s.put("threads", r.options().threads());
        s.put("K", r.bins());
        s.put("N", r.frames());
        s.put("R", r.rank());
        s.put("l1_error", r.errors().columnL1());
        s.put("relative_l1_error", r.errors().relativeL1());
        s.put("frobenius", r.errors().frobenius());
        s.put("seconds", r.seconds());
        s.put("ms_per_iteration", r.options().iterations() == 0 ? 0.0 : 1000 * r.seconds() / r.options().iterations());
        // The second half's rate: the first iterations of a JVM include the JIT's warm-up.
        double steady = r.history().steadyMsPerIteration();
        s.put("steady_ms_per_iteration", Double.isFinite(steady) ? steady : null);
        s.put("pitches", r.pitches());
        // A collapse (method §4): pitches of the score whose activations ended all zero.
        s.put("dead_pitches", DeadPitches.pitches(DeadPitches.rows(r.h(), null, r.rank(), r.frames()), r.pitches()));
        String version = Results.class.getPackage().getImplementationVersion();
        s.put("nae4j_version", version == null ? "development build" : version);
        s.put("java_version", System.getProperty("java.version"));
        s.put("parameters", parameters);
        return s;
    }

    private static List<List<?>> historyRows(History h) {
        int[] it = h.iterations();
        double[] sec = h.seconds();
        double[] l1 = h.columnL1();
        double[] fro = h.frobenius();
        List<List<?>> rows = new ArrayList<>(it.length);
        for (int i = 0; i < it.length; i++) {
            rows.add(List.of(it[i], sec[i], l1[i], fro[i]));
        }
        return rows;
    }
}
