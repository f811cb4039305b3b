package org.nae4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nae4j.plot.AlignmentPlot;
import org.nae4j.alignment.AlignmentResult;
import org.nae4j.io.InvalidInputException;
import org.nae4j.audio.AudioLoader;
import org.nae4j.io.OutputFile;
import org.nae4j.io.OutputPaths;
import org.nae4j.score.CsvScores;
import org.nae4j.score.Score;
import org.nae4j.spectral.StftParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nae4j align}: move the notes of an unaligned score to the times at which they sound in a recording. */
@Command(name = "align", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Align a score of the piece (CSV or MIDI, in its own tempo) to a recording of a performance: "
                + "chroma and onset features of the recording and of the synthesized score are matched by multiscale "
                + "dynamic time warping, and every note's onset and offset is moved along the warping path."})
final class AlignCommand implements Callable<Integer> {
    @Option(names = "--audio", required = true, paramLabel = "FILE",
            description = "The recording: WAV (PCM 8/16/24/32-bit or float), any rate, mono or multichannel (channels are averaged).")
    Path audio;

    @Option(names = "--score", required = true, paramLabel = "FILE",
            description = "The score to align: CSV (Start;Duration;Pitch;Velocity;Instrument, seconds) or MIDI.")
    Path score;

    @Option(names = "--out", required = true, paramLabel = "ALIGNED.csv",
            description = "The aligned score to write (CSV, same columns; times in seconds of the recording).")
    Path out;

    @Option(names = "--plot", paramLabel = "PNG",
            description = "Also draw the cost matrix with the warping path and the note onsets into this PNG file.")
    Path plot;

    @Mixin
    AlignmentOptions settings;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors: no summary on stdout.")
    boolean quiet;

    @Mixin
    OverwriteOption overwrite;

    @Override
    public Integer call() {
        OutputFile.check(out, overwrite.overwrite, OverwriteOption.inputs(audio, score), ".csv");
        if (plot != null) {
            OutputFile.check(plot, overwrite.overwrite, OverwriteOption.inputs(audio, score), ".png");
            if (OutputPaths.real(plot).equals(OutputPaths.real(out))) {
                throw InvalidInputException.of(plot, "is also the --out file; give two different names");
            }
        }
        int rate = StftParams.DEFAULT_SAMPLE_RATE;
        float[] x = AudioLoader.loadMono(audio, rate);
        Score s = Score.read(score);
        OutputOptions log = new OutputOptions();
        log.quiet = true; // this command prints its own one-line summary on stdout
        long t0 = System.nanoTime();
        AlignmentResult r = Aligner.align(x, rate, s, settings.options(), audio, score, log);
        double seconds = (System.nanoTime() - t0) / 1e9;
        CsvScores.write(r.aligned(), out);
        if (plot != null) {
            AlignmentPlot.write(r, plot);
        }
        if (!quiet) {
            System.out.printf(Locale.ROOT,
                    "aligned %d notes in %.2f s: score %.3f-%.3f s -> recording %.3f-%.3f s (recording %.3f s); "
                            + "mean path cost %.3f; written to %s%s%n",
                    s.size(), seconds, s.notes().get(0).start(), s.end(), r.aligned().notes().get(0).start(),
                    r.aligned().end(), x.length / (double) rate, r.meanCost(), out,
                    plot == null ? "" : " (plot " + plot + ")");
        }
        return 0;
    }
}
