package org.nae4j.plot;

import java.util.Objects;

/**
 * A mean curve with a shaded ± one standard deviation band, e.g. one method's error per iteration
 * averaged over several recordings.
 *
 * @param name legend entry, not null
 * @param x    abscissae, finite; copied
 * @param mean means, finite, same length as x; copied
 * @param std  standard deviations, finite and ≥ 0, same length as x; copied
 */
public record Band(String name, double[] x, double[] mean, double[] std) {
    public Band {
        Objects.requireNonNull(name, "name");
        x = Series.checkedCopy(x, "x", "band '" + name + "'");
        mean = Series.checkedCopy(mean, "mean", "band '" + name + "'");
        std = Series.checkedCopy(std, "std", "band '" + name + "'");
        if (mean.length != x.length || std.length != x.length) {
            throw new IllegalArgumentException("band '" + name + "': x, mean and std have "
                    + x.length + ", " + mean.length + " and " + std.length + " values");
        }
        for (int i = 0; i < std.length; i++) {
            if (std[i] < 0) {
                throw new IllegalArgumentException("band '" + name + "': negative std[" + i + "] = " + std[i]);
            }
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}
