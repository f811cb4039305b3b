package org.nae4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nae4j.audio.AudioLoader;
import org.nae4j.constraints.ConstraintOptions;
import org.nae4j.constraints.Constraints;
import org.nae4j.constraints.Tuning;
import org.nae4j.constraints.TuningEstimate;
import org.nae4j.io.InvalidInputException;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.spectral.ComplexSpectrogram;
import org.nae4j.spectral.Stft;
import org.nae4j.spectral.StftParams;

/**
 * A recording prepared for decomposition (method §1–2): its mono samples at the analysis rate, complex
 * STFT X, magnitude V = |X| (K×N) and the score constraints.
 *
 * <p>Its arrays are handed out as they are, not copied (copies would cost the memory of the signal or
 * the matrices again): treat them as read-only.
 *
 * @param samples     mono samples at {@code sampleRate} (empty after {@link #withoutSignal()})
 * @param sampleRate  analysis sample rate (Hz)
 * @param params      the STFT parameters
 * @param stft        the complex STFT X (K×N); null after {@link #withoutSignal()}
 * @param magnitude   V = |X|, K×N row-major
 * @param score       the score, in seconds of the recording
 * @param constraints W^C and H^C
 * @param options     the constraint parameters used, with the tuning resolved: {@link Tuning#AUTO} is replaced by
 *                    the estimate ({@link TuningEstimate}) at which W^C was built
 * @param clippedNotes how many notes of the given score started before the end of the audio but ran past it,
 *                    and were cut at the end ({@code score} holds them cut); callers may warn about them
 */
public record Analysis(float[] samples, int sampleRate, StftParams params, ComplexSpectrogram stft, float[] magnitude, Score score,
                       Constraints constraints, ConstraintOptions options, int clippedNotes) {

    /**
     * Loads {@code audio} (down-mixed, resampled to 22050 Hz), computes its STFT with the default parameters,
     * reads {@code score} and builds the constraints.
     */
    public static Analysis of(Path audio, Path score, ConstraintOptions options) {
        return of(audio, score, StftParams.DEFAULT, options);
    }

    /** As {@link #of(Path, Path, ConstraintOptions)} with other STFT parameters. */
    public static Analysis of(Path audio, Path score, StftParams stft, ConstraintOptions options) {
        float[] x = AudioLoader.loadMono(audio, StftParams.DEFAULT_SAMPLE_RATE);
        Score s = Score.read(score);
        return of(x, StftParams.DEFAULT_SAMPLE_RATE, s, stft, options, audio, score);
    }

    /**
     * Analyses mono samples already in memory with the default STFT (method §1) and constraint options.
     *
     * @param x          mono samples, not modified
     * @param sampleRate their rate in Hz; the STFT's frequency axis follows it (no resampling)
     * @param score      the notes, in seconds of {@code x}
     * @throws InvalidInputException if the score is empty or a note starts at or after the end of the audio
     *                               (notes that only end after it are cut there: {@link #clippedNotes()})
     */
    public static Analysis of(float[] x, int sampleRate, Score score) {
        return of(x, sampleRate, score, StftParams.DEFAULT, ConstraintOptions.DEFAULT, null, null);
    }

    /**
     * Analyses samples already in memory. {@code audioName} and {@code scoreName} only label error messages
     * and may be null.
     *
     * @throws InvalidInputException if the score is empty or a note starts at or after the end of the audio
     *                               (notes that only end after it are cut there: {@link #clippedNotes()})
     */
    public static Analysis of(float[] x, int sampleRate, Score score, StftParams params, ConstraintOptions options,
                              Path audioName, Path scoreName) {
        Path scoreLabel = scoreName == null ? Path.of("the score") : scoreName;
        String audioLabel = audioName == null ? "" : audioName + " ";
        if (score.isEmpty()) {
            throw InvalidInputException.of(scoreLabel, "the score has no notes");
        }
        double duration = x.length / (double) sampleRate;
        List<Note> notes = new ArrayList<>(score.size());
        int clipped = 0;
        for (Note n : score.notes()) {
            if (n.start() >= duration) {
                throw InvalidInputException.of(scoreLabel, String.format(java.util.Locale.ROOT,
                        "note %d at %.3f s starts after the end of the audio %s(%.3f s); is this the right score, or is it not aligned (--align)?",
                        n.pitch(), n.start(), audioLabel, duration));
            }
            // A note still held when the recording stops (a cut recording, a long final chord): it sounds
            // up to the end, so it is kept up to the end.
            if (n.end() > duration) {
                clipped++;
                notes.add(new Note(n.start(), duration - n.start(), n.pitch(), n.velocity(), n.instrument()));
            } else {
                notes.add(n);
            }
        }
        if (clipped > 0) {
            score = new Score(notes);
        }
        ComplexSpectrogram stft = Stft.forward(x, sampleRate, params);
        float[] v = stft.magnitude();
        if (options.tuning().auto()) {
            options = options.withTuning(Tuning.cents(TuningEstimate.cents(v, stft.frames(), sampleRate, params, score)));
        }
        Constraints c = Constraints.build(score, sampleRate, params, stft.frames(), options);
        return new Analysis(x, sampleRate, params, stft, v, score, c, options, clipped);
    }

    /**
     * The same analysis without the samples and the complex STFT, which a decomposition does not need:
     * for a long recording they are most of the memory (3 of the 4 arrays of its size).
     */
    public Analysis withoutSignal() {
        return new Analysis(new float[0], sampleRate, params, null, magnitude, score, constraints, options,
                clippedNotes);
    }

    /** The deviation from A440 in cents at which W^C's partials lie (estimated or given). */
    public double tuningCents() {
        return options.tuning().cents();
    }

    /** Width of a frequency bin in Hz. */
    public double hzPerBin() {
        return (double) sampleRate / params.nFft();
    }

    /** Time between frames in seconds. */
    public double secondsPerFrame() {
        return (double) params.hop() / sampleRate;
    }
}
