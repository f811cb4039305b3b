package org.nae4j.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nae4j.io.Npy;
import org.nae4j.model.Method;
import org.nae4j.plot.Axis;
import org.nae4j.plot.Band;
import org.nae4j.plot.ColorScale;
import org.nae4j.plot.Heatmap;
import org.nae4j.plot.Plots;
import org.nae4j.plot.Series;

/** The paper's Fig. 3, 4 and 5 from the runs of an experiment. */
final class Figures {
    /** The analysis grid of method §1, for axis labels. */
    private static final double HZ_PER_BIN = 22050.0 / 2048;
    private static final double SECONDS_PER_FRAME = 1024.0 / 22050;

    private Figures() {
    }

    static void write(Path out, List<String> recordings, List<Method> methods,
                      Map<String, Map<Method, RunRecord>> runs) {
        Method reference = methods.contains(Method.NMF) ? Method.NMF : methods.get(0);
        for (String rec : recordings) {
            fig3(out.resolve(fig3Name(rec)), rec, reference, methods, runs.get(rec));
        }
        fig4(out.resolve("fig4.png"), recordings, methods, runs);
        fig5(out.resolve("fig5.png"), recordings, methods, runs);
    }

    /**
     * W and H of the reference, then for each other method its difference to them. All W differences share
     * one diverging scale and all H differences another (W's columns sum to 1, H holds the energy, so one
     * scale for both would hide the differences in W).
     */
    /** The file name of a recording's Fig. 3. */
    static String fig3Name(String recording) {
        return "fig3-" + recording + ".png";
    }

    private static void fig3(Path png, String rec, Method reference, List<Method> methods, Map<Method, RunRecord> runs) {
        RunRecord ref = runs.get(reference);
        Axis freq = Axis.frequency(HZ_PER_BIN);
        Axis time = Axis.time(SECONDS_PER_FRAME);
        Axis pitch = Axis.pitches(ref.pitches());
        Npy.Matrix w = ref.w();
        Npy.Matrix h = ref.h();
        List<float[]> dw = new ArrayList<>();
        List<float[]> dh = new ArrayList<>();
        List<Method> others = methods.stream().filter(m -> m != reference).toList();
        for (Method m : others) {
            dw.add(difference(runs.get(m).w(), w));
            dh.add(difference(runs.get(m).h(), h));
        }
        ColorScale ws = ColorScale.divergingCovering(dw.toArray(new float[0][]));
        ColorScale hs = ColorScale.divergingCovering(dh.toArray(new float[0][]));
        List<Heatmap> panels = new ArrayList<>();
        panels.add(new Heatmap(w.data(), w.rows(), w.cols(), freq, pitch, reference.id() + ": W", ColorScale.log(), "weight"));
        panels.add(new Heatmap(h.data(), h.rows(), h.cols(), pitch, time, reference.id() + ": H", ColorScale.log(), "activation"));
        for (int i = 0; i < others.size(); i++) {
            String name = others.get(i).id();
            panels.add(new Heatmap(dw.get(i), w.rows(), w.cols(), freq, pitch, name + ": W - W(" + reference.id() + ")",
                    ws, "difference"));
            panels.add(new Heatmap(dh.get(i), h.rows(), h.cols(), pitch, time, name + ": H - H(" + reference.id() + ")",
                    hs, "difference"));
        }
        Plots.heatmapGrid(panels, 2, rec + ": templates and activations (columns of W l1-normalised)", png);
    }

    private static float[] difference(Npy.Matrix a, Npy.Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalStateException("runs of one recording have different shapes");
        }
        float[] d = new float[a.data().length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.data()[i] - b.data()[i];
        }
        return d;
    }

    /** Mean ± standard deviation over recordings of the error per recorded iteration. */
    private static void fig4(Path png, List<String> recordings, List<Method> methods,
                             Map<String, Map<Method, RunRecord>> runs) {
        List<Band> bands = new ArrayList<>();
        for (Method m : methods) {
            int len = shortestHistory(recordings, m, runs);
            double[] x = java.util.Arrays.copyOf(runs.get(recordings.get(0)).get(m).iterations(), len);
            double[] mean = new double[len];
            double[] std = new double[len];
            for (int i = 0; i < len; i++) {
                double s = 0;
                double s2 = 0;
                for (String rec : recordings) {
                    double e = runs.get(rec).get(m).errors()[i];
                    s += e;
                    s2 += e * e;
                }
                int n = recordings.size();
                mean[i] = s / n;
                std[i] = Math.sqrt(Math.max(0, s2 / n - mean[i] * mean[i]));
            }
            bands.add(new Band(m.id(), x, mean, std));
        }
        Plots.bands("Column-wise l1 error per iteration (mean ± std over " + recordings.size() + " recordings)",
                "iteration", "column-wise l1 error", bands, true, true, png);
    }

    /** Mean error against mean training seconds at each recorded iteration. */
    private static void fig5(Path png, List<String> recordings, List<Method> methods,
                             Map<String, Map<Method, RunRecord>> runs) {
        List<Series> series = new ArrayList<>();
        for (Method m : methods) {
            int len = shortestHistory(recordings, m, runs);
            double[] x = new double[len];
            double[] y = new double[len];
            for (String rec : recordings) {
                RunRecord r = runs.get(rec).get(m);
                for (int i = 0; i < len; i++) {
                    x[i] += r.seconds()[i] / recordings.size();
                    y[i] += r.errors()[i] / recordings.size();
                }
            }
            series.add(new Series(m.id() + " (CPU)", x, y));
        }
        Plots.lines("Column-wise l1 error against training time (mean over " + recordings.size() + " recordings)",
                "training time (s)", "column-wise l1 error", series, true, true, png);
    }

    private static int shortestHistory(List<String> recordings, Method m, Map<String, Map<Method, RunRecord>> runs) {
        int len = Integer.MAX_VALUE;
        for (String rec : recordings) {
            len = Math.min(len, runs.get(rec).get(m).iterations().length);
        }
        return len;
    }
}
