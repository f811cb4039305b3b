package org.nae4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nae4j.io.InvalidInputException;
import org.nae4j.audio.Audio;
import org.nae4j.audio.AudioLoader;
import org.nae4j.audio.Wav;
import org.nae4j.io.Csv;
import org.nae4j.io.FolderMarker;
import org.nae4j.io.Json;
import org.nae4j.io.OutputFile;
import org.nae4j.report.ReportPage;
import org.nae4j.separation.Metrics;
import org.nae4j.separation.Separation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nae4j evaluate}: SI-SDR and SDR of separated signals against reference stems, matched by file name. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare separated signals with reference stems of the same file name (e.g. estimates/right.wav "
                + "with references/right.wav): SI-SDR and SDR in dB per file. Every WAV file of the estimates folder "
                + "except residual.wav needs its reference; other reference files are ignored. Multichannel files are "
                + "averaged to mono. Writes evaluation.csv and evaluation.json and prints a table. In a result folder of "
                + "separate's that has its page, index.html is written again with the scores beside each group."})
final class EvaluateCommand implements Callable<Integer> {
    static final String CSV_FILE = "evaluation.csv";
    static final String JSON_FILE = "evaluation.json";

    @Option(names = "--estimates", required = true, paramLabel = "DIR",
            description = "Folder of separated WAV files, e.g. the --out folder of separate.")
    Path estimates;

    @Option(names = "--references", required = true, paramLabel = "DIR",
            description = "Folder of reference WAV files with the same names, rates and lengths.")
    Path references;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write " + CSV_FILE + " and " + JSON_FILE + " (default: the estimates folder).")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors: no table on stdout.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    OverwriteOption overwrite;

    /** The scores of one estimate. */
    record Row(String name, double siSdr, double sdr, int samples, int sampleRate) {
    }

    @Override
    public Integer call() {
        requireFolder(estimates);
        requireFolder(references);
        Path dir = out != null ? out : estimates;
        for (String name : List.of(CSV_FILE, JSON_FILE)) {
            OutputFile.check(dir.resolve(name), overwrite.overwrite, OverwriteOption.inputs(references), null);
        }
        List<Row> rows = new ArrayList<>();
        for (Path est : estimateFiles()) {
            String file = est.getFileName().toString();
            Path ref = references.resolve(file);
            if (!Files.isRegularFile(ref)) {
                throw InvalidInputException.of(ref, "no reference for the estimate " + est
                        + " (estimates and references are matched by file name)");
            }
            Audio e = Wav.read(est);
            Audio r = Wav.read(ref);
            AudioLoader.checkSamples(est, e); // NaN or absurd samples would give NaN scores with exit 0
            AudioLoader.checkSamples(ref, r);
            if (e.sampleRate() != r.sampleRate()) {
                throw InvalidInputException.of(est, "sample rate " + e.sampleRate() + " Hz differs from the reference "
                        + ref + " (" + r.sampleRate() + " Hz)");
            }
            if (e.length() != r.length()) {
                throw InvalidInputException.of(est, e.length() + " samples, but the reference " + ref + " has "
                        + r.length());
            }
            float[] x = e.downmix();
            float[] s = r.downmix();
            rows.add(new Row(file.substring(0, file.length() - ".wav".length()), Metrics.siSdr(x, s),
                    Metrics.sdr(x, s), x.length, e.sampleRate()));
        }
        write(dir, rows);
        if (hasSeparationPage(dir)) {
            // Its page shows the scores beside each group: written again with them (the marker lists it already).
            SeparationPage.write(dir);
        }
        // In a result folder of separate's, the tables become part of it (a later --overwrite may replace them).
        FolderMarker.add(dir, List.of(CSV_FILE, JSON_FILE));
        if (!quiet) {
            print(rows, dir);
        }
        return 0;
    }

    /** Whether {@code dir} is a result folder of separate's with its page (not made with --no-report). */
    private static boolean hasSeparationPage(Path dir) {
        return FolderMarker.present(dir) && "separate".equals(FolderMarker.command(dir))
                && FolderMarker.entries(dir).contains(ReportPage.FILE)
                && Files.isRegularFile(dir.resolve(SeparationPage.SEPARATION));
    }

    private static void requireFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.of(dir, Files.exists(dir) ? "is not a folder" : "no such folder");
        }
    }

    /** The estimates' WAV files by name, without the residual (which has no reference). */
    private List<Path> estimateFiles() {
        List<Path> files;
        try (Stream<Path> list = Files.list(estimates)) {
            files = list.filter(p -> Files.isRegularFile(p))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase(Separation.RESIDUAL + ".wav"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + estimates + ": " + org.nae4j.io.IoErrors.reason(e), e);
        }
        if (files.isEmpty()) {
            throw InvalidInputException.of(estimates, "holds no WAV files to evaluate (besides "
                    + Separation.RESIDUAL + ".wav)");
        }
        return files;
    }

    private void write(Path dir, List<Row> rows) {
        List<List<?>> csv = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Row r : rows) {
            csv.add(List.of(r.name(), r.siSdr(), r.sdr(), r.samples(), r.sampleRate()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("si_sdr_db", finiteOrNull(r.siSdr()));
            m.put("sdr_db", finiteOrNull(r.sdr()));
            m.put("samples", r.samples());
            m.put("sample_rate", r.sampleRate());
            json.add(m);
        }
        Csv.write(dir.resolve(CSV_FILE), List.of("name", "si_sdr_db", "sdr_db", "samples", "sample_rate"), csv);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("estimates", estimates.toString());
        summary.put("references", references.toString());
        summary.put("si_sdr", "10 log10(|a s|^2 / |a s - e|^2), a = <e, s> / <s, s> (Le Roux et al. 2019)");
        summary.put("sdr", "10 log10(|s|^2 / |s - e|^2) (plain SDR, no distortion filter)");
        summary.put("mean_si_sdr_db", finiteOrNull(mean(rows, true)));
        summary.put("mean_sdr_db", finiteOrNull(mean(rows, false)));
        summary.put("sources", json);
        Json.write(dir.resolve(JSON_FILE), summary);
    }

    private static double mean(List<Row> rows, boolean siSdr) {
        return rows.stream().mapToDouble(r -> siSdr ? r.siSdr() : r.sdr()).average().orElse(Double.NaN);
    }

    /** JSON has no NaN or infinity: such values (a silent reference, a perfect estimate) become null. */
    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private void print(List<Row> rows, Path dir) {
        System.out.printf(Locale.ROOT, "%-20s %12s %12s%n", "source", "SI-SDR (dB)", "SDR (dB)");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-20s %12.2f %12.2f%n", r.name(), r.siSdr(), r.sdr());
        }
        System.out.printf(Locale.ROOT, "%-20s %12.2f %12.2f%n", "mean", mean(rows, true), mean(rows, false));
        System.out.println("evaluate: " + dir.resolve(CSV_FILE) + ", " + dir.resolve(JSON_FILE));
    }
}
