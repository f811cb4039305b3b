package org.nae4j.score;

/** Names of MIDI pitches in scientific pitch notation with sharps (used by the separation's stem names and the plots). */
public final class PitchNames {
    private static final int MIDI_MAX = 127;
    private static final int SEMITONES_PER_OCTAVE = 12;
    /** MIDI 60 is C4 (scientific pitch notation), so octave = midi / 12 − 1. */
    private static final int MIDI_OCTAVE_OFFSET = 1;
    private static final String[] PITCH_CLASSES =
            {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private PitchNames() {
    }

    /**
     * Note name of a MIDI pitch: 60 → "C4", 61 → "C#4", 69 → "A4", 21 → "A0", 0 → "C-1".
     *
     * @param midi MIDI number 0–127
     * @throws IllegalArgumentException if {@code midi} is outside 0–127
     */
    public static String noteName(int midi) {
        if (midi < 0 || midi > MIDI_MAX) {
            throw new IllegalArgumentException("MIDI pitch must be in 0.." + MIDI_MAX + ", got " + midi);
        }
        return PITCH_CLASSES[midi % SEMITONES_PER_OCTAVE]
                + (midi / SEMITONES_PER_OCTAVE - MIDI_OCTAVE_OFFSET);
    }
}
