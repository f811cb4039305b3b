package org.nae4j.score;

import org.nae4j.SharedData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

class CsvScoresTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private String error(String content) throws IOException {
        Path p = file("bad.csv", content);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvScores.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsTheFmpFormatSortedByStartThenPitch() throws IOException {
        Score s = CsvScores.read(file("s.csv", "Start;Duration;Pitch;Velocity;Instrument\n"
                + "1.5;0.25;64;80;right\n0.4;0.575;59;38;left\n0.4;1;55;40;left\n"));
        assertEquals(List.of(new Note(0.4, 1, 55, 40, "left"), new Note(0.4, 0.575, 59, 38, "left"),
                new Note(1.5, 0.25, 64, 80, "right")), s.notes());
    }

    @Test
    void isLenientAboutBomCrlfSpacesCaseBlankLinesAndQuotes() throws IOException {
        Score s = CsvScores.read(file("s.csv", "\uFEFF START ; duration;PITCH;Velocity;instrument\r\n"
                + " 0.5 ; 1.0 ; 60 ; 90 ; \"right\" \r\n\r\n1;2;62.0;91;left\r\n\r\n\r\n"));
        assertEquals(List.of(new Note(0.5, 1, 60, 90, "right"), new Note(1, 2, 62, 91, "left")), s.notes());
    }

    @Test
    void optionalColumnsGetDefaultsAndHeaderOrderIsHonoured() throws IOException {
        Score s = CsvScores.read(file("s.csv", "Pitch;Start;Duration\n60;0.5;1\n"));
        assertEquals(List.of(new Note(0.5, 1, 60, CsvScores.DEFAULT_VELOCITY, CsvScores.DEFAULT_INSTRUMENT)),
                s.notes());
        Score noHeader = CsvScores.read(file("n.csv", "0.5;1;60;70\n0;1;48\n"));
        assertEquals(List.of(new Note(0, 1, 48, 100, "piano"), new Note(0.5, 1, 60, 70, "piano")),
                noHeader.notes());
    }

    @Test
    void acceptsCommaSeparatorWhenTheHeaderUsesCommas() throws IOException {
        Score s = CsvScores.read(file("c.csv", "start,duration,pitch,velocity,instrument\n0.25,0.5,72,60,right\n"));
        assertEquals(List.of(new Note(0.25, 0.5, 72, 60, "right")), s.notes());
    }

    @Test
    void emptyScoreIsAnError() throws IOException {
        assertTrue(error("Start;Duration;Pitch;Velocity;Instrument\n\n").endsWith("no notes: the score is empty"));
        assertTrue(error("").endsWith("no notes: the score is empty"));
    }

    @Test
    void pitchOutOfRangeNamesTheLine() throws IOException {
        String m = error("Start;Duration;Pitch;Velocity;Instrument\n0;1;60;80;piano\n\n0;1;130;80;piano\n");
        assertTrue(m.endsWith("line 4: pitch 130 is outside 0–127"), m);
    }

    @Test
    void badNumberNamesLineAndField() throws IOException {
        String m = error("Start;Duration;Pitch;Velocity;Instrument\n0;1;60;80;piano\n0,5;1;60;80;piano\n");
        assertTrue(m.endsWith("line 3: start '0,5' is not a number"), m);
        assertTrue(error("0;NaN;60\n").endsWith("line 1: duration 'NaN' is not a number"));
        assertTrue(error("0;1;60.5\n").endsWith("line 1: pitch 60.5 is not a whole number"));
        assertTrue(error("-1;1;60\n").endsWith("line 1: start -1 is negative"));
        assertTrue(error("0;1;60;200\n").endsWith("line 1: velocity 200 is outside 0–127"));
    }

    @Test
    void wrongFieldCountNamesTheLine() throws IOException {
        String m = error("Start;Duration;Pitch;Velocity;Instrument\n0;1;60;80\n");
        assertTrue(m.endsWith("line 2: expected 5 fields as in the header, found 4"), m);
        assertTrue(error("0;1\n").contains("line 1: expected 3 to 5 fields"));
        assertTrue(error("Start;Length;Pitch\n0;1;60\n").contains("line 1: unknown column 'Length'"));
    }

    @Test
    void missingFileAndNonUtf8AreErrors() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvScores.read(missing))
                .getMessage().contains("missing.csv"));
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, new byte[] {'0', ';', '1', ';', '6', '0', ';', '9', ';', (byte) 0xE9, '\n'});
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvScores.read(latin))
                .getMessage().endsWith("not a UTF-8 text file"));
    }

    @Test
    void writeThenReadGivesTheSameNotesAndLeavesNoTempFile() throws IOException {
        Score s = new Score(List.of(new Note(0.4, 0.575, 59, 38, "piano"),
                new Note(1.0 / 3, 2.0 / 3, 60, 0, "left hand"), new Note(12, 0, 127, 127, "right")));
        Path p = dir.resolve("out.csv");
        CsvScores.write(s, p);
        List<String> lines = Files.readAllLines(p);
        assertEquals(CsvScores.HEADER, lines.get(0));
        assertEquals("0.333333;0.666667;60;0;left hand", lines.get(1));
        assertEquals("0.4;0.575;59;38;piano", lines.get(2));
        assertEquals("12;0;127;127;right", lines.get(3));
        Score back = CsvScores.read(p);
        assertEquals(s.size(), back.size());
        for (int i = 0; i < s.size(); i++) {
            Note a = s.notes().get(i);
            Note b = back.notes().get(i);
            assertEquals(a.start(), b.start(), 5e-7);
            assertEquals(a.duration(), b.duration(), 5e-7);
            assertEquals(a.pitch(), b.pitch());
            assertEquals(a.velocity(), b.velocity());
            assertEquals(a.instrument(), b.instrument());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    @Test
    void writeRefusesLabelsThatCannotBeReadBack() {
        Score s = new Score(List.of(new Note(0, 1, 60, 80, "a;b")));
        assertThrows(InvalidInputException.class, () -> CsvScores.write(s, dir.resolve("x.csv")));
    }

    @Test
    void readsTheSharedDataCsvs() {
        Path real = Path.of("../shared/data/real/chopin-op10-3-igoshina/score.csv");
        SharedData.require(real);
        Score s = CsvScores.read(real);
        assertEquals(164, s.size());
        assertEquals(35, s.pitches()[0]);
        assertEquals(73, s.pitches()[s.pitches().length - 1]);
        assertEquals(28.170, s.end(), 1e-9);
        assertEquals(List.of("piano"), s.instruments());
    }
}
