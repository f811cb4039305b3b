package org.nae4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {
    @TempDir
    Path dir;

    private static int luminance(int rgb) {
        return ((rgb >> 16) & 0xff) * 299 / 1000 + ((rgb >> 8) & 0xff) * 587 / 1000 + (rgb & 0xff) * 114 / 1000;
    }

    /** Renders like {@link Plots#heatmap} and returns the image with the data area. */
    private static Rectangle2D render(Heatmap h, BufferedImage[] out) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        out[0] = Plots.render(Plots.heatmapChart(h), Plots.HEATMAP_WIDTH, Plots.HEATMAP_HEIGHT, info);
        return info.getPlotInfo().getDataArea();
    }

    private static int at(BufferedImage img, Rectangle2D area, double fx, double fyFromTop) {
        return img.getRGB((int) (area.getX() + fx * area.getWidth()),
                (int) (area.getY() + fyFromTop * area.getHeight())) & 0xffffff;
    }

    @Test
    void writesPngOfRequestedSize() throws IOException {
        Heatmap h = new Heatmap(new float[20 * 30], 20, 30, Axis.index("row"), Axis.index("col"), "t",
                ColorScale.linear());
        Path png = dir.resolve("sub/h.png");
        Plots.heatmap(h, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Plots.HEATMAP_WIDTH, img.getWidth());
        assertEquals(Plots.HEATMAP_HEIGHT, img.getHeight());
        Plots.heatmap(h, png, 640, 480);
        img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(List.of(png), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void highRowsAreAtTheTopAndFirstColumnsAtTheLeft() throws IOException {
        int rows = 40;
        int cols = 60;
        float[] v = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r * cols + c] = (r >= rows / 2 && c < cols / 2) ? 1f : 0.01f;
            }
        }
        Heatmap h = new Heatmap(v, rows, cols, Axis.frequency(10.77), Axis.time(0.046), "quadrant",
                ColorScale.linear());
        BufferedImage[] img = new BufferedImage[1];
        Rectangle2D area = render(h, img);
        int topLeft = at(img[0], area, 0.25, 0.25);
        assertTrue(luminance(topLeft) > 180, "top-left quarter must be bright, got " + Integer.toHexString(topLeft));
        for (int other : new int[] {at(img[0], area, 0.75, 0.25), at(img[0], area, 0.25, 0.75),
                at(img[0], area, 0.75, 0.75)}) {
            assertTrue(luminance(other) < 80, "other quarters must be dark, got " + Integer.toHexString(other));
        }
        // The written file holds the same picture.
        Path png = dir.resolve("q.png");
        Plots.heatmap(h, png);
        BufferedImage file = ImageIO.read(png.toFile());
        assertEquals(topLeft, at(file, area, 0.25, 0.25));
        assertEquals(at(img[0], area, 0.75, 0.75), at(file, area, 0.75, 0.75));
    }

    @Test
    void oneFrameTransientSurvivesDownsamplingOfAFullSizeSpectrogram() throws IOException {
        int k = 1025;
        int n = 5490;
        int spike = 2745;
        float[] v = new float[k * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % n == spike) ? 1f : 1e-4f;
        }
        Heatmap h = new Heatmap(v, k, n, Axis.frequency(22050.0 / 2048), Axis.time(1024.0 / 22050), "V",
                ColorScale.log(), "Magnitude");
        BufferedImage[] img = new BufferedImage[1];
        Rectangle2D area = render(h, img);
        int y = (int) area.getCenterY();
        int expectedX = (int) (area.getX() + (spike + 0.5) / n * area.getWidth());
        int brightest = 0;
        for (int x = expectedX - 3; x <= expectedX + 3; x++) {
            brightest = Math.max(brightest, luminance(img[0].getRGB(x, y)));
        }
        assertTrue(brightest > 180, "the one-frame spike must stay visible, max luminance " + brightest);
        assertTrue(luminance(at(img[0], area, 0.25, 0.5)) < 80, "the −80 dB floor must be dark");
        Path png = dir.resolve("big.png");
        Plots.heatmap(h, png);
        assertEquals(Plots.HEATMAP_WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void allZeroMatrixOnLogScaleIsDrawnAtTheBottomColour() throws IOException {
        Heatmap h = new Heatmap(new float[50 * 70], 50, 70, Axis.index("k"), Axis.index("n"), "zeros",
                ColorScale.log());
        ColorMapping m = ColorMapping.of(h);
        assertTrue(Double.isFinite(m.getLowerBound()) && m.getUpperBound() > m.getLowerBound());
        BufferedImage[] img = new BufferedImage[1];
        Rectangle2D area = render(h, img);
        assertEquals(0x440154, at(img[0], area, 0.5, 0.5));
        Plots.heatmap(h, dir.resolve("z.png"));
        assertTrue(Files.size(dir.resolve("z.png")) > 0);
    }

    @Test
    void divergingScaleIsWhiteAtZeroBlueBelowRedAbove() {
        Heatmap h = new Heatmap(new float[] {-2f, 0f, 2f, 0f}, 2, 2, Axis.index("a"), Axis.index("b"), "d",
                ColorScale.diverging(2));
        ColorMapping m = ColorMapping.of(h);
        int zero = m.rgb(0);
        assertTrue(((zero >> 16) & 0xff) > 235 && ((zero >> 8) & 0xff) > 235 && (zero & 0xff) > 235,
                "0 must be white-ish, got " + Integer.toHexString(zero));
        int neg = m.rgb(-2);
        int pos = m.rgb(5); // beyond absMax: clipped to the end colour
        assertTrue((neg & 0xff) > ((neg >> 16) & 0xff), "negative must be blue");
        assertTrue(((pos >> 16) & 0xff) > (pos & 0xff), "positive must be red");
        assertEquals(m.rgb(2), pos);
        assertTrue(m.poolsByMagnitude());
    }

    @Test
    void divergingCoveringUsesTheLargestMagnitudeOfAllArrays() {
        ColorScale s = ColorScale.divergingCovering(new float[] {1, -3}, new float[] {2.5f});
        assertEquals(new ColorScale.Diverging(3), s);
        assertEquals(new ColorScale.Diverging(1), ColorScale.divergingCovering(new float[4]));
    }

    @Test
    void gridHasOnePanelCellPerHeatmap() throws IOException {
        float[] w = new float[100 * 5];
        float[] hh = new float[5 * 200];
        w[7] = 0.5f;
        hh[11] = -0.3f;
        ColorScale shared = ColorScale.divergingCovering(w, hh);
        int[] pitches = {60, 62, 64, 65, 67};
        Heatmap wd = new Heatmap(w, 100, 5, Axis.frequency(10.77), Axis.pitches(pitches), "W − W_ref", shared,
                "Difference");
        Heatmap hd = new Heatmap(hh, 5, 200, Axis.pitches(pitches), Axis.time(0.046), "H − H_ref", shared,
                "Difference");
        Path png = dir.resolve("grid.png");
        Plots.heatmapGrid(List.of(wd, hd, wd, hd), 2, "Differences to reference", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * Plots.PANEL_WIDTH, img.getWidth());
        int titleRows = img.getHeight() - 2 * Plots.PANEL_HEIGHT;
        assertTrue(titleRows > 0, "room for the figure title");
        int dark = 0;
        for (int y = 0; y < titleRows; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                dark += luminance(img.getRGB(x, y)) < 128 ? 1 : 0;
            }
        }
        assertTrue(dark > 50, "the figure title must be drawn");
        assertThrows(IllegalArgumentException.class, () -> Plots.heatmapGrid(List.of(), 2, "", png));
        assertThrows(IllegalArgumentException.class, () -> Plots.heatmapGrid(List.of(wd), 0, "", png));
    }

    @Test
    void noteNamesFollowScientificPitchNotation() {
        assertEquals("C4", Axis.noteName(60));
        assertEquals("C#4", Axis.noteName(61));
        assertEquals("A4", Axis.noteName(69));
        assertEquals("A0", Axis.noteName(21));
        assertEquals("C8", Axis.noteName(108));
        assertEquals("B3", Axis.noteName(59));
        assertEquals("C-1", Axis.noteName(0));
        assertThrows(IllegalArgumentException.class, () -> Axis.noteName(128));
        assertThrows(IllegalArgumentException.class, () -> Axis.noteName(-1));
    }

    @Test
    void pitchAxisLabelsCellsWithNoteNames() {
        NumberAxis axis = (NumberAxis) Axis.pitches(new int[] {21, 60, 69}).toValueAxis(3);
        assertEquals("A0", axis.getStandardTickUnits().getCeilingTickUnit(1).valueToString(0));
        assertEquals("A4", axis.getStandardTickUnits().getCeilingTickUnit(1).valueToString(2));
        assertEquals("", axis.getStandardTickUnits().getCeilingTickUnit(1).valueToString(3));
        assertEquals(-0.5, axis.getLowerBound());
        assertEquals(2.5, axis.getUpperBound());
    }

    @Test
    void frequencyAxisSpansTheBinsInKilohertz() {
        NumberAxis axis = (NumberAxis) Axis.frequency(10).toValueAxis(1025);
        assertEquals("Frequency (kHz)", axis.getLabel());
        assertEquals(-0.005, axis.getLowerBound(), 1e-12);
        assertEquals(10.245, axis.getUpperBound(), 1e-12);
        assertEquals("Frequency (Hz)", Axis.frequency(10).toValueAxis(100).getLabel());
    }

    @Test
    void rejectsBadInput() {
        Axis a = Axis.index("i");
        assertThrows(IllegalArgumentException.class,
                () -> new Heatmap(new float[] {1, Float.NaN}, 1, 2, a, a, "", ColorScale.linear()));
        assertThrows(IllegalArgumentException.class,
                () -> new Heatmap(new float[] {Float.POSITIVE_INFINITY}, 1, 1, a, a, "", ColorScale.log()));
        assertThrows(IllegalArgumentException.class,
                () -> new Heatmap(new float[3], 2, 2, a, a, "", ColorScale.linear()));
        assertThrows(IllegalArgumentException.class,
                () -> new Heatmap(new float[6], 2, 3, Axis.pitches(new int[] {60, 61, 62}), a, "",
                        ColorScale.linear()));
        assertThrows(IllegalArgumentException.class,
                () -> ColorScale.divergingCovering(new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ColorScale.log(0));
        assertThrows(IllegalArgumentException.class, () -> ColorScale.diverging(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Axis.frequency(0));
        assertThrows(IllegalArgumentException.class, () -> Axis.pitches(new int[0]));
    }

    @Test
    void dataIsCopiedBothWays() {
        float[] v = {1, 2};
        Heatmap h = new Heatmap(v, 1, 2, Axis.index("i"), Axis.index("j"), "", ColorScale.linear());
        v[0] = 99;
        h.data()[1] = 99;
        assertArrayEquals(new float[] {1, 2}, h.data());
    }
}
