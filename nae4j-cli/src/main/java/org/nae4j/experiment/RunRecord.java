package org.nae4j.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.InputFiles;
import org.nae4j.io.Json;
import org.nae4j.io.Npy;
import org.nae4j.model.Method;

/**
 * A finished run read back from its folder.
 *
 * @param recording  the recording's name
 * @param method     the method
 * @param runIterations the iterations the run was trained for
 * @param l1         final column-wise ℓ1 error
 * @param relative   final relative ℓ1 error
 * @param iterations recorded iterations (history.csv)
 * @param seconds    training seconds at those iterations
 * @param errors     column-wise ℓ1 error at those iterations
 * @param w          W (ℓ1-normalised), K×R
 * @param h          H, R×N
 * @param pitches    pitch of each component
 */
record RunRecord(String recording, Method method, int runIterations, double l1, double relative, double[] iterations, double[] seconds,
                 double[] errors, Npy.Matrix w, Npy.Matrix h, int[] pitches) {

    static RunRecord read(Path dir, String recording, Method method) {
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            throw InvalidInputException.of(dir, "run folder is incomplete (no summary.json)");
        }
        Map<String, Object> s = Json.readObject(summary);
        List<?> p = (List<?>) s.get("pitches");
        int[] pitches = p.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        String[] lines = new String(InputFiles.readBytes(dir.resolve("history.csv")),
                java.nio.charset.StandardCharsets.UTF_8).split("\n");
        int n = lines.length - 1;
        double[] it = new double[n];
        double[] sec = new double[n];
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines[i + 1].split(",");
            it[i] = Double.parseDouble(f[0]);
            sec[i] = Double.parseDouble(f[1]);
            err[i] = Double.parseDouble(f[2]);
        }
        return new RunRecord(recording, method, ((Number) s.get("iterations")).intValue(),
                ((Number) s.get("l1_error")).doubleValue(),
                ((Number) s.get("relative_l1_error")).doubleValue(), it, sec, err,
                Npy.read(dir.resolve("W.npy")), Npy.read(dir.resolve("H.npy")), pitches);
    }
}
