package org.nae4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.nae4j.io.IoErrors;
import org.nae4j.io.Json;
import org.nae4j.plot.Axis;

/**
 * The page of a decomposition's results folder (what {@code org.nae4j.Results} writes): its errors and run
 * time, the pictures of its {@code plots} folder with what each shows, every parameter of summary.json and
 * links to the files. Built from the folder's files alone, so it can be written again at any time.
 */
public final class DecompositionPage {
    /** The pictures a page shows, in this order, with their titles and captions; absent ones are left out. */
    private static final List<Figure> PICTURES = List.of(
            new Figure("V.png", "V", "The magnitude spectrogram V of the recording (frequency up, time right; "
                    + "log colour): what the model has to explain."),
            new Figure("Vhat.png", "V̂ = W H", "The model's approximation of V. Where it differs from V, the "
                    + "score or the templates do not explain the recording."),
            new Figure("W.png", "W", "Note templates W: one column per pitch of the score, its spectrum "
                    + "(columns ℓ1-normalised). The constraint W^C lets a pitch use only its harmonics."),
            new Figure("H.png", "H", "Activations H: how strongly each pitch sounds in each frame. The "
                    + "constraint H^C lets a pitch sound only around the score's notes."),
            new Figure("piano-roll.png", "Score over H", "The score as a piano roll (red boxes, onset to "
                    + "offset, pitch names on the axis) over the activations H: every box should sit on a bright "
                    + "stretch of its row."),
            new Figure("score-alignment.png", "Score before/after alignment", "The score before (dashed cyan) and "
                    + "after (red) alignment to the recording, over the activations H."),
            new Figure("alignment.png", "Alignment", "The alignment: the local cost between the rendered score "
                    + "and the recording (dark = similar), the warping path (red) and each onset of the score "
                    + "(white dots)."));
    private static final List<Figure> LOSSES = List.of(
            new Figure("loss-iterations.png", "Error per iteration", "The column-wise ℓ1 error between V and V̂ "
                    + "after each recorded iteration (log axes)."),
            new Figure("loss-seconds.png", "Error per second", "The same error against the training time in "
                    + "seconds (log axes)."));

    private DecompositionPage() {
    }

    /**
     * Writes {@code dir/index.html} for the results folder {@code dir}.
     *
     * @param title the page's title; null for "nae4j COMMAND: AUDIO FILE NAME"
     */
    public static void write(Path dir, String command, String title) {
        write(dir, command, title, Map.of());
    }

    /**
     * As {@link #write(Path, String, String)}, with a first section, "Part of", linking to the pages of the
     * larger result this one belongs to (an experiment's report): {@code partOf} maps the text shown to a
     * path relative to {@code dir}, e.g. "../../../index.html".
     */
    public static void write(Path dir, String command, String title, Map<String, String> partOf) {
        Map<String, Object> summary = Json.readObject(dir.resolve("summary.json"));
        Map<String, Object> parameters = map(summary.get("parameters"));
        ReportPage page = new ReportPage(title != null ? title : "nae4j " + command + ": "
                + fileName(parameters.get("audio")), subtitle(summary));
        if (!partOf.isEmpty()) {
            Map<String, String> links = new LinkedHashMap<>();
            partOf.forEach((text, path) -> links.put(text, Html.href(path)));
            page.section("Part of", Block.links(links));
        }
        addTo(page, dir, "", List.of("plots/"));
        page.section("Files", files(dir, ""));
        page.write(dir.resolve(ReportPage.FILE));
    }

    /**
     * Adds the sections of the decomposition in {@code root/prefix} to {@code page}: result, pictures (looked
     * for in each of {@code plotFolders}, relative to {@code root}), losses, parameters.
     *
     * @param prefix the folder of the decomposition relative to the page's folder: "" or ending in '/'
     */
    public static void addTo(ReportPage page, Path root, String prefix, List<String> plotFolders) {
        Map<String, Object> summary = Json.readObject(root.resolve(prefix + "summary.json"));
        List<Block> result = new ArrayList<>();
        if (summary.get("dead_pitches") instanceof List<?> dead && !dead.isEmpty()) {
            result.add(Block.notice("Pitches of the score whose activations ended all zero (the model collapsed "
                    + "for them): " + names(dead) + "."));
        }
        result.add(Block.facts(result(summary)));
        page.section("Result", result);
        List<Figure> pictures = present(root, plotFolders, PICTURES);
        List<Figure> losses = present(root, plotFolders, LOSSES);
        if (pictures.isEmpty() && losses.isEmpty()) {
            page.section("Pictures", Block.text("No pictures: the run was made with --no-plots."));
        } else {
            page.section("Pictures", Block.text("Click a name to switch pictures; click a picture to open it "
                    + "full size."), Block.figures(pictures, true));
            page.section("Error during training", Block.figures(losses, false));
        }
        page.section("Inputs and parameters", Block.facts(map(summary.get("parameters"))));
    }

    /** Links to every file of {@code root/prefix} but the page itself and hidden files, sorted. */
    public static Block files(Path root, String prefix) {
        Map<String, String> links = new LinkedHashMap<>();
        Path dir = root.resolve(prefix);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals(ReportPage.FILE) && !name.startsWith(".") && !name.contains("/."))
                    .sorted()
                    .forEach(name -> links.put(prefix + name, Html.href(prefix + name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + IoErrors.reason(e), e);
        }
        return Block.links(links);
    }

    /** "nmf, relative error 0.357 after 1000 iterations in 12.3 s". */
    static String subtitle(Map<String, Object> summary) {
        return String.format(Locale.ROOT, "%s: relative ℓ1 error %.4f after %s iterations in %.2f s",
                summary.get("method"), number(summary.get("relative_l1_error")), summary.get("iterations"),
                number(summary.get("seconds")));
    }

    private static Map<String, Object> result(Map<String, Object> s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", s.get("method"));
        m.put("column-wise ℓ1 error", s.get("l1_error"));
        m.put("relative ℓ1 error Σ|V−V̂| / Σ|V|", s.get("relative_l1_error"));
        m.put("Frobenius error", s.get("frobenius"));
        m.put("iterations", s.get("iterations"));
        m.put("run time (s)", s.get("seconds"));
        m.put("time per iteration (ms)", s.get("ms_per_iteration"));
        m.put("seed", s.get("seed"));
        m.put("threads", s.get("threads"));
        m.put("size", s.get("K") + " frequency bins × " + s.get("N") + " frames, " + s.get("R") + " pitches");
        m.put("pitches", s.get("pitches") instanceof List<?> p ? names(p) : null);
        m.put("nae4j", s.get("nae4j_version"));
        m.put("Java", s.get("java_version"));
        return m;
    }

    private static String names(List<?> pitches) {
        List<String> out = new ArrayList<>();
        for (Object p : pitches) {
            out.add(p instanceof Number n && n.intValue() >= 0 && n.intValue() <= 127
                    ? Axis.noteName(n.intValue()) + " (" + n.intValue() + ")" : String.valueOf(p));
        }
        return String.join(", ", out);
    }

    private static List<Figure> present(Path root, List<String> folders, List<Figure> figures) {
        List<Figure> out = new ArrayList<>();
        for (Figure f : figures) {
            for (String folder : folders) {
                if (Files.isRegularFile(root.resolve(folder + f.path()))) {
                    out.add(new Figure(folder + f.path(), f.title(), f.caption()));
                    break;
                }
            }
        }
        return out;
    }

    private static String fileName(Object path) {
        if (path == null) {
            return "result";
        }
        Path p = Path.of(String.valueOf(path)).getFileName();
        return p == null ? String.valueOf(path) : p.toString();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
