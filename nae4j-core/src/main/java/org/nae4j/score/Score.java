package org.nae4j.score;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.InputFiles;

/** An immutable list of notes, sorted by start time, then pitch. */
public final class Score {
    /**
     * Most notes a score file may hold: a long piano piece has tens of thousands; a million bounds the
     * memory that a small hostile file (three bytes per MIDI note) can ask for to a few hundred MB.
     */
    public static final int MAX_NOTES = 1_000_000;
    private final List<Note> notes;

    public Score(List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Note::start).thenComparingInt(Note::pitch));
        this.notes = List.copyOf(sorted);
    }

    /**
     * Reads a score by file extension: {@code .csv} (semicolon-separated FMP format) or
     * {@code .mid}/{@code .midi} (Standard MIDI File); a pipe or device with neither extension is read
     * as MIDI if it starts like one, else as CSV.
     *
     * @throws InvalidInputException if the file is missing, unreadable, malformed or holds no notes
     */
    public static Score read(Path file) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of(file, "is a directory, not a score file (.csv or .mid)");
        }
        // A root such as "/" has no file name.
        Path last = file.getFileName();
        String name = last == null ? "" : last.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CsvScores.read(file);
        }
        if (name.endsWith(".mid") || name.endsWith(".midi") || name.endsWith(".smf")) {
            return MidiScores.read(file);
        }
        if (!Files.isRegularFile(file) && Files.exists(file)) {
            // A pipe such as <(cat score.mid) has no telling name: the content says what it is.
            byte[] bytes = InputFiles.readBytes(file, InputFiles.MAX_SCORE_BYTES);
            return MidiScores.looksLikeMidi(bytes) ? MidiScores.parse(bytes, file) : CsvScores.parse(bytes, file.toString());
        }
        throw InvalidInputException.of(file, "unknown score format: expected a .csv or .mid file");
    }

    public List<Note> notes() {
        return notes;
    }

    public int size() {
        return notes.size();
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    /** The distinct MIDI pitches, ascending: row r of H belongs to {@code pitches()[r]}. */
    public int[] pitches() {
        TreeSet<Integer> set = new TreeSet<>();
        for (Note n : notes) {
            set.add(n.pitch());
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The distinct instrument labels in order of first appearance. */
    public List<String> instruments() {
        List<String> out = new ArrayList<>();
        for (Note n : notes) {
            if (!out.contains(n.instrument())) {
                out.add(n.instrument());
            }
        }
        return out;
    }

    /** Latest note-off time in seconds (0 for an empty score). */
    public double end() {
        double e = 0;
        for (Note n : notes) {
            e = Math.max(e, n.end());
        }
        return e;
    }

    /** The notes that satisfy {@code keep}, as a new score. */
    public Score filter(Predicate<Note> keep) {
        return new Score(notes.stream().filter(keep).toList());
    }
}
