package org.nae4j.alignment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/**
 * Score-to-audio alignment: moves the notes of a score (e.g. from a MIDI file of the piece, in its own
 * tempo) to the times at which they sound in a recording of a performance.
 *
 * <p>The score is rendered with {@link Synth}; chroma and onset features ({@link Features}) of the
 * rendering and of the recording are aligned by multiscale DTW ({@code Dtw}: coarse levels at 1/4, 1/16, …
 * of the feature rate until the problem is small, then a band of ±{@link AlignOptions#bandRadius()} frames
 * around the projected path at each finer level). The path gives a piecewise-linear time map
 * ({@link TimeMap}) through which every note's onset and offset is moved.
 *
 * <p>Memory is linear in the length of the piece: a 10-minute piece at 50 Hz holds about 1 MB of DTW state
 * (one byte per band cell), besides the rendered score. The recording's features are computed on a second
 * thread; the result does not depend on it.
 */
public final class Alignment {
    /** The score is rendered with this many partials: enough for chroma up to C8, and fast. */
    private static final int SYNTH_PARTIALS = 8;

    private Alignment() {
    }

    /**
     * Aligns {@code score} to {@code audio}.
     *
     * @param audio      mono samples of the recording (not modified), at least one
     * @param sampleRate their rate in Hz, ≥ 1000
     * @param score      the notes in score time (seconds), not empty; may be longer or shorter than the audio
     * @param options    feature and DTW settings, e.g. {@link AlignOptions#DEFAULT}
     * @return the aligned score, the path and the map
     * @throws IllegalArgumentException if the score is empty or the audio has no samples
     */
    public static AlignmentResult align(float[] audio, int sampleRate, Score score, AlignOptions options) {
        if (score.isEmpty()) {
            throw new IllegalArgumentException("cannot align a score without notes");
        }
        if (audio.length == 0) {
            throw new IllegalArgumentException("cannot align to audio without samples");
        }
        // The recording is analysed on a second thread while the score is rendered and analysed on this one:
        // the two are independent, and together they take most of the time.
        FutureTask<Features> audioTask = new FutureTask<>(() -> Features.of(audio, sampleRate, options));
        Thread worker = new Thread(audioTask, "nae4j-align-features");
        worker.setDaemon(true);
        worker.start();
        Features scoreFeatures;
        try {
            float[] rendered = Synth.render(score, sampleRate, SynthOptions.DEFAULT.withPartials(SYNTH_PARTIALS));
            scoreFeatures = Features.of(rendered, sampleRate, options);
        } catch (RuntimeException | Error e) {
            audioTask.cancel(true);
            throw e;
        }
        return align(scoreFeatures, await(audioTask), score, options);
    }

    private static Features await(FutureTask<Features> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the recording's features", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Aligns from precomputed features (same frame spacing) of the rendered score and the recording. */
    public static AlignmentResult align(Features scoreFeatures, Features audioFeatures, Score score,
                                        AlignOptions options) {
        if (scoreFeatures.frameSeconds() != audioFeatures.frameSeconds()) {
            throw new IllegalArgumentException("score and audio features must have the same frame spacing, got "
                    + scoreFeatures.frameSeconds() + " and " + audioFeatures.frameSeconds() + " s");
        }
        Dtw.Path p = Dtw.multiscale(scoreFeatures, audioFeatures, options);
        WarpingPath path = new WarpingPath(p.rows(), p.cols(), scoreFeatures.frameSeconds());
        TimeMap map = TimeMap.of(path);
        return new AlignmentResult(apply(score, map), score, path, map, scoreFeatures, audioFeatures,
                p.cost() / path.length(), p.cells(), p.peakCells(), p.levels(), options);
    }

    /** The score with each note's onset and offset moved through {@code map}; pitch, velocity, label kept. */
    public static Score apply(Score score, TimeMap map) {
        List<Note> out = new ArrayList<>(score.size());
        for (Note n : score.notes()) {
            double on = map.apply(n.start());
            double off = map.apply(n.end());
            out.add(new Note(on, Math.max(0, off - on), n.pitch(), n.velocity(), n.instrument()));
        }
        return new Score(out);
    }
}
