package org.nae4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nae4j.Analysis;
import org.nae4j.constraints.BandRounding;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.constraints.Inharmonicity;
import org.nae4j.constraints.Tuning;
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

    @Option(names = "--tuning", paramLabel = "auto|CENTS",
            description = "Reference pitch of the partials of W^C: auto (estimated from the recording's spectrum "
                    + "where the score holds notes) or a deviation from A4 = 440 Hz in cents, -100 to 100; 0 = A440, "
                    + "as in the paper (default: ${DEFAULT-VALUE}). summary.json records the value used as tuning_cents.")
    String tuning = Tuning.AUTO.toString();

    @Option(names = "--band-rounding", paramLabel = "NAME",
            description = "How the edges of each harmonic band of W^C become bins: nearest (the nearest bins, centred "
                    + "on the partial) or libfmp (rounded down, as the paper; half a bin low on average) "
                    + "(default: ${DEFAULT-VALUE}).")
    String bandRounding = ConstraintOptions.DEFAULT.bandRounding().id();

    @Option(names = "--inharmonicity", paramLabel = "MODEL",
            description = "Where W^C places the partials: none (k·f0, as the paper) or piano (k·f0·sqrt(1 + B·k²) with a "
                    + "typical grand piano's B per key) (default: ${DEFAULT-VALUE}).")
    String inharmonicity = ConstraintOptions.DEFAULT.inharmonicity().id();

    StftParams stft() {
        return BadOptionValue.build(() -> new StftParams(nFft, hop), "nFft", "--n-fft", "hop", "--hop");
    }

    ConstraintOptions constraints() {
        return BadOptionValue.build(() -> new ConstraintOptions(tau, partials, onsetTolerance, offsetTolerance,
                        Tuning.parse(tuning), BandRounding.parse(bandRounding), Inharmonicity.parse(inharmonicity)),
                "tau", "--tau", "partials", "--partials", "onsetTolerance", "--onset-tolerance",
                "offsetTolerance", "--offset-tolerance", "tuning", "--tuning", "bandRounding", "--band-rounding",
                "inharmonicity", "--inharmonicity");
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
        m.put("tuning", constraints().tuning().toString());
        m.put("band_rounding", constraints().bandRounding().id());
        m.put("inharmonicity", constraints().inharmonicity().id());
        return m;
    }

    /** {@link #describe()} plus the tuning W^C was built at ({@code tuning_cents}, estimated or given). */
    Map<String, Object> describe(Analysis a) {
        Map<String, Object> m = describe();
        m.put("tuning_cents", a.tuningCents());
        return m;
    }
}
