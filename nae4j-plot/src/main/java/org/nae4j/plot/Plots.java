package org.nae4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.nae4j.io.AtomicFiles;
import org.nae4j.io.IoErrors;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Writes figures as PNG files: heatmaps of spectrograms, templates, activations and difference
 * maps, line charts of loss curves, and mean ± standard deviation bands. Draws off-screen only: on a
 * machine with a display, start the JVM with {@code -Djava.awt.headless=true} (the launcher does) so that
 * no window system is touched; this library sets no JVM-wide property. Every file is written to a temporary
 * file in the target directory and then renamed, so a reader never sees a half-written PNG; missing
 * parent directories are created. Sizes are in pixels.
 */
public final class Plots {
    /** Default size of {@link #heatmap(Heatmap, Path)}: room for ~1200×650 pooled cells. */
    public static final int HEATMAP_WIDTH = 1400;
    public static final int HEATMAP_HEIGHT = 800;
    /** Size of one panel of {@link #heatmapGrid}. */
    public static final int PANEL_WIDTH = 800;
    public static final int PANEL_HEIGHT = 460;
    /** Size of {@link #lines} and {@link #bands} charts. */
    public static final int CHART_WIDTH = 1000;
    public static final int CHART_HEIGHT = 650;

    private static final int MIN_SIZE = 100;
    private static final int MAX_SIZE = 20_000;
    private static final int GRID_TITLE_HEIGHT = 44;
    private static final float GRID_TITLE_POINTS = 20f;
    private static final float PANEL_TITLE_POINTS = 15f;
    private static final double COLOR_BAR_WIDTH = 16;
    private static final double COLOR_BAR_AXIS_GAP = 4;
    private static final int COLOR_BAR_STEPS = 256;
    private static final int COLOR_BAR_LABELS = 10;
    private static final RectangleInsets COLOR_BAR_MARGIN = new RectangleInsets(10, 12, 10, 6);

    private Plots() {
    }

    /** {@link #heatmap(Heatmap, Path, int, int)} at {@value #HEATMAP_WIDTH}×{@value #HEATMAP_HEIGHT}. */
    public static void heatmap(Heatmap heatmap, Path png) {
        heatmap(heatmap, png, HEATMAP_WIDTH, HEATMAP_HEIGHT);
    }

    /**
     * One heatmap with its colour bar.
     *
     * @param width  image width in pixels, 100–20000
     * @param height image height in pixels, 100–20000
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void heatmap(Heatmap heatmap, Path png, int width, int height) {
        Objects.requireNonNull(heatmap, "heatmap");
        writePng(render(heatmapChart(heatmap), width, height, null), png);
    }

    /**
     * One heatmap with its colour bar and overlays drawn on top (lines red, points white with a dark
     * edge), with a legend of the overlays below the plot.
     *
     * @param overlays drawn in order; may be empty
     * @param width    image width in pixels, 100–20000
     * @param height   image height in pixels, 100–20000
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void heatmap(Heatmap heatmap, List<Overlay> overlays, Path png, int width, int height) {
        Objects.requireNonNull(heatmap, "heatmap");
        Objects.requireNonNull(overlays, "overlays");
        JFreeChart chart = heatmapChart(heatmap);
        Overlays.add(chart, overlays);
        writePng(render(chart, width, height, null), png);
    }

    /**
     * Several heatmaps in a grid, filled row by row, each {@value #PANEL_WIDTH}×{@value #PANEL_HEIGHT}
     * pixels with its own colour bar, under a common title. For comparable difference maps give all
     * panels the same {@link ColorScale#divergingCovering} scale.
     *
     * @param panels  at least one heatmap
     * @param columns panels per row, ≥ 1
     * @param title   figure title, may be empty
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void heatmapGrid(List<Heatmap> panels, int columns, String title, Path png) {
        Objects.requireNonNull(panels, "panels");
        Objects.requireNonNull(title, "title");
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a heatmap grid needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be ≥ 1, got " + columns);
        }
        int used = Math.min(columns, panels.size());
        int gridRows = (panels.size() + columns - 1) / columns;
        int top = title.isEmpty() ? 0 : GRID_TITLE_HEIGHT;
        int width = used * PANEL_WIDTH;
        int height = top + gridRows * PANEL_HEIGHT;
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, width, height);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (top > 0) {
                g2.setFont(JFreeChart.DEFAULT_TITLE_FONT.deriveFont(GRID_TITLE_POINTS));
                g2.setColor(Color.BLACK);
                FontMetrics fm = g2.getFontMetrics();
                g2.drawString(title, (width - fm.stringWidth(title)) / 2,
                        (top - fm.getHeight()) / 2 + fm.getAscent());
            }
            for (int i = 0; i < panels.size(); i++) {
                Heatmap panel = Objects.requireNonNull(panels.get(i), "panel");
                Rectangle2D area = new Rectangle2D.Double((i % columns) * PANEL_WIDTH,
                        top + (i / columns) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT);
                heatmapChart(panel).draw(g2, area);
            }
        } finally {
            g2.dispose();
        }
        writePng(image, png);
    }

    /**
     * Line chart, e.g. error per iteration or per second of several methods. On a log axis, points
     * with a coordinate ≤ 0 are left out (e.g. iteration 0).
     *
     * @param series at least one, with distinct names
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void lines(String title, String xLabel, String yLabel, List<Series> series,
                             boolean logX, boolean logY, Path png) {
        JFreeChart chart = LineCharts.lines(title, xLabel, yLabel, series, logX, logY);
        writePng(render(chart, CHART_WIDTH, CHART_HEIGHT, null), png);
    }

    /**
     * Mean curves with shaded ± one standard deviation bands, e.g. error per iteration over several
     * recordings for several methods. On a log y axis a band whose lower edge would be ≤ 0 is cut
     * one decade below the mean; points with a coordinate ≤ 0 on a log axis are left out.
     *
     * @param bands at least one, with distinct names
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void bands(String title, String xLabel, String yLabel, List<Band> bands,
                             boolean logX, boolean logY, Path png) {
        JFreeChart chart = LineCharts.bands(title, xLabel, yLabel, bands, logX, logY);
        writePng(render(chart, CHART_WIDTH, CHART_HEIGHT, null), png);
    }

    /** The chart of one heatmap: image plot, axes, title and colour bar. */
    static JFreeChart heatmapChart(Heatmap heatmap) {
        ColorMapping mapping = ColorMapping.of(heatmap);
        HeatmapPlot plot = new HeatmapPlot(heatmap, mapping);
        Font titleFont = JFreeChart.DEFAULT_TITLE_FONT.deriveFont(PANEL_TITLE_POINTS);
        JFreeChart chart = new JFreeChart(heatmap.title().isEmpty() ? null : heatmap.title(),
                titleFont, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis barAxis = new NumberAxis(mapping.unitLabel());
        barAxis.setAutoRangeIncludesZero(false);
        barAxis.setRange(mapping.getLowerBound(), mapping.getUpperBound());
        // About ten labels: the automatic choice crowds a tall bar with a label every 2 dB.
        double range = mapping.getUpperBound() - mapping.getLowerBound();
        barAxis.setTickUnit((NumberTickUnit) NumberAxis.createStandardTickUnits()
                .getCeilingTickUnit(range / COLOR_BAR_LABELS));
        PaintScaleLegend bar = new PaintScaleLegend(mapping, barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(COLOR_BAR_WIDTH);
        bar.setAxisOffset(COLOR_BAR_AXIS_GAP);
        bar.setSubdivisionCount(COLOR_BAR_STEPS);
        bar.setMargin(COLOR_BAR_MARGIN);
        bar.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(bar);
        return chart;
    }

    /** Draws {@code chart} into a new image; {@code info} (may be null) receives the layout. */
    static BufferedImage render(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        checkSize(width, height);
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
    }

    private static void checkSize(int width, int height) {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("image size must be within " + MIN_SIZE + ".." + MAX_SIZE
                    + " pixels per side, got " + width + "×" + height);
        }
    }

    /** Writes {@code image} to a temporary sibling of {@code png}, then renames it into place. */
    static void writePng(BufferedImage image, Path png) {
        Objects.requireNonNull(png, "png");
        try {
            AtomicFiles.write(png, out -> {
                // An in-memory cache: ImageIO's default file cache lives in the temporary folder and, on a full
                // disk, fails in a closer thread of its own with a stack trace instead of an exception here.
                try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                    if (!ImageIO.write(image, "png", ios)) {
                        throw new IOException("no PNG writer available");
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write PNG " + png + ": " + IoErrors.reason(e.getCause()), e.getCause());
        }
    }
}
