package org.nae4j.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The example score bundled in the jar, so that the tools can be tried without any data: the first
 * 11 bars of J. S. Bach's Prelude in C major BWV 846 (Well-Tempered Clavier I), 176 notes on 17 pitches
 * (MIDI 50–81), 35.2 s at 75 quarter notes per minute (one sixteenth = 0.2 s). Each half bar: the left
 * hand ("left") holds its two bass notes, the right hand ("right") plays the broken-chord figure.
 */
public final class Examples {
    /** Classpath location of the bundled CSV score. */
    public static final String BUNDLED_RESOURCE = "/org/nae4j/examples/example-score.csv";
    /** Title of the bundled piece. */
    public static final String BUNDLED_TITLE = "Prelude in C major, BWV 846 (bars 1–11)";
    /** Composer of the bundled piece. */
    public static final String BUNDLED_COMPOSER = "Johann Sebastian Bach";
    /** Licence of the bundled score. */
    public static final String BUNDLED_LICENCE = "public domain composition; score typed for nae4j";

    private Examples() {
    }

    /**
     * Loads the bundled example score (see the class comment) from the classpath.
     *
     * @return 176 notes labelled "right" and "left", times in seconds
     */
    public static Score bundledScore() {
        try (InputStream in = Examples.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                // Only a broken build can lose a resource of our own jar: a bug, not a user error.
                throw new IllegalStateException("bundled resource " + BUNDLED_RESOURCE + " is missing from the classpath");
            }
            return CsvScores.read(in, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + BUNDLED_RESOURCE, e);
        }
    }
}
