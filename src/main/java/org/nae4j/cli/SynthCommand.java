package org.nae4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nae4j.InvalidInputException;
import org.nae4j.audio.Wav;
import org.nae4j.audio.WavEncoding;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nae4j synth}: render a score with the built-in piano-like synthesizer. */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render a score (CSV or MIDI) to a WAV file with nae4j's own piano-like additive synthesizer.")
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--score", required = true, paramLabel = "FILE", description = "The score: CSV or MIDI.")
    Path score;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "The WAV file to write (16-bit PCM, mono).")
    Path out;

    @Option(names = "--sample-rate", paramLabel = "HZ", description = "Sample rate of the WAV file in Hz (default: ${DEFAULT-VALUE}).")
    int sampleRate = StftParams.DEFAULT_SAMPLE_RATE;

    @Option(names = "--tail", paramLabel = "SECONDS",
            description = "Silence-and-release time after the last note-off in seconds (default: ${DEFAULT-VALUE}).")
    double tail = SynthOptions.DEFAULT.tailSeconds();

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() {
        Score s = Score.read(score);
        float[] x;
        try {
            x = Synth.render(s, sampleRate, SynthOptions.DEFAULT.withTailSeconds(tail));
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
