package org.nae4j.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void bundledScoreIsTheOpeningOfBwv846() {
        Score s = Examples.bundledScore();
        assertEquals(176, s.size());
        assertEquals(List.of("left", "right"), s.instruments());
        assertEquals(17, s.pitches().length);
        assertEquals(35.2, s.end(), 1e-9);
        // Bar 1: C4 and E4 held, G4 C5 E5 G4 C5 E5 in sixteenths of 0.2 s.
        int[] bar1 = {60, 64, 67, 72, 76, 67, 72, 76};
        for (int i = 0; i < bar1.length; i++) {
            Note n = s.notes().get(i);
            assertEquals(bar1[i], n.pitch());
            assertEquals(0.2 * i, n.start(), 1e-9);
            assertEquals(i < 2 ? "left" : "right", n.instrument());
        }
        assertEquals(Examples.BUNDLED_LICENCE, "public domain composition; score typed for nae4j");
        assertTrue(Examples.BUNDLED_TITLE.contains("BWV 846"));
    }

    @Test
    void everySixteenthHasOneRightHandNoteAndEveryHalfBarTwoBassNotes() {
        Score s = Examples.bundledScore();
        Score right = s.filter(n -> n.instrument().equals("right"));
        Score left = s.filter(n -> n.instrument().equals("left"));
        assertEquals(11 * 12, right.size());
        assertEquals(11 * 4, left.size());
        for (int i = 0; i < right.size(); i++) {
            // Six figure notes per half bar, on sixteenths 2..7.
            int halfBar = i / 6;
            double expected = halfBar * 1.6 + (2 + i % 6) * 0.2;
            assertEquals(expected, right.notes().get(i).start(), 1e-9);
        }
    }
}
