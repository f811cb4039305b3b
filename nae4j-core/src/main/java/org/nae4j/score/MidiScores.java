package org.nae4j.score;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.InputFiles;

/**
 * Reads and writes Standard MIDI Files (SMF).
 *
 * <p>Reading ({@link #read}) follows these rules:
 * <ul>
 *   <li>formats 0 and 1 (format 2 is refused); unknown chunk types are skipped;</li>
 *   <li>ticks become seconds through the tempo map of all tempo events of all tracks (default
 *       120 bpm before the first one), exactly, segment by segment; an SMPTE time division
 *       (24, 25, 29.97 or 30 frames per second) ignores tempo events, as the specification says;</li>
 *   <li>running status is honoured; a note-on with velocity 0 is a note-off;</li>
 *   <li>overlapping notes of the same pitch on the same channel of a track are matched first in,
 *       first out: a note-off ends the earliest open note of that pitch;</li>
 *   <li>notes still open at the end of a track end there;</li>
 *   <li>notes on MIDI channel 10 (the General MIDI drum channel) are skipped: this is a piano tool;</li>
 *   <li>the instrument label of a note: where the file has <em>several note tracks</em> (tracks with at
 *       least one note), the track's name (meta event 0x03) or {@code "track N"} (N counts track chunks
 *       from 1), with {@code " ch M"} appended (M = 1–16) when that track plays on several channels. Where
 *       it has <em>one note track</em> (format 0, or format 1 with a tempo track), that track's name is
 *       usually the title or a tempo marking ("Lento ma non troppo"), not a part, so notes are labelled
 *       by channel: the General MIDI program name of the channel's first program change (e.g.
 *       {@code "Acoustic Grand Piano"}) when no other channel has the same name, else {@code "channel M"};
 *       a single channel without a program change is {@code "piano"}.</li>
 * </ul>
 * Velocity is the note-on velocity. Pedals and controllers are ignored: durations are key-down times.
 */
public final class MidiScores {
    /** Ticks per quarter note that {@link #write} uses. */
    public static final int WRITE_PPQ = 480;
    /** Tempo that {@link #write} uses, in microseconds per quarter note (120 bpm). */
    public static final int WRITE_TEMPO_US = SmfReader.DEFAULT_TEMPO_US;
    private static final double TICKS_PER_SECOND = WRITE_PPQ * 1e6 / WRITE_TEMPO_US;
    private static final int CHANNELS = 16;
    private static final int FORMAT_1 = 1;
    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;

    private MidiScores() {
    }

    /**
     * Reads a Standard MIDI File (rules in the class comment).
     *
     * @return the notes, times in seconds, sorted by start then pitch (never empty)
     * @throws InvalidInputException if the file is missing, unreadable, not a MIDI file, corrupt or
     *                               truncated, of format 2, or holds no notes (outside channel 10)
     */
    public static Score read(Path file) {
        return parse(InputFiles.readBytes(file, InputFiles.MAX_SCORE_BYTES), file);
    }

    /** Whether the bytes start with a Standard MIDI File's header chunk. */
    static boolean looksLikeMidi(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'M' && bytes[1] == 'T' && bytes[2] == 'h' && bytes[3] == 'd';
    }

    /** Parses the bytes of a MIDI file; {@code file} names it in messages. */
    static Score parse(byte[] bytes, Path file) {
        SmfReader.Result result;
        try {
            result = SmfReader.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(file, e.getMessage(), e);
        }
        if (result.notes().isEmpty()) {
            throw InvalidInputException.of(file, "no notes: the score is empty"
                    + (result.skippedDrumNotes() > 0
                    ? " (its " + result.skippedDrumNotes() + " drum-channel notes are skipped)" : ""));
        }
        return new Score(result.notes());
    }

    /**
     * Writes a format-1 Standard MIDI File: a tempo track (120 bpm), then one track per instrument label
     * in order of first appearance, named after it, on channels 1, 2, … (channel 10 left out, reused
     * cyclically after 16). {@value #WRITE_PPQ} ticks per quarter note give a time grid of 1/960 s, so
     * times read back within 0.53 ms. Velocity 0 is written as 1 (a note-on with velocity 0 would be a
     * note-off). At equal ticks, note-offs come before note-ons, except the note-off of a note of zero
     * length, which follows its note-on. Where notes of the same pitch and instrument overlap, reading
     * back matches them first in, first out, so a note nested inside another comes back with swapped ends.
     * A score with a single label gives a single note track, which {@link #read} labels {@code "piano"}.
     * The file is written to a temporary file in the same directory and then moved into place.
     *
     * @throws InvalidInputException if the file cannot be written
     */
    public static void write(Score score, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> instruments = score.instruments();
        writeBytes(out, "MThd".getBytes(StandardCharsets.US_ASCII));
        writeInt(out, 6, 4);
        writeInt(out, FORMAT_1, 2);
        writeInt(out, instruments.size() + 1, 2);
        writeInt(out, WRITE_PPQ, 2);

        ByteArrayOutputStream tempo = new ByteArrayOutputStream();
        writeVlq(tempo, 0);
        writeBytes(tempo, new byte[] {(byte) 0xFF, 0x51, 3});
        writeInt(tempo, WRITE_TEMPO_US, 3);
        writeTrack(out, tempo);

        int channel = 0;
        for (String instrument : instruments) {
            if (channel == SmfReader.DRUM_CHANNEL) {
                channel++;
            }
            writeTrack(out, instrumentTrack(score, instrument, channel));
            channel = (channel + 1) % CHANNELS;
        }
        org.nae4j.io.AtomicFiles.write(file, out.toByteArray());
    }

    /** Event bytes of one instrument's track, without end-of-track. */
    private static ByteArrayOutputStream instrumentTrack(Score score, String instrument, int channel) {
        // {tick, order, pitch, velocity}: order 0 = note-off of an earlier note, 1 = note-on,
        // 2 = note-off of a zero-length note, so repeated notes and zero-length notes both survive.
        List<long[]> events = new ArrayList<>();
        for (Note n : score.notes()) {
            if (n.instrument().equals(instrument)) {
                long on = Math.round(n.start() * TICKS_PER_SECOND);
                long off = Math.round(n.end() * TICKS_PER_SECOND);
                events.add(new long[] {on, 1, n.pitch(), Math.max(1, n.velocity())});
                events.add(new long[] {off, off == on ? 2 : 0, n.pitch(), 0});
            }
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        byte[] name = instrument.getBytes(StandardCharsets.UTF_8);
        writeVlq(t, 0);
        writeBytes(t, new byte[] {(byte) 0xFF, 0x03});
        writeVlq(t, name.length);
        writeBytes(t, name);
        long tick = 0;
        for (long[] e : events) {
            writeVlq(t, e[0] - tick);
            tick = e[0];
            boolean on = e[1] == 1;
            t.write((on ? NOTE_ON : NOTE_OFF) | channel);
            t.write((int) e[2]);
            t.write(on ? (int) e[3] : 0);
        }
        return t;
    }

    /** Appends end-of-track to the events and writes them as an MTrk chunk. */
    private static void writeTrack(ByteArrayOutputStream out, ByteArrayOutputStream events) {
        writeVlq(events, 0);
        writeBytes(events, new byte[] {(byte) 0xFF, 0x2F, 0});
        writeBytes(out, "MTrk".getBytes(StandardCharsets.US_ASCII));
        writeInt(out, events.size(), 4);
        writeBytes(out, events.toByteArray());
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
    }

    private static void writeInt(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (v >> (8 * i)) & 0xFF);
        }
    }

    private static void writeVlq(ByteArrayOutputStream out, long v) {
        if (v < 0 || v >= 1L << 28) {
            throw new IllegalArgumentException("MIDI delta time out of range: " + v);
        }
        int shift = 21;
        while (shift > 0 && (v >> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write((int) ((v >> shift) & 0x7F) | 0x80);
        }
        out.write((int) (v & 0x7F));
    }
}
