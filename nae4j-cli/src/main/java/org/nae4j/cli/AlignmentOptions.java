package org.nae4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nae4j.alignment.AlignOptions;
import picocli.CommandLine.Option;

/** Settings of score-to-audio alignment (features and DTW), shared by {@code align} and {@code --align}. */
final class AlignmentOptions implements CheckedOptions {
    @Option(names = "--feature-rate", paramLabel = "HZ",
            description = "Alignment feature frames per second, 5-200 (default: ${DEFAULT-VALUE}).")
    double featureRate = AlignOptions.DEFAULT.featureRateHz();

    @Option(names = "--onset-weight", paramLabel = "WEIGHT",
            description = "Weight of the onset features against chroma in the alignment cost, 0-10; 0 = chroma only (default: ${DEFAULT-VALUE}).")
    double onsetWeight = AlignOptions.DEFAULT.onsetWeight();

    @Option(names = "--band-radius", paramLabel = "FRAMES",
            description = "Half-width of the search band of each finer multiscale-DTW level in frames, 1-1000 (default: ${DEFAULT-VALUE}).")
    int bandRadius = AlignOptions.DEFAULT.bandRadius();

    AlignOptions options() {
        return BadOptionValue.build(() -> new AlignOptions(featureRate, AlignOptions.DEFAULT.windowSeconds(),
                        AlignOptions.DEFAULT.onsetWindowSeconds(),
                        onsetWeight, AlignOptions.DEFAULT.diagonalWeight(), bandRadius),
                "featureRateHz", "--feature-rate", "onsetWeight", "--onset-weight", "bandRadius", "--band-radius");
    }

    @Override
    public void check() {
        options();
    }

    Map<String, Object> describe() {
        AlignOptions o = options();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("feature_rate_hz", o.featureRateHz());
        m.put("window_s", o.windowSeconds());
        m.put("onset_window_s", o.onsetWindowSeconds());
        m.put("onset_weight", o.onsetWeight());
        m.put("diagonal_weight", o.diagonalWeight());
        m.put("band_radius_frames", o.bandRadius());
        return m;
    }
}
