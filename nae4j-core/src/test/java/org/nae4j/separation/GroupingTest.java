package org.nae4j.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nae4j.score.Note;
import org.nae4j.score.Score;

class GroupingTest {
    private static final Score SCORE = new Score(List.of(
            new Note(0.0, 1.0, 60, 80, "Piano right"),
            new Note(0.5, 1.0, 48, 80, "left"),
            new Note(1.0, 1.0, 61, 80, "Piano right"),
            new Note(2.0, 1.0, 60, 80, "left"),
            new Note(2.5, 0.5, 64, 80, "residual")));

    @Test
    void byTrackKeepsLabelsAndMakesFileSafeNames() {
        Grouping g = Grouping.byTrack(SCORE);
        assertEquals(List.of("Piano_right", "left", "residual-2"), g.groups().stream().map(Group::name).toList());
        assertEquals(List.of("Piano right", "left", "residual"), g.groups().stream().map(Group::label).toList());
        assertEquals(2, g.groups().get(0).notes().size());
        assertEquals(2, g.groups().get(1).notes().size());
        assertEquals(1, g.groups().get(2).notes().size());
    }

    @Test
    void byPitchNamesSortLikePitches() {
        Grouping g = Grouping.byPitch(SCORE);
        assertEquals(List.of("pitch-048", "pitch-060", "pitch-061", "pitch-064"),
                g.groups().stream().map(Group::name).toList());
        assertEquals("C#4", g.groups().get(2).label());
        assertEquals(2, g.groups().get(1).notes().size());
    }

    @Test
    void byNotesMatchesByPitchAndNearestOnset() {
        Score chosen = new Score(List.of(new Note(2.004, 0.1, 60, 1, "x"), new Note(0.5, 1.0, 48, 80, "left")));
        Grouping g = Grouping.byNotes(SCORE, chosen, "my notes");
        assertEquals("my_notes", g.groups().get(0).name());
        assertEquals(Grouping.REST, g.groups().get(1).name());
        List<Note> in = g.groups().get(0).notes();
        assertEquals(2, in.size());
        assertTrue(in.stream().anyMatch(n -> n.start() == 2.0 && n.pitch() == 60 && n.instrument().equals("left")));
        assertEquals(3, g.groups().get(1).notes().size());
        assertEquals("rest-2", Grouping.byNotes(SCORE, chosen, "rest").groups().get(0).name());
    }

    @Test
    void byNotesRejectsNotesNotInTheScore() {
        Score wrongPitch = new Score(List.of(new Note(0.0, 1.0, 62, 80, "right")));
        Score wrongTime = new Score(List.of(new Note(0.05, 1.0, 60, 80, "right")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grouping.byNotes(SCORE, wrongPitch, "x"));
        assertTrue(e.getMessage().contains("pitch 62"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grouping.byNotes(SCORE, wrongTime, "x"));
    }

    @Test
    void namesMustBeUniqueSafeAndNotTheResidual() {
        Group a = new Group("a", "a", List.of());
        assertThrows(IllegalArgumentException.class, () -> new Grouping("x", List.of(a, new Group("A", "A", List.of()))));
        assertThrows(IllegalArgumentException.class, () -> new Grouping("x", List.of(new Group("residual", "r", List.of()))));
        assertThrows(IllegalArgumentException.class, () -> new Group("../up", "x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Group(".hidden", "x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Grouping("x", List.of()));
    }

    @Test
    void labelsBecomeSafeDistinctFileNames() {
        String longLabel = "a".repeat(300);
        List<String> labels = List.of("../evil", "/abs", "C:\\win\\x", "-rf", "Right", "right", longLabel,
                longLabel + "b", "..", "nul\u0000byte\ttab", "CON", "com1.txt", ".hidden", "residual", "右手", "左手");
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            notes.add(new Note(i, 1.0, 60, 80, labels.get(i)));
        }
        List<String> names = Grouping.byTrack(new Score(notes)).groups().stream().map(Group::name).toList();
        assertEquals(List.of("_evil", "_abs", "C__win_x", "rf", "Right", "right-2"), names.subList(0, 6));
        assertEquals("group", names.get(8));
        assertEquals("nul_byte_tab", names.get(9));
        assertEquals("CON_", names.get(10));
        assertEquals("com1_.txt", names.get(11));
        assertEquals("hidden", names.get(12));
        assertEquals("residual-2", names.get(13));
        java.nio.file.Path out = java.nio.file.Path.of("out").toAbsolutePath();
        for (String name : names) {
            assertTrue(Grouping.isFileSafe(name), name);
            assertTrue(name.length() <= Grouping.MAX_NAME_LENGTH, name);
            assertEquals(out, out.resolve(name + ".wav").normalize().getParent(), name);
        }
        assertEquals(names.size(), names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).distinct().count(),
                names.toString());
        assertTrue(names.get(6).startsWith("aaaa") && !names.get(6).equals(names.get(7)), names.toString());
        assertEquals(names, Grouping.byTrack(new Score(notes)).groups().stream().map(Group::name).toList(),
                "deterministic");
    }
}
