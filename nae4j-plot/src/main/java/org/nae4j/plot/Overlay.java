package org.nae4j.plot;

import java.util.Objects;

/**
 * Points or a polyline drawn on top of a heatmap by {@link Plots#heatmap(Heatmap, java.util.List, java.nio.file.Path,
 * int, int)}, e.g. a DTW warping path on a cost matrix and note onsets on it. Coordinates are in the units of
 * the heatmap's axes: cell {@code i} of an axis is at {@code i · step} (seconds for {@link Axis#time}, Hz for
 * {@link Axis#frequency}, the cell index for {@link Axis#index} and {@link Axis#pitches}).
 *
 * @param name  legend entry, not null
 * @param x     horizontal (column axis) coordinates, finite; copied
 * @param y     vertical (row axis) coordinates, finite, as many as x; copied
 * @param style {@link Style#LINE} joins the points in order (red), {@link Style#POINTS} marks each (white dots)
 */
public record Overlay(String name, double[] x, double[] y, Style style) {
    /** How an overlay is drawn. */
    public enum Style { LINE, POINTS }

    public Overlay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        x = Series.checkedCopy(x, "x", "overlay '" + name + "'");
        y = Series.checkedCopy(y, "y", "overlay '" + name + "'");
        if (x.length != y.length) {
            throw new IllegalArgumentException("overlay '" + name + "': x has " + x.length
                    + " values but y has " + y.length);
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }
}
