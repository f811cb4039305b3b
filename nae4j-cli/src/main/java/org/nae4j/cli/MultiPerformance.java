package org.nae4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.Results;
import org.nae4j.report.DecompositionPage;
import org.nae4j.alignment.AlignmentResult;
import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.StackedConstraints;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.OutputFolder;
import org.nae4j.model.Errors;
import org.nae4j.model.History;
import org.nae4j.model.Workers;

/**
 * {@code decompose} with several --audio/--score pairs: one autoencoder trained on all the performances of a
 * piece, their frames side by side (V = [V₁ V₂ …], each with its own H^C, {@link StackedConstraints}). The
 * shared model (W.npy, W_E.npy, H.npy of all frames, summary.json) goes at the top of the output folder, each
 * performance's activations, errors, plots and page into {@code performance-1/}, {@code performance-2/}, …
 * as a single decomposition of that recording with the shared templates of its pitches.
 */
final class MultiPerformance {
    /** The sub-folder of performance {@code i} (0-based). */
    static String folderName(int i) {
        return "performance-" + (i + 1);
    }

    private final DecomposeCommand cmd;

    MultiPerformance(DecomposeCommand cmd) {
        this.cmd = cmd;
    }

    private record Part(Analysis analysis, AlignmentResult alignment, AtomicFiles.FolderContent files,
                        Map<String, Object> inputs) {
    }

    int run(OutputFolder folder) {
        List<Part> parts = new ArrayList<>();
        List<Constraints> cs = new ArrayList<>();
        for (int i = 0; i < cmd.audio.size(); i++) {
            Aligner.Prepared p = Aligner.prepare(cmd.audio.get(i), cmd.score.get(i), cmd.alignment, cmd.analysis,
                    cmd.output);
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("audio", cmd.audio.get(i).toString());
            inputs.put("score", cmd.score.get(i).toString());
            if (p.alignment() != null) {
                inputs.put("alignment", p.describe(cmd.alignment));
            }
            parts.add(new Part(p.analysis().withoutSignal(), p.alignment(), p.files(cmd.output.plots), inputs));
            cs.add(p.analysis().constraints());
        }
        Constraints stacked = StackedConstraints.of(cs);
        int k = stacked.bins();
        float[] v = concatenateFrames(parts, k, stacked.frames());
        DecompositionResult joint = DecomposeCommand.fit(v, stacked, cmd.method.method, cmd.run, cmd.output);
        v = null;
        List<DecompositionResult> each = new ArrayList<>();
        List<Map<String, Object>> described = new ArrayList<>();
        int offset = 0;
        try (Workers workers = Workers.create(cmd.run.threads.threads())) {
            for (int i = 0; i < parts.size(); i++) {
                Analysis a = parts.get(i).analysis();
                DecompositionResult r = slice(joint, a, offset, workers);
                offset += a.constraints().frames();
                each.add(r);
                Map<String, Object> d = new LinkedHashMap<>(parts.get(i).inputs());
                d.put("folder", folderName(i));
                d.put("N", r.frames());
                d.put("R", r.rank());
                d.put("l1_error", r.errors().columnL1());
                d.put("relative_l1_error", r.errors().relativeL1());
                described.add(d);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("performances", described);
        parameters.put("method", cmd.method.method.id());
        parameters.put("run", cmd.run.describe(cmd.method.method));
        parameters.put("analysis", cmd.analysis.describe());
        folder.write(dir -> {
            Results.writeInto(dir, joint, parameters);
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                Path sub = Files.createDirectory(dir.resolve(folderName(i)));
                Map<String, Object> inputs = new LinkedHashMap<>(p.inputs());
                inputs.put("shared_model", "..");
                DecomposeCommand.results(p.analysis(), each.get(i), inputs, cmd.method.method, cmd.run, cmd.analysis,
                        cmd.output, p.alignment(), p.files(), "decompose").fill(sub);
            }
            if (cmd.output.report) {
                // The shared model's page: its errors and parameters, and links to each performance's page.
                DecompositionPage.write(dir, "decompose", "nae4j decompose: one model for " + parts.size()
                        + " performances");
            }
        });
        java.io.PrintWriter printed = cmd.spec.commandLine().getOut();
        DecomposeCommand.report(printed, joint, cmd.method.method, cmd.run, cmd.out);
        for (int i = 0; i < each.size(); i++) {
            printed.printf(Locale.ROOT, "  %s (%s): column-wise l1 error %.4g (relative %.4f)%n", folderName(i),
                    cmd.audio.get(i).getFileName(), each.get(i).errors().columnL1(), each.get(i).errors().relativeL1());
        }
        return 0;
    }

    /** V = [V₁ V₂ …], K × Σ Nᵢ row-major. */
    private static float[] concatenateFrames(List<Part> parts, int k, int n) {
        float[] v = new float[k * n];
        int offset = 0;
        for (Part p : parts) {
            float[] vi = p.analysis().magnitude();
            int ni = p.analysis().constraints().frames();
            for (int row = 0; row < k; row++) {
                System.arraycopy(vi, row * ni, v, row * n + offset, ni);
            }
            offset += ni;
        }
        return v;
    }

    /**
     * The joint result restricted to one performance: its frames and its pitches' rows of H, the shared
     * templates and encoder rows of those pitches (the other rows of H are zero in its frames), its errors.
     */
    private static DecompositionResult slice(DecompositionResult joint, Analysis a, int offset, Workers workers) {
        int k = joint.bins();
        int rj = joint.rank();
        int nj = joint.frames();
        int[] pitches = a.constraints().pitches();
        int r = pitches.length;
        int n = a.constraints().frames();
        float[] w = new float[k * r];
        float[] h = new float[r * n];
        float[] e = new float[r * k];
        for (int i = 0; i < r; i++) {
            int row = Arrays.binarySearch(joint.pitches(), pitches[i]);
            for (int p = 0; p < k; p++) {
                w[p * r + i] = joint.w()[p * rj + row];
            }
            System.arraycopy(joint.h(), row * nj + offset, h, i * n, n);
            System.arraycopy(joint.encoder(), row * k, e, i * k, k);
        }
        Errors errors = Errors.of(a.magnitude(), w, h, k, r, n, workers);
        History history = new History();
        history.add(joint.options().iterations(), joint.seconds(), errors);
        return new DecompositionResult(w, h, e, k, n, pitches.clone(), history, errors, joint.seconds(),
                joint.options());
    }
}
