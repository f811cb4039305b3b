package org.nae4j.separation;

import java.util.ArrayList;
import java.util.List;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/**
 * A known two-part test signal: a right-hand melody and a left-hand bass rendered separately with the
 * built-in synthesizer, so that the mixture is exactly their sum. Both hands play G3 (55), at different
 * times, to check that groups are told apart by their notes' times and not only by pitch.
 */
final class TwoVoices {
    static final int RATE = 22050;
    static final int SHARED_PITCH = 55;

    final Score score;
    final float[] right;
    final float[] left;
    final float[] mix;

    TwoVoices() {
        List<Note> r = new ArrayList<>();
        int[] melody = {72, 74, 76, 77, 79, 77, 76, SHARED_PITCH};
        for (int i = 0; i < melody.length; i++) {
            r.add(new Note(0.25 + 0.5 * i, 0.45, melody[i], 90, "right"));
        }
        List<Note> l = new ArrayList<>();
        int[] bass = {48, SHARED_PITCH, 43, 50};
        for (int i = 0; i < bass.length; i++) {
            l.add(new Note(0.25 + i, 0.95, bass[i], 80, "left"));
        }
        List<Note> all = new ArrayList<>(r);
        all.addAll(l);
        score = new Score(all);
        // One common length: the tail makes both renders end together.
        double end = score.end() + 1.0;
        SynthOptions o = SynthOptions.DEFAULT;
        float[] rr = Synth.render(new Score(r), RATE, o.withTailSeconds(end - new Score(r).end()));
        float[] ll = Synth.render(new Score(l), RATE, o.withTailSeconds(end - new Score(l).end()));
        int n = Math.min(rr.length, ll.length);
        right = java.util.Arrays.copyOf(rr, n);
        left = java.util.Arrays.copyOf(ll, n);
        // Each render peaks at −1 dBFS; halve both so the mixture stays below full scale.
        mix = new float[n];
        for (int i = 0; i < n; i++) {
            right[i] *= 0.5f;
            left[i] *= 0.5f;
            mix[i] = right[i] + left[i];
        }
    }
}
