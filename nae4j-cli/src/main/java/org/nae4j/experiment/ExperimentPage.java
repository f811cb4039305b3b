package org.nae4j.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nae4j.io.Json;
import org.nae4j.model.Method;
import org.nae4j.report.Block;
import org.nae4j.report.Cell;
import org.nae4j.report.Figure;
import org.nae4j.report.Html;
import org.nae4j.report.ReportPage;
import org.nae4j.report.Table;

/**
 * The page of an experiment's report folder: Table I with the best autoencoder of each recording marked and
 * every cell linking to its run's page, the runs as in table1.csv, Fig. 3–5, the parameters and the
 * environment.
 */
final class ExperimentPage {
    private ExperimentPage() {
    }

    static void write(Path out, Report report, ExperimentOptions o) {
        List<String> recordings = report.recordings();
        List<Method> methods = report.methods();
        ReportPage page = new ReportPage("nae4j experiment: " + recordings.size() + " recordings × " + methods.size()
                + " methods", "The paper's Table I and Fig. 3–5 (Özer et al. 2022) from " + recordings.size()
                * methods.size() + " runs of " + o.run().iterations() + " iterations");
        page.section("Table I", Block.text("Column-wise ℓ1 error between V and V̂ after the last iteration, "
                + "relative error Σ|V−V̂|/Σ|V| in parentheses. ★: the best autoencoder of each recording. Click a "
                + "cell to open its run's page, a heading to sort."), tableOne(out, report));
        page.section("Runs", Block.text("Every run as in table1.csv, with its training time."), runs(out, report));
        List<Figure> fig3 = new ArrayList<>();
        for (String rec : recordings) {
            fig3.add(new Figure(Figures.fig3Name(rec), rec, "Fig. 3 for " + rec + ": W and H of the reference "
                    + "method (NMF when it ran) and, for every other method, its difference to them (red: more, "
                    + "blue: less)."));
        }
        page.section("Fig. 3: templates and activations", Block.figures(fig3, true));
        page.section("Fig. 4 and 5: error during training", Block.figures(List.of(
                new Figure("fig4.png", "Fig. 4", "Column-wise ℓ1 error per iteration, mean ± standard deviation "
                        + "over the recordings."),
                new Figure("fig5.png", "Fig. 5", "The mean error against the mean training time in seconds.")),
                false));
        page.section("Parameters", Block.facts(parameters(o)));
        Path env = out.resolve("environment.json");
        if (Files.isRegularFile(env)) {
            page.section("Environment", Block.facts(Json.readObject(env)));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : List.of("table1.csv", "report.md", "environment.json")) {
            files.put(f, Html.href(f));
        }
        page.section("Files", Block.links(files));
        page.write(out.resolve(ReportPage.FILE));
    }

    private static Table tableOne(Path out, Report report) {
        List<String> columns = new ArrayList<>(List.of("recording"));
        report.methods().forEach(m -> columns.add(m.id()));
        Table t = new Table("", columns);
        for (String rec : report.recordings()) {
            Method best = report.bestAutoencoder(rec);
            List<Cell> row = new ArrayList<>(List.of(Cell.text(rec)));
            for (Method m : report.methods()) {
                RunRecord r = report.run(rec, m);
                Cell c = Cell.numberText(String.format(Locale.ROOT, "%.1f (%.3f)", r.l1(), r.relative()), r.l1())
                        .linkTo(runPage(out, rec, m));
                row.add(m == best ? c.best() : c);
            }
            t.row(row);
        }
        return t;
    }

    private static Table runs(Path out, Report report) {
        Table t = new Table("", List.of("recording", "method", "iterations", "l1_error", "relative_l1_error",
                "seconds", "page"));
        for (String rec : report.recordings()) {
            for (Method m : report.methods()) {
                RunRecord r = report.run(rec, m);
                t.row(Cell.text(rec), Cell.text(m.id()), Cell.number((double) r.runIterations(), "%.0f"),
                        Cell.number(r.l1(), "%.4g"), Cell.number(r.relative(), "%.4f"),
                        Cell.number(r.seconds()[r.seconds().length - 1], "%.3f"),
                        Cell.link("runs/" + rec + "/" + m.id() + "/", runPage(out, rec, m)));
            }
        }
        return t;
    }

    /** The link to a run's page, or to its folder's summary when the run was made without one (--no-report). */
    private static String runPage(Path out, String recording, Method m) {
        String dir = "runs/" + recording + "/" + m.id() + "/";
        return Html.href(dir + (Files.isRegularFile(out.resolve(dir + ReportPage.FILE)) ? ReportPage.FILE
                : "summary.json"));
    }

    private static Map<String, Object> parameters(ExperimentOptions o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("methods", o.methods().stream().map(Method::id).toList());
        p.put("iterations", o.run().iterations());
        p.put("seed", o.run().seed());
        p.put("threads", o.run().threads());
        p.put("errors recorded every (iterations)", o.run().historyEvery());
        p.put("kernels", o.run().kernels().id());
        p.put("n_fft", o.stft().nFft());
        p.put("hop", o.stft().hop());
        p.put("tau", o.constraints().tau());
        p.put("partials", o.constraints().partials() == org.nae4j.constraints.ConstraintOptions.ALL_PARTIALS ? "all"
                : o.constraints().partials());
        p.put("onset tolerance (s)", o.constraints().onsetTolerance());
        p.put("offset tolerance (s)", o.constraints().offsetTolerance());
        for (Method m : o.methods()) {
            Map<String, Object> nae = o.run().nae().describe(m);
            if (!nae.isEmpty()) {
                p.put(m.id(), nae);
            }
        }
        if (!o.preparation().isEmpty()) {
            p.put("preparation", o.preparation());
        }
        return p;
    }
}
