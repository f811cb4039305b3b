package org.nae4j.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.model.History;
import org.nae4j.score.Score;

/** The standard pictures of a decomposition: V, V̂, W, H (log colour), the score over H and the loss curves. */
public final class ResultPlots {
    private ResultPlots() {
    }

    /** File name of the piano roll of the score over H. */
    public static final String PIANO_ROLL = "piano-roll.png";

    /**
     * Writes V.png, Vhat.png, W.png, H.png, {@value #PIANO_ROLL} (when the analysis has its score),
     * loss-iterations.png and loss-seconds.png into {@code dir}.
     */
    public static void write(Path dir, Analysis a, DecompositionResult r) throws IOException {
        Files.createDirectories(dir);
        int k = r.bins();
        int n = r.frames();
        int rank = r.rank();
        double hzPerBin = a.hzPerBin();
        double secondsPerFrame = a.secondsPerFrame();
        Axis freq = Axis.frequency(hzPerBin);
        Axis time = Axis.time(secondsPerFrame);
        Axis pitch = Axis.pitches(r.pitches());
        Plots.heatmap(new Heatmap(a.magnitude(), k, n, freq, time, "Magnitude spectrogram V", ColorScale.log(),
                "|X|"), dir.resolve("V.png"));
        float[] vhat = r.approximation();
        Plots.heatmap(new Heatmap(vhat, k, n, freq, time, "Approximation V^ = W H (" + r.options().method().id() + ")",
                ColorScale.log(), "magnitude"), dir.resolve("Vhat.png"));
        Plots.heatmap(new Heatmap(r.w(), k, rank, freq, pitch, "Templates W (columns l1-normalised)",
                ColorScale.log(), "weight"), dir.resolve("W.png"));
        Plots.heatmap(new Heatmap(r.h(), rank, n, pitch, time, "Activations H", ColorScale.log(), "activation"),
                dir.resolve("H.png"));
        if (a.score() != null) {
            PianoRoll.write(r.h(), r.pitches(), n, secondsPerFrame, a.score(), null,
                    "Score over the activations H (" + r.options().method().id() + ")", dir.resolve(PIANO_ROLL));
        }
        lossCurves(dir, r);
    }

    /** File name of the piano roll of the score before and after alignment over H. */
    public static final String SCORE_ALIGNMENT = "score-alignment.png";

    /** Writes {@value #SCORE_ALIGNMENT} into {@code dir}: the score {@code before} and {@code after} alignment over H. */
    public static void scoreAlignment(Path dir, DecompositionResult r, double secondsPerFrame, Score before,
                                      Score after) throws IOException {
        Files.createDirectories(dir);
        PianoRoll.write(r.h(), r.pitches(), r.frames(), secondsPerFrame, after, before,
                "Score before and after alignment over the activations H (" + r.options().method().id() + ")",
                dir.resolve(SCORE_ALIGNMENT));
    }

    private static void lossCurves(Path dir, DecompositionResult r) {
        History h = r.history();
        double[] it = Arrays.stream(h.iterations()).asDoubleStream().toArray();
        String name = r.options().method().id();
        Plots.lines("Column-wise l1 error per iteration", "iteration", "column-wise l1 error",
                List.of(new Series(name, it, h.columnL1())), true, true, dir.resolve("loss-iterations.png"));
        Plots.lines("Column-wise l1 error per second", "training time (s)", "column-wise l1 error",
                List.of(new Series(name, h.seconds(), h.columnL1())), true, true, dir.resolve("loss-seconds.png"));
    }
}
