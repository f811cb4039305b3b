package org.nae4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartsTest {
    @TempDir
    Path dir;

    private static double[] iterations(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static double[] decay(int n, double start) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = start / (1 + i);
        }
        return y;
    }

    /** Pixels within {@code tol} per channel of {@code rgb}. */
    private static int count(BufferedImage img, int rgb, int tol) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tol
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tol
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= tol) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void linesOnLogAxesSkipZeroIterationAndDrawEveryMethod() throws IOException {
        int n = 200;
        List<Series> series = List.of(new Series("MU", iterations(n), decay(n, 1000)),
                new Series("PGD", iterations(n), decay(n, 3000)));
        Path png = dir.resolve("loss.png");
        Plots.lines("Loss", "Iteration", "Error", series, true, true, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Plots.CHART_WIDTH, img.getWidth());
        assertEquals(Plots.CHART_HEIGHT, img.getHeight());
        assertTrue(count(img, 0x1f77b4, 20) > 200, "first series colour must appear");
        assertTrue(count(img, 0xff7f0e, 20) > 200, "second series colour must appear");
        Plots.lines("", "Time (s)", "Error", series, false, false, dir.resolve("lin.png"));
        assertEquals(Plots.CHART_WIDTH, ImageIO.read(dir.resolve("lin.png").toFile()).getWidth());
    }

    @Test
    void bandsAreShaded() throws IOException {
        int n = 100;
        double[] std = new double[n];
        double[] mean = decay(n, 100);
        for (int i = 0; i < n; i++) {
            std[i] = 0.6 * mean[i];
        }
        Band only = new Band("NAE", iterations(n), mean, std);
        Path png = dir.resolve("bands.png");
        Plots.bands("Mean ± std", "Iteration", "Error", List.of(only), false, false, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Plots.CHART_WIDTH, img.getWidth());
        // 20 % of #1f77b4 over white.
        assertTrue(count(img, 0xd2e4f0, 6) > 2000, "the ±std band must be shaded");
        // Log y: lower edges ≤ 0 (std > mean here) are cut, nothing breaks.
        double[] wide = new double[n];
        java.util.Arrays.fill(wide, 200);
        Plots.bands("log", "Iteration", "Error", List.of(only, new Band("wide", iterations(n), mean, wide)),
                true, true, dir.resolve("logbands.png"));
        assertEquals(Plots.CHART_HEIGHT, ImageIO.read(dir.resolve("logbands.png").toFile()).getHeight());
    }

    @Test
    void rejectsBadInput() {
        double[] x = {0, 1};
        assertThrows(IllegalArgumentException.class, () -> new Series("a", x, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new Series("a", x, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Band("a", x, new double[] {1, 2}, new double[] {0, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> new Band("a", x, new double[] {1, Double.POSITIVE_INFINITY}, new double[] {0, 0}));
        Series s = new Series("same", x, x);
        Path png = dir.resolve("x.png");
        assertThrows(IllegalArgumentException.class,
                () -> Plots.lines("t", "x", "y", List.of(s, s), false, false, png));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.lines("t", "x", "y", List.of(), false, false, png));
    }

    @Test
    void unwritableTargetNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "not a directory");
        Path png = file.resolve("loss.png");
        Series s = new Series("a", new double[] {0, 1}, new double[] {1, 2});
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> Plots.lines("t", "x", "y", List.of(s), false, false, png));
        assertTrue(e.getMessage().contains(png.toString()), e.getMessage());
    }
}
