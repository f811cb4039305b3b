package org.nae4j.score;

import org.nae4j.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared pieces: score.mid and score.csv describe the same notes (README of ../shared/data). */
class SharedDataScoresTest {
    private static final Path DATA = Path.of("../shared/data");
    private static final double TOLERANCE_S = 1e-3;
    /** Labels that the MIDI files give, per piece (the rendered MIDIs name their two tracks by hand). */
    private static final Map<String, List<String>> LABELS = Map.of(
            "bach-prelude-bwv846", List.of("left", "right"),
            "mozart-k545-mvt1-excerpt", List.of("left", "right"),
            "satie-gymnopedie-no1-excerpt", List.of("left", "right"),
            "long-joplin-the-entertainer", List.of("right", "left"),
            // The Chopin file names its only note track after the tempo marking ("Lento ma non troppo"), which is
            // no instrument: one note track, one channel, no program change gives "piano", as in its CSV.
            "chopin-op10-3-igoshina", List.of("piano"));

    private static List<Path> pieces() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String group : List.of("rendered", "real")) {
            Path g = DATA.resolve(group);
            if (Files.isDirectory(g)) {
                try (Stream<Path> s = Files.list(g)) {
                    s.filter(p -> Files.isRegularFile(p.resolve("score.mid")) && Files.isRegularFile(p.resolve("score.csv")))
                            .sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static List<Note> sorted(Score s) {
        List<Note> notes = new ArrayList<>(s.notes());
        notes.sort(Comparator.comparingInt(Note::pitch).thenComparingDouble(Note::start));
        return notes;
    }

    @Test
    void midiAndCsvOfEachPieceHoldTheSameNotes() throws IOException {
        List<Path> pieces = pieces();
        SharedData.require(DATA, !pieces.isEmpty());
        for (Path piece : pieces) {
            String name = piece.getFileName().toString();
            Score csv = CsvScores.read(piece.resolve("score.csv"));
            Score mid = MidiScores.read(piece.resolve("score.mid"));
            assertEquals(csv.size(), mid.size(), name + ": note count");
            // Sorted by pitch first, so notes less than 1 ms apart cannot swap places between the two.
            List<Note> a = sorted(csv);
            List<Note> b = sorted(mid);
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).pitch(), b.get(i).pitch(), name + ": pitch of note " + i);
                assertEquals(a.get(i).start(), b.get(i).start(), TOLERANCE_S, name + ": start of " + a.get(i));
                assertEquals(a.get(i).duration(), b.get(i).duration(), TOLERANCE_S, name + ": duration of " + a.get(i));
                assertEquals(a.get(i).velocity(), b.get(i).velocity(), name + ": velocity of " + a.get(i));
                if (piece.getParent().getFileName().toString().equals("rendered")) {
                    // The rendered MIDIs name their tracks "right" and "left", as the CSVs label the hands.
                    assertEquals(a.get(i).instrument(), b.get(i).instrument(), name + ": label of " + a.get(i));
                }
            }
            if (LABELS.containsKey(name)) {
                assertEquals(LABELS.get(name), mid.instruments(), name + ": labels");
            }
            assertTrue(mid.end() > 0);
        }
    }
}
