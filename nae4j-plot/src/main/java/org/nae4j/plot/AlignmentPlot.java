package org.nae4j.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nae4j.alignment.AlignmentResult;
import org.nae4j.alignment.CostGrid;
import org.nae4j.alignment.WarpingPath;
import org.nae4j.score.Note;

/**
 * The picture of an alignment: the local cost matrix (score time up, audio time right; dark = similar),
 * pooled to at most {@value #MAX_CELLS} frames per side, with the warping path (red) and every distinct
 * note onset of the score at (aligned onset, score onset) (white dots).
 */
public final class AlignmentPlot {
    /** Width and height of the PNG in pixels. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 820;
    /** The cost matrix is computed on features averaged down to at most this many frames per side. */
    static final int MAX_CELLS = 400;
    /** The path is drawn with at most about this many points. */
    private static final int MAX_PATH_POINTS = 4000;

    private AlignmentPlot() {
    }

    /**
     * Writes the PNG.
     *
     * @throws org.nae4j.io.InvalidInputException if the file cannot be written
     */
    public static void write(AlignmentResult r, Path png) {
        CostGrid g = CostGrid.of(r, MAX_CELLS);
        int factor = g.factor();
        int rows = g.rows();
        int cols = g.cols();
        float[] cost = g.cost();
        double step = g.frameSeconds();
        // Pooled cell b is centred on fine frame b·factor + (factor − 1)/2 but drawn at b·step.
        double shift = (factor - 1) / 2.0 * g.fineFrameSeconds();
        Heatmap h = new Heatmap(cost, rows, cols, Axis.time(step, "Score time (s)"),
                Axis.time(step, "Recording time (s)"),
                "Alignment: local cost (score vs recording), warping path, note onsets", ColorScale.linear(),
                "cost");
        List<Overlay> overlays = new ArrayList<>();
        WarpingPath path = r.path();
        int every = Math.max(1, path.length() / MAX_PATH_POINTS);
        List<double[]> points = new ArrayList<>();
        for (int p = 0; p < path.length(); p += every) {
            points.add(new double[]{path.audioSeconds(p) - shift, path.scoreSeconds(p) - shift});
        }
        int last = path.length() - 1;
        points.add(new double[]{path.audioSeconds(last) - shift, path.scoreSeconds(last) - shift});
        overlays.add(new Overlay("warping path", column(points, 0), column(points, 1), Overlay.Style.LINE));
        List<double[]> onsets = new ArrayList<>();
        double previous = Double.NaN;
        List<Note> original = r.original().notes();
        List<Note> aligned = r.aligned().notes();
        for (int i = 0; i < original.size(); i++) {
            double t = original.get(i).start();
            if (t != previous) {
                onsets.add(new double[]{aligned.get(i).start() - shift, t - shift});
                previous = t;
            }
        }
        overlays.add(new Overlay("note onsets (aligned, score)", column(onsets, 0), column(onsets, 1),
                Overlay.Style.POINTS));
        Plots.heatmap(h, overlays, png, WIDTH, HEIGHT);
    }

    private static double[] column(List<double[]> points, int c) {
        double[] out = new double[points.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = points.get(i)[c];
        }
        return out;
    }
}
