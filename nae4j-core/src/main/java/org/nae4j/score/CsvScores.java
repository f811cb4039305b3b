package org.nae4j.score;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.IoErrors;
import org.nae4j.io.InputFiles;
import org.nae4j.io.Printable;

/**
 * Reads and writes scores in the FMP / synctoolbox CSV format: a header line
 * {@code Start;Duration;Pitch;Velocity;Instrument}, then one note per line, times in seconds.
 *
 * <p>Reading is lenient where that cannot hide a mistake: a byte-order mark, CRLF line ends, blank
 * lines, spaces around fields and double quotes around a field are ignored; the header may use any
 * letter case and any column order, or be left out (then the order is the one above); the
 * {@code Velocity} and {@code Instrument} columns are optional (defaults {@value #DEFAULT_VELOCITY} and
 * {@value #DEFAULT_INSTRUMENT}); a comma separator is accepted when the first line has no semicolon.
 * Anything else (a bad number, a pitch outside 0–127, a wrong number of fields, no notes) is an
 * {@link InvalidInputException} naming the file and line.
 */
public final class CsvScores {
    /** Velocity given to notes when the file has no Velocity column or an empty field. */
    public static final int DEFAULT_VELOCITY = 100;
    /** Instrument label given to notes when the file has no Instrument column or an empty field. */
    public static final String DEFAULT_INSTRUMENT = "piano";
    /** The header line that {@link #write} produces. */
    public static final String HEADER = "Start;Duration;Pitch;Velocity;Instrument";
    /** Decimals written for times: 1 µs resolution, as in the synctoolbox files. */
    public static final int TIME_DECIMALS = 6;

    /** Largest start or duration, in seconds: 10^6 s (11.6 days) is beyond any recording. */
    public static final double MAX_SECONDS = 1e6;

    private static final char UTF8_BOM = '\uFEFF';
    /**
     * Plain decimal numbers only: Double.parseDouble would also take "NaN", "Infinity", "0x1p3", "1d".
     * Possessive quantifiers: a long run of digits that fails to match must not backtrack quadratically.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?");
    private static final List<String> COLUMNS = List.of("start", "duration", "pitch", "velocity", "instrument");
    private static final int REQUIRED_COLUMNS = 3;
    private static final int START = 0;
    private static final int DURATION = 1;
    private static final int PITCH = 2;
    private static final int VELOCITY = 3;
    private static final int INSTRUMENT = 4;

    private CsvScores() {
    }

    /**
     * Reads a CSV score.
     *
     * @param file a CSV file in the format described in the class comment
     * @return the notes, sorted by start then pitch (never empty)
     * @throws InvalidInputException if the file is missing, unreadable, malformed or holds no notes;
     *                               the message names the file and, where it applies, the line
     */
    public static Score read(Path file) {
        byte[] bytes = InputFiles.readBytes(file, InputFiles.MAX_SCORE_BYTES);
        return parse(bytes, file.toString());
    }

    /**
     * Reads a CSV score from a stream (for example a classpath resource); the stream is not closed.
     *
     * @param in     the CSV text in UTF-8
     * @param source name used in error messages, e.g. the resource path
     * @throws InvalidInputException if the text is malformed or holds no notes
     */
    public static Score read(InputStream in, String source) {
        try {
            return parse(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new InvalidInputException(source + ": cannot read: " + IoErrors.reason(e), e);
        }
    }

    /**
     * Writes a score with the header {@value #HEADER}, one note per line, times with up to
     * {@value #TIME_DECIMALS} decimals ({@link Locale#ROOT}). The file is written to a temporary file
     * in the same directory and then moved into place.
     *
     * @throws InvalidInputException if an instrument label holds a semicolon, quote or line break
     *                               (it could not be read back), or the file cannot be written
     */
    public static void write(Score score, Path file) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Note n : score.notes()) {
            String label = n.instrument();
            if (label.indexOf(';') >= 0 || label.indexOf('"') >= 0 || label.indexOf('\n') >= 0
                    || label.indexOf('\r') >= 0) {
                throw InvalidInputException.of(file,
                        "instrument label '" + Printable.snippet(label) + "' holds a semicolon, quote or line break");
            }
            sb.append(formatTime(n.start())).append(';')
                    .append(formatTime(n.duration())).append(';')
                    .append(n.pitch()).append(';')
                    .append(n.velocity()).append(';')
                    .append(label).append('\n');
        }
        org.nae4j.io.AtomicFiles.writeString(file, sb.toString());
    }

    /** Seconds with at most {@value #TIME_DECIMALS} decimals and no trailing zeros ("0.4", "1.25", "3"). */
    static String formatTime(double seconds) {
        BigDecimal d = new BigDecimal(seconds).setScale(TIME_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    static Score parse(byte[] bytes, String source) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(source + ": not a UTF-8 text file", e);
        }
        if (!text.isEmpty() && text.charAt(0) == UTF8_BOM) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length) {
            throw new InvalidInputException(source + ": no notes: the score is empty");
        }
        char sep = lines[first].indexOf(';') < 0 && lines[first].indexOf(',') >= 0 ? ',' : ';';
        int[] columns = headerColumns(split(lines[first], sep), source, first + 1);
        int dataStart = columns == null ? first : first + 1;
        List<Note> notes = new ArrayList<>();
        for (int i = dataStart; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                if (notes.size() == Score.MAX_NOTES) {
                    throw new InvalidInputException(source + ": line " + (i + 1) + ": more than " + Score.MAX_NOTES
                            + " notes, far more than a piece this tool can decompose");
                }
                notes.add(parseNote(split(lines[i], sep), columns, sep, source, i + 1));
            }
        }
        if (notes.isEmpty()) {
            throw new InvalidInputException(source + ": no notes: the score is empty");
        }
        return new Score(notes);
    }

    /**
     * Column index of each of start..instrument (−1 if absent) when the line is a header, or null when
     * it is a data line (its first field is a number).
     */
    private static int[] headerColumns(String[] fields, String source, int lineNo) {
        if (isNumber(fields[0])) {
            return null;
        }
        int[] index = new int[COLUMNS.size()];
        Arrays.fill(index, -1);
        for (int f = 0; f < fields.length; f++) {
            int c = COLUMNS.indexOf(fields[f].toLowerCase(Locale.ROOT));
            if (c < 0) {
                throw new InvalidInputException(source + ": line " + lineNo + ": unknown column '" + Printable.snippet(fields[f])
                        + "' in the header; expected Start, Duration, Pitch, Velocity, Instrument");
            }
            if (index[c] >= 0) {
                throw new InvalidInputException(source + ": line " + lineNo + ": column '" + Printable.snippet(fields[f])
                        + "' appears twice in the header");
            }
            index[c] = f;
        }
        for (int c = 0; c < REQUIRED_COLUMNS; c++) {
            if (index[c] < 0) {
                throw new InvalidInputException(source + ": line " + lineNo + ": the header has no "
                        + capitalise(COLUMNS.get(c)) + " column (needed: Start, Duration, Pitch)");
            }
        }
        return index;
    }

    private static Note parseNote(String[] fields, int[] columns, char sep, String source, int lineNo) {
        int[] index = columns;
        if (index == null) {
            // No header: the fixed FMP order, with the last two columns optional.
            if (fields.length < REQUIRED_COLUMNS || fields.length > COLUMNS.size()) {
                throw new InvalidInputException(source + ": line " + lineNo + ": expected 3 to 5 fields ("
                        + String.join(String.valueOf(sep), "Start", "Duration", "Pitch", "Velocity", "Instrument")
                        + "), found " + fields.length);
            }
            index = new int[COLUMNS.size()];
            for (int c = 0; c < index.length; c++) {
                index[c] = c < fields.length ? c : -1;
            }
        } else {
            int expected = (int) Arrays.stream(index).filter(i -> i >= 0).count();
            if (fields.length != expected) {
                throw new InvalidInputException(source + ": line " + lineNo + ": expected " + expected
                        + " fields as in the header, found " + fields.length);
            }
        }
        String where = source + ": line " + lineNo + ": ";
        double start = parseSeconds(fields[index[START]], "start", where);
        double duration = parseSeconds(fields[index[DURATION]], "duration", where);
        int pitch = parseMidi(fields[index[PITCH]], "pitch", where);
        int velocity = DEFAULT_VELOCITY;
        if (index[VELOCITY] >= 0 && !fields[index[VELOCITY]].isEmpty()) {
            velocity = parseMidi(fields[index[VELOCITY]], "velocity", where);
        }
        String instrument = DEFAULT_INSTRUMENT;
        if (index[INSTRUMENT] >= 0 && !fields[index[INSTRUMENT]].isEmpty()) {
            instrument = fields[index[INSTRUMENT]];
        }
        return new Note(start, duration, pitch, velocity, instrument);
    }

    private static double parseSeconds(String field, String what, String where) {
        double v = parseNumber(field, what, where);
        if (v < 0) {
            throw new InvalidInputException(where + what + " " + Printable.snippet(field) + " is negative");
        }
        if (v > MAX_SECONDS) {
            throw new InvalidInputException(where + what + " " + Printable.snippet(field) + " s is beyond "
                    + (long) MAX_SECONDS + " s (about 11.6 days): not a time in a recording");
        }
        return v;
    }

    private static int parseMidi(String field, String what, String where) {
        double v = parseNumber(field, what, where);
        // pandas writes integer columns with NaNs as floats ("60.0"): accept whole numbers only.
        if (v != Math.rint(v)) {
            throw new InvalidInputException(where + what + " " + Printable.snippet(field) + " is not a whole number");
        }
        if (v < 0 || v > Note.MAX_PITCH) {
            throw new InvalidInputException(where + what + " " + Printable.snippet(field) + " is outside 0–127");
        }
        return (int) v;
    }

    private static double parseNumber(String field, String what, String where) {
        if (!isNumber(field)) {
            throw new InvalidInputException(where + what + " '" + Printable.snippet(field) + "' is not a number");
        }
        return Double.parseDouble(field);
    }

    /** A finite plain decimal number. */
    private static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches() && Double.isFinite(Double.parseDouble(s));
    }

    private static String[] split(String line, char sep) {
        String[] parts = line.split(Pattern.quote(String.valueOf(sep)), -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.length() >= 2 && p.charAt(0) == '"' && p.charAt(p.length() - 1) == '"') {
                p = p.substring(1, p.length() - 1).strip();
            }
            parts[i] = p;
        }
        return parts;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
