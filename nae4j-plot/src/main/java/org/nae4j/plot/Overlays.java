package org.nae4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws {@link Overlay}s on a heatmap chart: one dataset and renderer per overlay, and a legend. */
final class Overlays {
    private static final Color LINE_COLOR = new Color(0xe4, 0x1a, 0x1c);
    private static final Color POINT_FILL = Color.WHITE;
    private static final Color POINT_EDGE = new Color(0x20, 0x20, 0x20);
    private static final float LINE_WIDTH = 2f;
    private static final double POINT_DIAMETER = 6;

    private Overlays() {
    }

    static void add(JFreeChart chart, List<Overlay> overlays) {
        if (overlays.isEmpty()) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        // Later overlays on top of earlier ones (JFreeChart's default draws the last dataset first).
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        for (int i = 0; i < overlays.size(); i++) {
            Overlay o = Objects.requireNonNull(overlays.get(i), "overlay");
            // allowDuplicateXValues, unsorted: a path may run vertically or hold one x for several y.
            XYSeries series = new XYSeries(o.name(), false, true);
            double[] x = o.x();
            double[] y = o.y();
            for (int p = 0; p < x.length; p++) {
                series.add(x[p], y[p], false);
            }
            boolean line = o.style() == Overlay.Style.LINE;
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(line, !line);
            if (line) {
                r.setSeriesPaint(0, LINE_COLOR);
                r.setSeriesStroke(0, new BasicStroke(LINE_WIDTH));
            } else {
                r.setSeriesShape(0, new Ellipse2D.Double(-POINT_DIAMETER / 2, -POINT_DIAMETER / 2,
                        POINT_DIAMETER, POINT_DIAMETER));
                r.setUseFillPaint(true);
                r.setSeriesFillPaint(0, POINT_FILL);
                r.setUseOutlinePaint(true);
                r.setSeriesOutlinePaint(0, POINT_EDGE);
                r.setSeriesPaint(0, POINT_FILL);
                r.setDrawOutlines(true);
            }
            // Index 0 holds no data (the heatmap is the background), so overlays start at 1.
            plot.setDataset(i + 1, new XYSeriesCollection(series));
            plot.setRenderer(i + 1, r);
        }
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
    }
}
