package org.nae4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nae4j.Analysis;
import org.nae4j.io.InvalidInputException;
import org.nae4j.alignment.AlignOptions;
import org.nae4j.alignment.Alignment;
import org.nae4j.plot.AlignmentPlot;
import org.nae4j.alignment.AlignmentResult;
import org.nae4j.audio.AudioLoader;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.io.AtomicFiles;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;

/**
 * Loads a recording and its score for a command that takes {@code --score} and {@code --align}: aligns the
 * score first when asked (before the check that the score fits in the audio, since score time may run past
 * the recording), and writes the aligned score and its plot into the results folder.
 */
final class Aligner {
    /** Name of the aligned score in an output folder. */
    static final String ALIGNED_SCORE_FILE = "aligned-score.csv";
    /** Name of the alignment plot in the plots folder. */
    static final String PLOT_FILE = "alignment.png";

    private Aligner() {
    }

    /**
     * A recording analysed with its (possibly aligned) score.
     *
     * @param analysis  the analysis, with the aligned score when there is an alignment
     * @param alignment the alignment, or null without {@code --align}
     */
    record Prepared(Analysis analysis, AlignmentResult alignment) {
        /**
         * Writes {@value #ALIGNED_SCORE_FILE} (and plots/{@value #PLOT_FILE} when {@code plots}) into a results
         * folder; does nothing without an alignment.
         */
        void writeInto(Path folder, boolean plots) {
            if (alignment == null) {
                return;
            }
            CsvScores.write(alignment.aligned(), folder.resolve(ALIGNED_SCORE_FILE));
            if (plots) {
                AlignmentPlot.write(alignment, folder.resolve("plots").resolve(PLOT_FILE));
            }
        }

        /** {@link #writeInto} as folder content for {@code Results.write}; null without an alignment. */
        AtomicFiles.FolderContent files(boolean plots) {
            // Captures the alignment only, not this record: the analysis' signal can be freed meanwhile.
            AlignmentResult al = alignment;
            return al == null ? null : folder -> new Prepared(null, al).writeInto(folder, plots);
        }

        /** The alignment's numbers for summary.json; null without an alignment. */
        Map<String, Object> describe(AlignFlag flag) {
            return alignment == null ? null : Aligner.describe(alignment, flag.settings);
        }
    }

    /**
     * Loads {@code audio} (mono, 22050 Hz) and {@code score}, aligns the score if {@code align}, and analyses
     * the recording with the result.
     */
    static Prepared prepare(Path audio, Path score, AlignFlag flag, AnalysisOptions analysis, OutputOptions output) {
        return prepare(audio, score, flag, analysis.stft(), analysis.constraints(), output);
    }

    /** As above, with the analysis parameters given directly (e.g. read from a trained model). */
    static Prepared prepare(Path audio, Path score, AlignFlag flag, StftParams stft, ConstraintOptions constraints,
                            OutputOptions output) {
        if (!flag.align) {
            return new Prepared(warnIfClipped(Analysis.of(audio, score, stft, constraints), score), null);
        }
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        float[] x = AudioLoader.loadMono(audio, rate);
        Score s = Score.read(score);
        AlignmentResult r = align(x, rate, s, flag.settings.options(), audio, score, output);
        Analysis a = Analysis.of(x, rate, r.aligned(), stft, constraints, audio, score);
        return new Prepared(warnIfClipped(a, score), r);
    }

    /**
     * Warns on stderr (even when quiet: it changes what is decomposed) when notes of {@code score} ran past the
     * end of the recording and were cut there; returns {@code a}.
     */
    static Analysis warnIfClipped(Analysis a, Path score) {
        String warning = clippedWarning(a, score);
        if (warning != null) {
            System.err.println(warning);
        }
        return a;
    }

    /** The warning of {@link #warnIfClipped} (for an analysis that still holds its samples), or null. */
    static String clippedWarning(Analysis a, Path score) {
        int n = a.clippedNotes();
        if (n == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "nae4j: warning: %s: %d note%s run%s past the end of the recording "
                        + "(%.3f s) and %s cut there", score, n, n == 1 ? "" : "s", n == 1 ? "s" : "",
                a.samples().length / (double) a.sampleRate(), n == 1 ? "is" : "are");
    }

    /**
     * Aligns with user-facing errors and a one-line report on stderr (unless quiet).
     *
     * @throws InvalidInputException naming the file if the score is empty or the audio has no samples
     */
    static AlignmentResult align(float[] x, int rate, Score s, AlignOptions options, Path audio, Path score,
                                 OutputOptions output) {
        if (s.isEmpty()) {
            throw InvalidInputException.of(score, "the score has no notes");
        }
        if (x.length == 0) {
            throw InvalidInputException.of(audio, "the recording has no samples");
        }
        long t0 = System.nanoTime();
        AlignmentResult r;
        try {
            r = Alignment.align(x, rate, s, options);
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(score, e.getMessage(), e); // the rendered score is too large
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        output.log(String.format(Locale.ROOT,
                "align: %d notes, score %.3f-%.3f s -> recording %.3f-%.3f s (%.1f s of audio); mean path cost %.3f; %.2f s",
                s.size(), first(s), s.end(), first(r.aligned()), r.aligned().end(), x.length / (double) rate,
                r.meanCost(), seconds));
        return r;
    }

    static Map<String, Object> describe(AlignmentResult r, AlignmentOptions settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aligned_score", ALIGNED_SCORE_FILE);
        m.put("settings", settings.describe());
        m.put("mean_path_cost", r.meanCost());
        m.put("path_length", r.path().length());
        m.put("dtw_levels", r.levels());
        m.put("score_span_s", new double[]{first(r.original()), r.original().end()});
        m.put("aligned_span_s", new double[]{first(r.aligned()), r.aligned().end()});
        return m;
    }

    private static double first(Score s) {
        return s.isEmpty() ? 0 : s.notes().get(0).start();
    }

    /** Runs both folder contents (either may be null) in order. */
    static AtomicFiles.FolderContent both(AtomicFiles.FolderContent a, AtomicFiles.FolderContent b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return folder -> {
            a.fill(folder);
            b.fill(folder);
        };
    }
}
