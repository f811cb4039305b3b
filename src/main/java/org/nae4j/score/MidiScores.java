package org.nae4j.score;

import java.nio.file.Path;
import org.nae4j.InvalidInputException;

/** Reads Standard MIDI Files (format 0 and 1) into scores. */
public final class MidiScores {
    private MidiScores() {
    }

    public static Score read(Path file) {
        throw InvalidInputException.of(file, "MIDI scores are being implemented");
    }
}
