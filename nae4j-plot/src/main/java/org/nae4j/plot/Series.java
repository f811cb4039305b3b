package org.nae4j.plot;

import java.util.Objects;

/**
 * One line of a line chart, e.g. the error of one method per iteration or per second.
 *
 * @param name legend entry, not null
 * @param x    abscissae, finite; copied
 * @param y    ordinates, finite, same length as x; copied
 */
public record Series(String name, double[] x, double[] y) {
    public Series {
        Objects.requireNonNull(name, "name");
        x = checkedCopy(x, "x", "series '" + name + "'");
        y = checkedCopy(y, "y", "series '" + name + "'");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length
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

    /** A copy of {@code values} after checking every value is finite. */
    static double[] checkedCopy(double[] values, String what, String owner) {
        Objects.requireNonNull(values, what);
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!Double.isFinite(copy[i])) {
                throw new IllegalArgumentException(owner + ": non-finite " + what
                        + "[" + i + "] = " + copy[i]);
            }
        }
        return copy;
    }
}
