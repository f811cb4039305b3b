package org.nae4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.nae4j.score.Note;
import org.nae4j.score.Score;

/**
 * The score as a piano roll over the activations H: one outlined box per note (onset to offset, on its
 * pitch's row), on the heatmap of H, so that one sees at a glance whether each pitch sounds where the score
 * says. With a second score (the score before alignment) its notes are drawn too, dashed, to show what the
 * alignment moved.
 */
public final class PianoRoll {
    /** Width and height of the PNG in pixels. */
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 800;
    /** More boxes than this are not drawn (they would cover H and take long to draw). */
    static final int MAX_NOTES = 20_000;
    // Red and cyan stand out on both ends of the colour scale (dark violet and yellow).
    private static final Color NOTE = new Color(0xe4, 0x1a, 0x1c);
    private static final Color BEFORE = new Color(0x00, 0xe5, 0xff);
    private static final Stroke NOTE_STROKE = new BasicStroke(1.5f);
    private static final Stroke BEFORE_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[]{5f, 4f}, 0f);

    private PianoRoll() {
    }

    /**
     * Writes the PNG.
     *
     * @param h               activations, {@code pitches.length} × {@code frames}, row-major
     * @param pitches         the MIDI pitch of each row of H
     * @param frames          columns of H
     * @param secondsPerFrame hop between frames in seconds
     * @param score           the score the decomposition used (drawn red)
     * @param before          the score before alignment (drawn dashed cyan), or null
     * @param title           the picture's title
     */
    public static void write(float[] h, int[] pitches, int frames, double secondsPerFrame, Score score, Score before,
                             String title, Path png) {
        Objects.requireNonNull(score, "score");
        Heatmap map = new Heatmap(h, pitches.length, frames, Axis.pitches(pitches), Axis.time(secondsPerFrame), title,
                ColorScale.log(), "activation");
        JFreeChart chart = Plots.heatmapChart(map);
        XYPlot plot = chart.getXYPlot();
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < pitches.length; i++) {
            rowOf.put(pitches[i], i);
        }
        LegendItemCollection legend = new LegendItemCollection();
        if (before != null) {
            boxes(plot, before.notes(), rowOf, BEFORE_STROKE, BEFORE);
            // Darker in the legend: cyan on its white background is hard to see.
            legend.add(legendItem("score before alignment", BEFORE_STROKE, new Color(0x00, 0x8b, 0x9b)));
        }
        boxes(plot, score.notes(), rowOf, NOTE_STROKE, NOTE);
        legend.add(legendItem(before != null ? "score after alignment" : "score", NOTE_STROKE, NOTE));
        plot.setFixedLegendItems(legend);
        LegendTitle t = new LegendTitle(plot);
        t.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(t);
        Plots.writePng(Plots.render(chart, WIDTH, HEIGHT, null), png);
    }

    private static void boxes(XYPlot plot, List<Note> notes, Map<Integer, Integer> rowOf, Stroke stroke, Color color) {
        int drawn = 0;
        for (Note n : notes) {
            Integer row = rowOf.get(n.pitch());
            if (row == null || drawn++ >= MAX_NOTES) {
                continue;
            }
            plot.addAnnotation(new XYBoxAnnotation(n.start(), row - 0.45, n.end(), row + 0.45, stroke, color, null),
                    false);
        }
    }

    private static LegendItem legendItem(String label, Stroke stroke, Color color) {
        // A line sample only (no shape), in the outline's stroke and colour.
        return new LegendItem(label, null, null, null, false, new java.awt.Rectangle(0, 0), false, color, false,
                color, stroke, true, new java.awt.geom.Line2D.Double(-12, 0, 12, 0), stroke, color);
    }
}
