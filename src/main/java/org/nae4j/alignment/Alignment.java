package org.nae4j.alignment;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Memory is linear in the length of the piece: a 10-minute piece at 50 Hz holds a few MB of DTW state.
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
        float[] rendered = Synth.render(score, sampleRate, SynthOptions.DEFAULT.withPartials(SYNTH_PARTIALS));
        Features scoreFeatures = Features.of(rendered, sampleRate, options);
        rendered = null; // the rendering can be collected before the audio is analysed
        Features audioFeatures = Features.of(audio, sampleRate, options);
        return align(scoreFeatures, audioFeatures, score, options);
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
