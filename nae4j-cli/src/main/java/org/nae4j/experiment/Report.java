package org.nae4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.Csv;
import org.nae4j.model.Method;
import org.nae4j.report.ReportPage;

/**
 * The results of an experiment: the paper's Table I ({@code table1.csv}, {@code report.md}) and figures
 * ({@code fig3-<recording>.png}, {@code fig4.png}, {@code fig5.png}), built from the run folders.
 */
public final class Report {
    private final List<String> recordings;
    private final List<Method> methods;
    private final Map<String, Map<Method, RunRecord>> runs;

    private Report(List<String> recordings, List<Method> methods, Map<String, Map<Method, RunRecord>> runs) {
        this.recordings = recordings;
        this.methods = methods;
        this.runs = runs;
    }

    /** Reads every run of the experiment in {@code out}. */
    static Report collect(Path out, List<Recording> recordings, List<Method> methods) {
        Map<String, Map<Method, RunRecord>> runs = new LinkedHashMap<>();
        for (Recording r : recordings) {
            Map<Method, RunRecord> byMethod = new LinkedHashMap<>();
            for (Method m : methods) {
                byMethod.put(m, RunRecord.read(Experiment.runDir(out, r, m), r.name(), m));
            }
            runs.put(r.name(), byMethod);
        }
        return new Report(recordings.stream().map(Recording::name).toList(), methods, runs);
    }

    /** The run of a recording with a method. */
    RunRecord run(String recording, Method m) {
        return runs.get(recording).get(m);
    }

    /** Final column-wise ℓ1 error of a run. */
    public double error(String recording, Method m) {
        return runs.get(recording).get(m).l1();
    }

    public List<String> recordings() {
        return recordings;
    }

    public List<Method> methods() {
        return methods;
    }

    void write(Path out, ExperimentOptions o) {
        writeTable(out);
        AtomicFiles.writeString(out.resolve("report.md"), markdown() + parameters(o));
        Figures.write(out, recordings, methods, runs);
        if (o.report()) {
            ExperimentPage.write(out, this, o);
        }
    }

    /** The files {@link #write} writes into the report folder. */
    List<String> files(ExperimentOptions o) {
        List<String> f = new ArrayList<>(List.of("table1.csv", "report.md", "fig4.png", "fig5.png", "environment.json"));
        if (o.report()) {
            f.add(ReportPage.FILE);
        }
        for (String rec : recordings) {
            f.add(Figures.fig3Name(rec));
        }
        return f;
    }

    /** The parameters every run of the table shares, as a Markdown list. */
    private static String parameters(ExperimentOptions o) {
        StringBuilder sb = new StringBuilder("\n## Parameters\n\n");
        sb.append("- iterations: ").append(o.run().iterations()).append('\n');
        sb.append("- seed: ").append(o.run().seed()).append('\n');
        sb.append("- threads: ").append(o.run().threads()).append('\n');
        sb.append("- errors recorded every ").append(o.run().historyEvery()).append(" iterations\n");
        sb.append("- STFT: n_fft ").append(o.stft().nFft()).append(", hop ").append(o.stft().hop()).append('\n');
        sb.append(String.format(Locale.ROOT, "- W^C: tau %s, partials %s, tuning %s, band rounding %s, inharmonicity "
                        + "%s; H^C: onset tolerance %s s, offset tolerance %s s%n", o.constraints().tau(),
                o.constraints().partials() == ConstraintOptions.ALL_PARTIALS ? "all" : o.constraints().partials(),
                o.constraints().tuning(), o.constraints().bandRounding().id(), o.constraints().inharmonicity().id(),
                o.constraints().onsetTolerance(),
                o.constraints().offsetTolerance()));
        for (Method m : o.methods()) {
            Map<String, Object> nae = o.run().nae().describe(m);
            if (!nae.isEmpty()) {
                sb.append("- ").append(m.id()).append(": ").append(nae).append('\n');
            }
        }
        if (!o.preparation().isEmpty()) {
            sb.append("- preparation: ").append(o.preparation()).append('\n');
        }
        return sb.toString();
    }

    private void writeTable(Path out) {
        List<List<?>> rows = new ArrayList<>();
        for (String rec : recordings) {
            for (Method m : methods) {
                RunRecord r = runs.get(rec).get(m);
                rows.add(List.of(rec, m.id(), r.runIterations(), r.l1(), r.relative(),
                        r.seconds()[r.seconds().length - 1]));
            }
        }
        Csv.write(out.resolve("table1.csv"), List.of("recording", "method", "iterations", "l1_error",
                "relative_l1_error", "seconds"), rows);
    }

    /** The best autoencoder of a recording (lowest error), or null when no autoencoder ran. */
    Method bestAutoencoder(String recording) {
        Method best = null;
        for (Method m : methods) {
            if (m.hasEncoder() && (best == null || error(recording, m) < error(recording, best))) {
                best = m;
            }
        }
        return best;
    }

    /** Table I as Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Approximation error between V and V^ (column-wise average l1 error)\n\n");
        sb.append("Like Table I of Özer et al. (2022). Relative error Σ|V−V^|/Σ|V| in parentheses; ");
        sb.append("**bold**: the best autoencoder of each recording.\n\n| recording |");
        for (Method m : methods) {
            sb.append(' ').append(m.id()).append(" |");
        }
        sb.append("\n|---|").append("---|".repeat(methods.size())).append('\n');
        for (String rec : recordings) {
            Method best = bestAutoencoder(rec);
            sb.append("| ").append(rec).append(" |");
            for (Method m : methods) {
                RunRecord r = runs.get(rec).get(m);
                String cell = String.format(Locale.ROOT, "%.1f (%.3f)", r.l1(), r.relative());
                sb.append(' ').append(m == best ? "**" + cell + "**" : cell).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nFigures: `fig3-<recording>.png` (W and H of NMF and each method's difference to them), "
                + "`fig4.png` (error per iteration, mean ± std over recordings), `fig5.png` (error against "
                + "training seconds, mean over recordings). Each run's outputs are in `runs/<recording>/<method>/`.\n");
        return sb.toString();
    }
}
