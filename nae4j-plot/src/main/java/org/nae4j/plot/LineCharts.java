package org.nae4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalDataItem;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Builds the line and band charts of {@link Plots}. */
final class LineCharts {
    /** Tableau 10: distinct hues that stay distinguishable for most colour-vision deficiencies. */
    private static final int[] PALETTE = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    private static final float LINE_WIDTH = 2f;
    private static final float BAND_ALPHA = 0.2f;
    /** On a log axis a band cannot reach 0; it stops this factor below the mean instead. */
    private static final double LOG_BAND_FLOOR_FACTOR = 10.0;
    private static final Color GRID = new Color(0xdddddd);
    private static final double DECADE = 10.0;

    private LineCharts() {
    }

    static JFreeChart lines(String title, String xLabel, String yLabel, List<Series> series,
                            boolean logX, boolean logY) {
        checkNames(series.stream().map(s -> Objects.requireNonNull(s, "series").name()).toList(), "series");
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            double[] x = s.x();
            double[] y = s.y();
            for (int i = 0; i < x.length; i++) {
                if (shown(x[i], logX) && shown(y[i], logY)) {
                    xy.add(x[i], y[i], false);
                }
            }
            dataset.addSeries(xy);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        style(renderer, series.size());
        return chart(title, xLabel, yLabel, logX, logY, new XYPlot(dataset, null, null, renderer));
    }

    static JFreeChart bands(String title, String xLabel, String yLabel, List<Band> bands,
                            boolean logX, boolean logY) {
        checkNames(bands.stream().map(b -> Objects.requireNonNull(b, "band").name()).toList(), "bands");
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (Band b : bands) {
            YIntervalSeries ys = new YIntervalSeries(b.name(), false, true);
            double[] x = b.x();
            double[] mean = b.mean();
            double[] std = b.std();
            for (int i = 0; i < x.length; i++) {
                if (!shown(x[i], logX) || !shown(mean[i], logY)) {
                    continue;
                }
                double low = mean[i] - std[i];
                if (logY && low <= 0) {
                    low = mean[i] / LOG_BAND_FLOOR_FACTOR;
                }
                ys.add(new YIntervalDataItem(x[i], mean[i], low, mean[i] + std[i]), false);
            }
            dataset.addSeries(ys);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        style(renderer, bands.size());
        for (int i = 0; i < bands.size(); i++) {
            renderer.setSeriesFillPaint(i, color(i));
        }
        return chart(title, xLabel, yLabel, logX, logY, new XYPlot(dataset, null, null, renderer));
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, boolean logX,
                                    boolean logY, XYPlot plot) {
        // A log axis over less than a decade may show no labelled tick at all: use a linear one there.
        plot.setDomainAxis(axis(Objects.requireNonNull(xLabel, "xLabel"),
                logX && spansDecade(DatasetUtils.findDomainBounds(plot.getDataset()))));
        plot.setRangeAxis(axis(Objects.requireNonNull(yLabel, "yLabel"),
                logY && spansDecade(DatasetUtils.findRangeBounds(plot.getDataset()))));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        Objects.requireNonNull(title, "title");
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static boolean spansDecade(Range r) {
        return r == null || r.getLowerBound() <= 0 || r.getUpperBound() / r.getLowerBound() >= DECADE;
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            // Unlike LogAxis, this labels 1-2-…-9 × 10^k values, which read better than 10^2.35.
            LogarithmicAxis axis = new LogarithmicAxis(label);
            axis.setAutoRangeIncludesZero(false);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static void style(XYLineAndShapeRenderer renderer, int count) {
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, color(i));
            renderer.setSeriesStroke(i, new BasicStroke(LINE_WIDTH));
        }
    }

    private static Color color(int i) {
        return new Color(PALETTE[i % PALETTE.length]);
    }

    private static boolean shown(double v, boolean log) {
        return !log || v > 0;
    }

    private static void checkNames(List<String> names, String what) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one of its " + what);
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("two " + what + " are named '" + n + "'; legend names must differ");
            }
        }
    }
}
