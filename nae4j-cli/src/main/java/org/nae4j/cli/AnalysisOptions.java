package org.nae4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Option;

/** Options of the spectrogram and the score constraints (method §1–2), shared by the commands. */
final class AnalysisOptions implements CheckedOptions {
    @Option(names = "--n-fft", paramLabel = "SAMPLES",
            description = "STFT window and FFT length in samples at 22050 Hz, a power of two >= 16 (default: ${DEFAULT-VALUE}).")
    int nFft = StftParams.DEFAULT.nFft();

    @Option(names = "--hop", paramLabel = "SAMPLES",
            description = "STFT hop size in samples, 1 to --n-fft (default: ${DEFAULT-VALUE}).")
    int hop = StftParams.DEFAULT.hop();

    @Option(names = "--tau", paramLabel = "FRACTION",
            description = "Relative width of each harmonic band of W^C, 0 <= tau < 1 (default: ${DEFAULT-VALUE}).")
    double tau = ConstraintOptions.DEFAULT_TAU;

    @Option(names = "--partials", paramLabel = "COUNT",
            description = "Harmonics per template in W^C, >= 0; 0 = all below Nyquist (default: ${DEFAULT-VALUE}).")
    int partials = ConstraintOptions.ALL_PARTIALS;

    @Option(names = "--onset-tolerance", paramLabel = "SECONDS",
            description = "How long before a score onset an activation may start, >= 0 (default: ${DEFAULT-VALUE} s).")
    double onsetTolerance = ConstraintOptions.DEFAULT_ONSET_TOLERANCE;

    @Option(names = "--offset-tolerance", paramLabel = "SECONDS",
            description = "How long after a score offset an activation may last, >= 0 (default: ${DEFAULT-VALUE} s).")
    double offsetTolerance = ConstraintOptions.DEFAULT_OFFSET_TOLERANCE;

    StftParams stft() {
        return BadOptionValue.build(() -> new StftParams(nFft, hop), "nFft", "--n-fft", "hop", "--hop");
    }

    ConstraintOptions constraints() {
        return BadOptionValue.build(() -> new ConstraintOptions(tau, partials, onsetTolerance, offsetTolerance),
                "tau", "--tau", "partials", "--partials", "onsetTolerance", "--onset-tolerance",
                "offsetTolerance", "--offset-tolerance");
    }

    @Override
    public void check() {
        stft();
        constraints();
    }

    /** Whether every option has its default value. */
    boolean isDefault() {
        return stft().equals(StftParams.DEFAULT) && constraints().equals(ConstraintOptions.DEFAULT);
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample_rate", StftParams.DEFAULT_SAMPLE_RATE);
        m.put("n_fft", nFft);
        m.put("hop", hop);
        m.put("window", "hann (periodic)");
        m.put("magnitude", "linear |X|");
        m.put("tau", tau);
        m.put("partials", partials);
        m.put("onset_tolerance_s", onsetTolerance);
        m.put("offset_tolerance_s", offsetTolerance);
        return m;
    }
}
