package org.nae4j.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nae4j.Analysis;
import org.nae4j.DecompositionResult;
import org.nae4j.model.History;

/** The standard pictures of a decomposition: V, V̂, W, H (log colour) and the loss curves. */
public final class ResultPlots {
    private ResultPlots() {
    }

    /** Writes V.png, Vhat.png, W.png, H.png, loss-iterations.png and loss-seconds.png into {@code dir}. */
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
        lossCurves(dir, r);
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
