package org.nae4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.OutputFile;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nae4j synth}: render a score with the built-in piano-like synthesizer. */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render a score (CSV or MIDI) to a WAV file with nae4j's own piano-like additive synthesizer.")
final class SynthCommand implements Callable<Integer>, CheckedOptions {
    @Option(names = "--score", required = true, paramLabel = "FILE",
            description = "The score: CSV (Start;Duration;Pitch;Velocity;Instrument, seconds) or MIDI.")
    Path score;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "The WAV file to write (16-bit PCM, mono; the name must end in .wav).")
    Path out;

    @Option(names = "--sample-rate", paramLabel = "HZ", description = "Sample rate of the WAV file in Hz, "
            + Synth.MIN_SAMPLE_RATE + "-" + Synth.MAX_SAMPLE_RATE + " (default: ${DEFAULT-VALUE}).")
    int sampleRate = StftParams.DEFAULT_SAMPLE_RATE;

    @Option(names = "--tail", paramLabel = "SECONDS",
            description = "Silence-and-release time after the last note-off in seconds, 0-"
                    + (int) SynthOptions.MAX_TAIL_SECONDS + " (default: ${DEFAULT-VALUE}).")
    double tail = SynthOptions.DEFAULT.tailSeconds();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors: no summary on stdout.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    OverwriteOption overwrite;

    @Override
    public void check() {
        // Only WAV is written: a file named .mp3 would hold a WAV.
        Path name = out.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".wav")) {
            throw new BadOptionValue("--out", "must name a .wav file (synth writes WAV only), got " + out);
        }
        BadOptionValue.build(() -> {
            Synth.checkSampleRate(sampleRate);
            return null;
        }, "sampleRate", "--sample-rate");
        synthOptions();
    }

    private SynthOptions synthOptions() {
        return BadOptionValue.build(() -> SynthOptions.DEFAULT.withTailSeconds(tail), "tailSeconds", "--tail");
    }

    @Override
    public Integer call() {
        OutputFile.check(out, overwrite.overwrite, OverwriteOption.inputs(score), null);
        Score s = Score.read(score);
        float[] x;
        try {
            x = Synth.render(s, sampleRate, synthOptions());
        } catch (InvalidInputException e) {
            throw InvalidInputException.of(score, e.getMessage(), e);
        }
        Wav.write(out, x, sampleRate, WavEncoding.PCM_16);
        if (!quiet) {
            System.out.printf(Locale.ROOT, "rendered %d notes (%.2f s at %d Hz) to %s%n", s.size(),
                    x.length / (double) sampleRate, sampleRate, out);
        }
        return 0;
    }
}
