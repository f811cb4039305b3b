package org.nae4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayTest {
    @TempDir
    Path dir;

    private static boolean reddish(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 180 && g < 90 && b < 90;
    }

    @Test
    void aLineOverlayIsDrawnInAxisUnitsOnTheHeatmap() throws IOException {
        // 50×50 zeros: one flat colour; a diagonal line from (0 s, 0 s) to (0.98 s, 0.98 s).
        Heatmap h = new Heatmap(new float[50 * 50], 50, 50, Axis.time(0.02, "Score time (s)"),
                Axis.time(0.02, "Recording time (s)"), "", ColorScale.linear());
        Overlay line = new Overlay("path", new double[]{0, 0.98}, new double[]{0, 0.98}, Overlay.Style.LINE);
        Overlay dots = new Overlay("onsets", new double[]{0.2}, new double[]{0.8}, Overlay.Style.POINTS);
        Path png = dir.resolve("o.png");
        Plots.heatmap(h, List.of(line, dots), png, 600, 600);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(600, img.getWidth());
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (reddish(img.getRGB(x, y))) {
                    red++;
                }
            }
        }
        // A 2-pixel line across a plot area of several hundred pixels, plus its legend swatch.
        assertTrue(red > 400, "red pixels: " + red);
    }

    @Test
    void refusesMismatchedOrNonFiniteCoordinates() {
        assertThrows(IllegalArgumentException.class,
                () -> new Overlay("x", new double[]{1, 2}, new double[]{1}, Overlay.Style.LINE));
        assertThrows(IllegalArgumentException.class,
                () -> new Overlay("x", new double[]{Double.NaN}, new double[]{1}, Overlay.Style.POINTS));
    }
}
