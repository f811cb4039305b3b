package org.nae4j.score;

/**
 * One note of a score.
 *
 * @param start      onset in seconds (≥ 0)
 * @param duration   how long the key is held, in seconds (≥ 0)
 * @param pitch      MIDI note number 0–127 (60 = C4)
 * @param velocity   MIDI velocity 0–127
 * @param instrument instrument, track or hand label (e.g. "right", "left", "piano"); never null
 */
public record Note(double start, double duration, int pitch, int velocity, String instrument) {
    public static final int MAX_PITCH = 127;

    public Note {
        if (!Double.isFinite(start) || start < 0) {
            throw new IllegalArgumentException("note start must be a finite number ≥ 0 s, got " + start);
        }
        if (!Double.isFinite(duration) || duration < 0) {
            throw new IllegalArgumentException("note duration must be a finite number ≥ 0 s, got " + duration);
        }
        if (pitch < 0 || pitch > MAX_PITCH) {
            throw new IllegalArgumentException("MIDI pitch must be in 0–127, got " + pitch);
        }
        if (velocity < 0 || velocity > MAX_PITCH) {
            throw new IllegalArgumentException("MIDI velocity must be in 0–127, got " + velocity);
        }
        if (instrument == null) {
            throw new IllegalArgumentException("instrument label must not be null");
        }
    }

    /** Offset (note-off) time in seconds. */
    public double end() {
        return start + duration;
    }

    /** Fundamental frequency in Hz with A4 = 440 Hz, equal temperament. */
    public static double frequency(int pitch) {
        return 440.0 * Math.pow(2.0, (pitch - 69) / 12.0);
    }
}
