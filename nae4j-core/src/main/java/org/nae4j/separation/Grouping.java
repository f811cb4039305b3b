package org.nae4j.separation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nae4j.score.Note;
import org.nae4j.score.PitchNames;
import org.nae4j.score.Score;

/**
 * A partition of a score's notes into named groups to separate (method §6): per track/instrument label,
 * per pitch, or a chosen subset of notes against the rest. Notes that no group holds are not separated:
 * their sound stays in the residual.
 *
 * @param kind   how the groups were formed ("track", "pitch", "notes", or a caller's word)
 * @param groups at least one group, names unique and none equal to {@link Separation#RESIDUAL}
 */
public record Grouping(String kind, List<Group> groups) {
    /**
     * Two notes are the same if their pitches agree and their onsets differ by at most this (s): far below
     * one STFT hop (46 ms), but lenient to onsets rounded to 10 ms in a hand-written CSV.
     */
    public static final double ONSET_MATCH_SECONDS = 0.01;
    /** The other group of {@link #byNotes}. */
    public static final String REST = "rest";

    /** Longest group name: with ".wav" far below every file system's limit, and still readable. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern UNSAFE_CHARS = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern LEADING_DOTS_AND_DASHES = Pattern.compile("^[.-]+");
    /** Windows' device names, which it reserves with any extension and in any case ("con.wav"). */
    private static final Pattern DEVICE_NAME = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final String FALLBACK_NAME = "group";
    /** Hex digits of the label's SHA-256 that mark a shortened name. */
    private static final int HASH_DIGITS = 8;

    public Grouping {
        if (kind == null) {
            throw new IllegalArgumentException("grouping kind must not be null");
        }
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("a grouping needs at least one group");
        }
        Set<String> seen = new HashSet<>();
        for (Group g : groups) {
            String key = g.name().toLowerCase(Locale.ROOT);
            if (key.equals(Separation.RESIDUAL)) {
                throw new IllegalArgumentException("'" + Separation.RESIDUAL + "' is reserved for the residual");
            }
            // Case-insensitive: the WAV files must not collide on case-insensitive file systems.
            if (!seen.add(key)) {
                throw new IllegalArgumentException("group names must be unique (ignoring case), '" + g.name()
                        + "' repeats");
            }
        }
    }

    /** One group per instrument/track label (e.g. right, left), in order of first appearance. */
    public static Grouping byTrack(Score score) {
        List<Group> out = new ArrayList<>();
        Set<String> taken = reserved();
        for (String label : score.instruments()) {
            List<Note> notes = score.notes().stream().filter(n -> n.instrument().equals(label)).toList();
            out.add(new Group(uniqueName(label, taken), label, notes));
        }
        return new Grouping("track", out);
    }

    /** One group per distinct pitch, ascending, named {@code pitch-060} and labelled with the note name. */
    public static Grouping byPitch(Score score) {
        List<Group> out = new ArrayList<>();
        for (int p : score.pitches()) {
            List<Note> notes = score.notes().stream().filter(n -> n.pitch() == p).toList();
            out.add(new Group(String.format(Locale.ROOT, "pitch-%03d", p), PitchNames.noteName(p), notes));
        }
        return new Grouping("pitch", out);
    }

    /**
     * Two groups: the score's notes that {@code selected} lists (named {@code name}) and all the others
     * ({@value #REST}). A selected note matches the score note of the same pitch whose onset is nearest,
     * within {@link #ONSET_MATCH_SECONDS}; durations, velocities and labels are not compared.
     *
     * @param score    the full score
     * @param selected the chosen notes (listing one twice is harmless)
     * @param name     the chosen group's name (made file-safe; "rest" and "residual" get a suffix)
     * @throws IllegalArgumentException if a selected note has no match in the score (the message says which)
     */
    public static Grouping byNotes(Score score, Score selected, String name) {
        List<Note> all = score.notes();
        boolean[] chosen = new boolean[all.size()];
        for (Note s : selected.notes()) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < all.size(); i++) {
                Note n = all.get(i);
                double d = Math.abs(n.start() - s.start());
                if (n.pitch() == s.pitch() && d <= ONSET_MATCH_SECONDS && d < bestDistance) {
                    best = i;
                    bestDistance = d;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the note at %.6f s with pitch %d (%s) is not in the score (no note of that pitch starts "
                                + "within %.3f s)", s.start(), s.pitch(), PitchNames.noteName(s.pitch()), ONSET_MATCH_SECONDS));
            }
            chosen[best] = true;
        }
        List<Note> in = new ArrayList<>();
        List<Note> rest = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (chosen[i] ? in : rest).add(all.get(i));
        }
        Set<String> taken = reserved();
        taken.add(REST);
        String chosenName = uniqueName(name, taken);
        return new Grouping("notes", List.of(new Group(chosenName, name, in), new Group(REST, REST, rest)));
    }

    /**
     * Whether {@code name} can be used as a file name in any folder on any common file system, as it is (see
     * {@link Group#name()}): ASCII letters, digits, '.', '_', '-', not starting with '.' or '-', at most
     * {@value #MAX_NAME_LENGTH} characters, and not a Windows device name.
     */
    public static boolean isFileSafe(String name) {
        return name.length() <= MAX_NAME_LENGTH && FILE_SAFE.matcher(name).matches()
                && !DEVICE_NAME.matcher(name).matches();
    }

    /**
     * A file-safe version of {@code label}, different (ignoring case) from every name in {@code taken},
     * which it joins. The rule: every character but ASCII letters, digits, '.', '_' and '-' becomes '_' (path
     * separators, "..", control characters, NUL, spaces, other scripts); leading dots and dashes are dropped; an
     * empty result becomes "group"; a Windows device name (con, nul, com1, ...; also before an extension) gets a '_' after it; a name
     * longer than {@value #MAX_NAME_LENGTH} characters is cut and ends in '-' and the first
     * {@value #HASH_DIGITS} hex digits of the label's SHA-256; a name already taken (ignoring case, so that
     * "Right" and "right" stay two files on any file system) gets "-2", "-3", ... in the order the labels come.
     */
    static String uniqueName(String label, Set<String> taken) {
        String base = LEADING_DOTS_AND_DASHES.matcher(UNSAFE_CHARS.matcher(label).replaceAll("_")).replaceAll("");
        if (base.isEmpty()) {
            base = FALLBACK_NAME;
        }
        Matcher device = DEVICE_NAME.matcher(base);
        if (device.matches()) {
            base = device.group(1) + "_" + (device.group(2) == null ? "" : device.group(2));
        }
        // Room for a "-NNNN" clash suffix after a shortened name.
        int longest = MAX_NAME_LENGTH - 6;
        if (base.length() > longest) {
            base = base.substring(0, longest - HASH_DIGITS - 1) + "-" + hash(label);
        }
        String name = base;
        for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static String hash(String label) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Set<String> reserved() {
        Set<String> s = new HashSet<>();
        s.add(Separation.RESIDUAL);
        return s;
    }
}
