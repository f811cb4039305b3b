package org.nae4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.io.InvalidInputException;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** The check of a score against the length of its recording. */
class AnalysisTest {
    private static final int RATE = 22050;
    /** Two seconds of audio: a note from 0.1 s to 1.0 s plus the synthesizer's 1 s tail. */
    private static final float[] AUDIO = Synth.render(new Score(List.of(new Note(0.1, 0.9, 60, 90, "piano"))), RATE,
            SynthOptions.DEFAULT);

    @Test
    void notesHeldPastTheEndAreCutAtTheEnd() {
        double end = AUDIO.length / (double) RATE;
        Score score = new Score(List.of(new Note(0.1, 0.9, 60, 90, "piano"), new Note(1.5, 10, 64, 80, "piano"),
                new Note(1.9, 0.05, 67, 70, "piano")));
        Analysis a = Analysis.of(AUDIO, RATE, score);
        assertEquals(1, a.clippedNotes());
        assertEquals(3, a.score().size());
        Note cut = a.score().notes().get(1);
        assertEquals(1.5, cut.start());
        assertEquals(end, cut.end(), 1e-9);
        assertEquals(new Note(1.9, 0.05, 67, 70, "piano"), a.score().notes().get(2), "notes inside are untouched");
        assertEquals(0, Analysis.of(AUDIO, RATE, new Score(List.of(score.notes().get(0)))).clippedNotes());
    }

    @Test
    void aNoteStartingAfterTheEndIsRefusedWithAHintToAlign() {
        Score score = new Score(List.of(new Note(0.1, 0.9, 60, 90, "piano"), new Note(2.5, 0.5, 64, 80, "piano")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Analysis.of(AUDIO, RATE, score));
        assertTrue(e.getMessage().contains("starts after the end of the audio") && e.getMessage().contains("--align"),
                e.getMessage());
    }
}
