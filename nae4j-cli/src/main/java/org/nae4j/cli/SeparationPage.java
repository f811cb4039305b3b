package org.nae4j.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nae4j.io.Json;
import org.nae4j.report.Block;
import org.nae4j.report.Cell;
import org.nae4j.report.DecompositionPage;
import org.nae4j.report.Html;
import org.nae4j.report.ReportPage;
import org.nae4j.report.Table;

/**
 * The page of a result folder of {@code separate}: a player for the input (linked where it was, not copied)
 * and for each group and the residual with its energy, with SI-SDR and SDR beside each group once
 * {@code evaluate} has written its tables into the folder, then the decomposition's page. Built from the
 * folder's files alone (separation.json, evaluation.json, decomposition/), so {@code evaluate} can write it
 * again with the scores in it: a page opened from the file system may not read JSON files itself.
 */
final class SeparationPage {
    static final String SEPARATION = "separation.json";
    private static final String DECOMPOSITION = "decomposition/";

    private SeparationPage() {
    }

    /** Writes {@code dir/index.html}. */
    static void write(Path dir) {
        Map<String, Object> sep = Json.readObject(dir.resolve(SEPARATION));
        Map<String, Map<String, Object>> scores = scores(dir);
        Map<String, Object> parameters = map(sep.get("parameters"));
        String audio = String.valueOf(parameters.get("audio"));
        Path input = input(sep.get("input_file"));
        List<Map<String, Object>> sources = list(sep.get("sources"));
        String subtitle = String.format(Locale.ROOT, "%d groups by %s and the residual, %s mask", sources.size() - 1,
                sep.get("by"), sep.get("mask"));
        if (!scores.isEmpty()) {
            subtitle += String.format(Locale.ROOT, "; mean SI-SDR %s dB", format(map(
                    Json.readObject(dir.resolve(EvaluateCommand.JSON_FILE))).get("mean_si_sdr_db")));
        }
        ReportPage page = new ReportPage("nae4j separate: " + fileName(audio), subtitle);
        page.section("Listen", listen(dir, sep, sources, scores, audio, input));
        DecompositionPage.addTo(page, dir, DECOMPOSITION, List.of(DECOMPOSITION + "plots/", "plots/"));
        Map<String, Object> separation = new LinkedHashMap<>();
        for (String key : List.of("by", "notes", "mask", "power", "mask_spread_bins", "sample_rate", "samples",
                "format")) {
            if (sep.containsKey(key)) {
                separation.put(key, sep.get(key));
            }
        }
        page.section("Separation parameters", Block.facts(separation));
        page.section("Files", DecompositionPage.files(dir, ""));
        page.write(dir.resolve(ReportPage.FILE));
    }

    private static List<Block> listen(Path dir, Map<String, Object> sep, List<Map<String, Object>> sources,
                                      Map<String, Map<String, Object>> scores, String audio, Path input) {
        List<Block> blocks = new ArrayList<>();
        boolean evaluated = !scores.isEmpty();
        double seconds = number(sep.get("samples")) / number(sep.get("sample_rate"));
        String length = String.format(Locale.ROOT, "%.2f s at %s Hz", seconds, format(sep.get("sample_rate")));
        if (input == null || !Files.isRegularFile(input)) {
            blocks.add(Block.notice("The input " + (input == null ? audio : input) + " is not there any more (moved "
                    + "or deleted), or was read from a pipe: its player stays silent. The groups beside this page "
                    + "still play."));
        }
        blocks.add(Block.text("The input is linked where it was, not copied (" + (input == null ? audio : input)
                + "). The groups and the residual are the WAV files beside this page (" + sep.get("format") + ", "
                + length + "); together they add up to the input. Energy is each file's energy relative to the "
                + "input's, in dB." + (evaluated ? " SI-SDR and SDR compare each group with its reference "
                + "(evaluation.csv)." : " Run nae4j evaluate with reference stems to see SI-SDR and SDR here.")));
        List<String> columns = new ArrayList<>(List.of("file", "group", "notes", "energy (dB re input)"));
        if (evaluated) {
            columns.addAll(List.of("SI-SDR (dB)", "SDR (dB)"));
        }
        columns.add("listen");
        Table table = new Table("", columns);
        String inputHref = input == null ? Html.href(audio) : Html.href(dir, input);
        List<Cell> inputRow = new ArrayList<>(List.of(Cell.text(fileName(audio)), Cell.text("input (linked)"),
                Cell.text(""), Cell.number(0.0, "%.2f")));
        if (evaluated) {
            inputRow.addAll(List.of(Cell.text(""), Cell.text("")));
        }
        inputRow.add(Cell.audio(inputHref, "not found: " + (input == null ? audio : input) + " has moved or was "
                + "deleted"));
        table.row(inputRow);
        for (Map<String, Object> s : sources) {
            String file = String.valueOf(s.get("file"));
            List<Cell> row = new ArrayList<>(List.of(Cell.link(file, Html.href(file)),
                    Cell.text(String.valueOf(s.get("label"))), Cell.number(number(s.get("notes")), "%.0f"),
                    Cell.number(s.get("energy_db") instanceof Number n ? n.doubleValue() : null, "%.2f")));
            if (evaluated) {
                Map<String, Object> score = scores.getOrDefault(String.valueOf(s.get("name")), Map.of());
                row.add(Cell.number(score.get("si_sdr_db") instanceof Number n ? n.doubleValue() : null, "%.2f"));
                row.add(Cell.number(score.get("sdr_db") instanceof Number n ? n.doubleValue() : null, "%.2f"));
            }
            row.add(Cell.audio(Html.href(file), "cannot open " + file));
            table.row(row);
        }
        blocks.add(table);
        return blocks;
    }

    /** The rows of evaluation.json by name, or none if evaluate has not written it into the folder. */
    private static Map<String, Map<String, Object>> scores(Path dir) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        Path file = dir.resolve(EvaluateCommand.JSON_FILE);
        if (Files.isRegularFile(file)) {
            for (Map<String, Object> row : list(Json.readObject(file).get("sources"))) {
                out.put(String.valueOf(row.get("name")), row);
            }
        }
        return out;
    }

    private static Path input(Object path) {
        if (!(path instanceof String s)) {
            return null;
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String format(Object o) {
        return o instanceof Number n ? (n instanceof Double d ? String.format(Locale.ROOT, "%.2f", d)
                : String.valueOf(n)) : "–";
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object e : l) {
                if (e instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }
}
