package org.nae4j.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nae4j.io.InvalidInputException;

class MidiScoresTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    /** Builds SMF bytes: header, then track chunks whose event bytes are given as ints. */
    static byte[] smf(int format, int division, int[]... tracks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("MThd".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 6, 0, (byte) format, 0, (byte) tracks.length,
            (byte) (division >> 8), (byte) division});
        for (int[] t : tracks) {
            out.writeBytes("MTrk".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[] {0, 0, (byte) (t.length >> 8), (byte) t.length});
            for (int b : t) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private String error(byte[] bytes) throws IOException {
        Path p = write("bad.mid", bytes);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MidiScores.read(p));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        return e.getMessage();
    }

    private static void assertNote(Note n, double start, double duration, int pitch, int velocity, String label) {
        assertEquals(start, n.start(), EPS, "start of " + n);
        assertEquals(duration, n.duration(), EPS, "duration of " + n);
        assertEquals(pitch, n.pitch());
        assertEquals(velocity, n.velocity());
        assertEquals(label, n.instrument());
    }

    /** Format 0, 96 ppq: 120 bpm, then 60 bpm from tick 192; running status and note-on velocity 0. */
    static byte[] format0WithTempoChange() {
        return smf(0, 96, new int[] {
            0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, // tempo 500000 µs/quarter
            0x00, 0x90, 60, 100,                      // C4 on at tick 0
            0x60, 64, 80,                             // tick 96: running status, E4 on
            0x60, 60, 0,                              // tick 192: running status, C4 velocity 0 = off
            0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40, // tick 192: tempo 1000000 µs/quarter
            0x30, 0x80, 64, 0,                        // tick 240: E4 off
            0x00, 0xFF, 0x2F, 0x00});
    }

    @Test
    void runningStatusVelocityZeroAndTempoChangeGiveExactSeconds() throws IOException {
        List<Note> notes = MidiScores.read(write("a.mid", format0WithTempoChange())).notes();
        assertEquals(2, notes.size());
        assertNote(notes.get(0), 0.0, 1.0, 60, 100, "piano");
        // 96 ticks at 0.5 s/quarter, then 48 ticks at 1 s/quarter: 0.5 s → 1.5 s.
        assertNote(notes.get(1), 0.5, 1.0, 64, 80, "piano");
    }

    @Test
    void format1TempoTrackAppliesToAllTracksAndLabelsFollowNamesAndChannels() throws IOException {
        int[] tempo = {
            0x00, 0xFF, 0x51, 0x03, 0x09, 0x27, 0xC0,       // 600000 µs/quarter
            0x87, 0x40, 0xFF, 0x51, 0x03, 0x03, 0xD0, 0x90, // tick 960: 250000 µs/quarter
            0x00, 0xFF, 0x2F, 0x00};
        int[] named = {
            0x00, 0xFF, 0x03, 0x0B, 'P', 'i', 'a', 'n', 'o', ' ', 'r', 'i', 'g', 'h', 't',
            0x83, 0x60, 0x90, 60, 70,                       // tick 480
            0x87, 0x40, 0x80, 60, 0,                        // tick 1440
            0x00, 0xFF, 0x2F, 0x00};
        int[] unnamed = {
            0x00, 0x90, 48, 50,                             // channel 1
            0x00, 0x91, 52, 51,                             // channel 2, never switched off
            0x00, 0x99, 36, 100,                            // channel 10: drums, skipped
            0x87, 0x40, 0x80, 48, 0,                        // tick 960
            0x87, 0x40, 0xFF, 0x2F, 0x00};                  // track ends at tick 1920
        List<Note> notes = MidiScores.read(write("b.mid", smf(1, 480, tempo, named, unnamed))).notes();
        assertEquals(3, notes.size());
        assertNote(notes.get(0), 0.0, 1.2, 48, 50, "track 3 ch 1");
        // Open at the end of its track: 960 ticks at 0.6 s/quarter + 960 ticks at 0.25 s/quarter.
        assertNote(notes.get(1), 0.0, 1.7, 52, 51, "track 3 ch 2");
        // 480 ticks at 0.6 s/quarter = 0.6 s; off at 1.2 s + 480 ticks at 0.25 s/quarter = 1.45 s.
        assertNote(notes.get(2), 0.6, 0.85, 60, 70, "Piano right");
    }

    /** Track-name meta event (0x03) bytes for {@code name}, at delta time 0. */
    private static int[] trackName(String name) {
        int[] out = new int[4 + name.length()];
        out[1] = 0xFF;
        out[2] = 0x03;
        out[3] = name.length();
        for (int i = 0; i < name.length(); i++) {
            out[4 + i] = name.charAt(i);
        }
        return out;
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static final int[] TEMPO_TRACK = {0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x00, 0xFF, 0x2F, 0x00};
    private static final int[] END = {0x00, 0xFF, 0x2F, 0x00};

    @Test
    void aSingleNoteTracksNameIsNotAnInstrument() throws IOException {
        // Format 1: a tempo track and one note track named like the Chopin file's, no program change.
        int[] notes = concat(trackName("Lento ma non troppo"), new int[] {0x00, 0x90, 60, 90, 0x60, 0x80, 60, 0}, END);
        Score s = MidiScores.read(write("lento.mid", smf(1, 96, TEMPO_TRACK, notes)));
        assertEquals(List.of("piano"), s.instruments());
    }

    @Test
    void aSingleNoteTrackIsLabelledByProgramOrChannel() throws IOException {
        int[] oneProgram = concat(trackName("Title"), new int[] {0x00, 0xC0, 0, 0x00, 0x90, 60, 90, 0x60, 0x80, 60, 0},
                END);
        assertEquals(List.of("Acoustic Grand Piano"),
                MidiScores.read(write("p.mid", smf(0, 96, oneProgram))).instruments());
        // Two channels, no program: channel numbers (1–16), so the parts stay apart.
        int[] twoChannels = concat(trackName("Title"), new int[] {0x00, 0x90, 60, 90, 0x00, 0x91, 48, 90,
            0x60, 0x80, 60, 0, 0x00, 0x81, 48, 0}, END);
        assertEquals(List.of("channel 2", "channel 1"),
                MidiScores.read(write("c.mid", smf(0, 96, twoChannels))).instruments());
        // Distinct programs name the channels; the same program on both would merge them, so numbers again.
        int[] distinct = concat(new int[] {0x00, 0xC0, 0, 0x00, 0xC1, 40}, java.util.Arrays.copyOfRange(twoChannels,
                4 + "Title".length(), twoChannels.length));
        assertEquals(List.of("Violin", "Acoustic Grand Piano"),
                MidiScores.read(write("d.mid", smf(0, 96, distinct))).instruments());
        int[] same = concat(new int[] {0x00, 0xC0, 0, 0x00, 0xC1, 0}, java.util.Arrays.copyOfRange(twoChannels,
                4 + "Title".length(), twoChannels.length));
        assertEquals(List.of("channel 2", "channel 1"),
                MidiScores.read(write("s.mid", smf(0, 96, same))).instruments());
    }

    @Test
    void severalNoteTracksAreLabelledByTheirNamesWhateverTheirPrograms() throws IOException {
        int[] right = concat(trackName("Piano right"), new int[] {0x00, 0xC0, 0, 0x00, 0x90, 72, 90, 0x60, 0x80, 72, 0},
                END);
        int[] left = concat(trackName("Piano left"), new int[] {0x00, 0xC1, 0, 0x00, 0x91, 48, 90, 0x60, 0x81, 48, 0},
                END);
        assertEquals(List.of("Piano left", "Piano right"),
                MidiScores.read(write("two.mid", smf(1, 96, TEMPO_TRACK, right, left))).instruments());
    }

    @Test
    void overlappingNotesOfOnePitchAreMatchedFirstInFirstOut() throws IOException {
        byte[] bytes = smf(0, 96, new int[] {
            0x00, 0x90, 60, 90, 0x60, 60, 91, 0x60, 0x80, 60, 0, 0x60, 60, 0, 0x00, 0xFF, 0x2F, 0x00});
        List<Note> notes = MidiScores.read(write("c.mid", bytes)).notes();
        assertNote(notes.get(0), 0.0, 1.0, 60, 90, "piano");
        assertNote(notes.get(1), 0.5, 1.0, 60, 91, "piano");
    }

    @Test
    void smpteDivisionIgnoresTempo() throws IOException {
        // 25 frames/s × 40 ticks/frame = 1000 ticks/s.
        byte[] bytes = smf(0, 0xE728, new int[] {
            0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40,
            0x87, 0x68, 0x90, 72, 64,   // tick 1000
            0x83, 0x74, 0x90, 72, 0,    // tick 1500
            0x00, 0xFF, 0x2F, 0x00});
        List<Note> notes = MidiScores.read(write("d.mid", bytes)).notes();
        assertNote(notes.get(0), 1.0, 0.5, 72, 64, "piano");
    }

    @Test
    void truncatedOrCorruptFilesAreInvalidInput() throws IOException {
        byte[] good = format0WithTempoChange();
        for (int cut : new int[] {3, 10, 20, good.length - 10, good.length - 1}) {
            String m = error(Arrays.copyOf(good, cut));
            assertTrue(m.contains("truncated") || m.contains("not a Standard MIDI File"), m);
        }
        byte[] shortTrack = good.clone();
        shortTrack[21] -= 6; // the track chunk now ends inside an event
        assertTrue(error(shortTrack).contains("truncated"));
        assertTrue(error("Start;Duration;Pitch\n0;1;60\n".getBytes(StandardCharsets.US_ASCII))
                .endsWith("not a Standard MIDI File (no MThd header)"));
        assertTrue(error(smf(0, 96, new int[] {0x00, 60, 100, 0x00, 0xFF, 0x2F, 0x00}))
                .contains("data byte without a status"));
    }

    @Test
    void noNotesFormat2AndDrumsOnlyAreErrors() throws IOException {
        assertTrue(error(smf(1, 96, new int[] {0x00, 0xFF, 0x2F, 0x00})).endsWith("no notes: the score is empty"));
        assertTrue(error(smf(0, 96, new int[] {0x00, 0x99, 36, 100, 0x10, 0x89, 36, 0, 0x00, 0xFF, 0x2F, 0x00}))
                .contains("no notes: the score is empty (its 1 drum-channel notes are skipped)"));
        assertTrue(error(smf(2, 96, new int[] {0x00, 0xFF, 0x2F, 0x00})).contains("format 2 is not supported"));
    }

    @Test
    void writeThenReadKeepsNotesLabelsAndTimesWithinHalfATick() throws IOException {
        Score s = new Score(List.of(
                new Note(0.0, 0.5, 60, 80, "right"),
                new Note(0.5, 0.5, 60, 81, "right"),      // repeated note: off and on at one tick
                new Note(0.123456, 0.0, 67, 0, "right"),  // zero length and velocity 0
                new Note(0.25, 2.0, 36, 60, "left"),
                new Note(1.0, 1.0, 40, 61, "Piano ü")));
        Path p = dir.resolve("round.mid");
        MidiScores.write(s, p);
        Score back = MidiScores.read(p);
        assertEquals(List.of("right", "left", "Piano ü"), back.instruments());
        assertEquals(s.size(), back.size());
        double halfTick = 0.5 / 960;
        for (int i = 0; i < s.size(); i++) {
            Note a = s.notes().get(i);
            Note b = back.notes().get(i);
            assertEquals(a.start(), b.start(), halfTick + EPS, a + " vs " + b);
            assertEquals(a.end(), b.end(), halfTick + EPS, a + " vs " + b);
            assertEquals(a.pitch(), b.pitch());
            assertEquals(Math.max(1, a.velocity()), b.velocity());
            assertEquals(a.instrument(), b.instrument());
        }
    }
}
