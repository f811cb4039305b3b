package org.nae4j.score;

import java.nio.file.Path;
import org.nae4j.InvalidInputException;

/** Reads and writes scores in the FMP CSV format ({@code Start;Duration;Pitch;Velocity;Instrument}). */
public final class CsvScores {
    private CsvScores() {
    }

    public static Score read(Path file) {
        throw InvalidInputException.of(file, "CSV scores are being implemented");
    }
}
