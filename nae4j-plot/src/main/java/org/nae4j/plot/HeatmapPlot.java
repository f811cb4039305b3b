package org.nae4j.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * An XY plot without data items whose background is the heatmap itself. The matrix is pooled to
 * the plot's pixel size at draw time and painted as one image, so a 1025×5490 spectrogram costs
 * one pass over its values instead of millions of chart items. The axes span exactly the cells,
 * so the image edges line up with the tick marks.
 */
final class HeatmapPlot extends XYPlot {
    private static final long serialVersionUID = 1L;

    private final transient Heatmap heatmap;
    private final transient ColorMapping mapping;

    HeatmapPlot(Heatmap heatmap, ColorMapping mapping) {
        super(null, heatmap.colAxis().toValueAxis(heatmap.cols()),
                heatmap.rowAxis().toValueAxis(heatmap.rows()), null);
        this.heatmap = heatmap;
        this.mapping = mapping;
        setDomainGridlinesVisible(false);
        setRangeGridlinesVisible(false);
        setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    @Override
    public void drawBackgroundImage(Graphics2D g2, Rectangle2D area) {
        int x0 = (int) Math.round(area.getMinX());
        int y0 = (int) Math.round(area.getMinY());
        int width = (int) Math.round(area.getMaxX()) - x0;
        int height = (int) Math.round(area.getMaxY()) - y0;
        if (width < 1 || height < 1) {
            return;
        }
        int rows = heatmap.rows();
        int cols = heatmap.cols();
        int outRows = Math.min(rows, height);
        int outCols = Math.min(cols, width);
        float[] pooled = Pooling.pool(heatmap.values(), rows, cols, outRows, outCols,
                mapping.poolsByMagnitude());
        BufferedImage image = new BufferedImage(outCols, outRows, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int r = 0; r < outRows; r++) {
            // Image row 0 is the top, where the highest matrix rows belong.
            int dst = (outRows - 1 - r) * outCols;
            int src = r * outCols;
            for (int c = 0; c < outCols; c++) {
                pixels[dst + c] = mapping.rgb(pooled[src + c]);
            }
        }
        Object oldHint = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        // Cells enlarged to several pixels stay crisp blocks instead of smearing into neighbours.
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(image, x0, y0, width, height, null);
        if (oldHint != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oldHint);
        }
    }
}
