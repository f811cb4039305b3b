package org.nae4j.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic byte mutations of a seed file: bit flips, random bytes, "interesting" integers (0, 1,
 * −1, 2^31−1, 2^32−1, sizes near the file's length) written over known header fields or anywhere, in
 * either byte order, truncation, insertion, deletion and duplication of ranges, and tokens of the
 * format (CSV text, WAV chunk ids, MIDI events).
 */
final class Mutator {
    private static final long[] INTERESTING = {
        0, 1, 2, 3, 4, 7, 8, 16, 24, 32, 40, 64, 127, 128, 255, 256, 999, 1000, 1001, 0x7FFF, 0x8000,
        0xFFFF, 0x10000, 22050, 44100, 999_999, 1_000_000, 1_000_001, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL,
        0xFFFFFFFEL, 0x0FFFFFFFL, 0xFFFFFF7FL};
    /** CSV: separators, quotes, control and invisible characters, numbers the parser must refuse or bound. */
    static final List<byte[]> TEXT_TOKENS = utf8(";", ",", "\"", "\n", "\r", "\r\n", "\u0000", "\u001b[31m",
        "\u001b]0;x\u0007", "\uFEFF", "\u202E", "\uD800", "NaN", "Infinity", "-0", "1e309", "1e308", "-1", "0x10",
        "127", "128", "60.5", "9".repeat(400), "1".repeat(5000) + "x", "Start", "Duration", "Pitch", "Velocity",
        "Instrument", "start;duration;pitch", " ", "\t", "..", "1e-400", "+", "e5", "00000000000000000001");
    /** WAV: chunk ids, so chunks appear twice, early or out of order. */
    static final List<byte[]> WAV_TOKENS = utf8("RIFF", "WAVE", "fmt ", "data", "LIST", "fact", "RF64", "\0\0\0\0");
    /** MIDI: events and lengths: tempo 0, huge and overlong variable-length numbers, sysex, chunk ids. */
    static final List<byte[]> MIDI_TOKENS = List.of(
        bytes(0x00, 0xFF, 0x51, 0x03, 0x00, 0x00, 0x00), bytes(0x00, 0xFF, 0x51, 0x03, 0xFF, 0xFF, 0xFF),
        bytes(0xFF, 0xFF, 0xFF, 0x7F), bytes(0x80, 0x80, 0x80, 0x80, 0x00), bytes(0x00, 0xF0, 0xFF, 0xFF, 0xFF, 0x7F),
        bytes(0x00, 0xFF, 0x03, 0x7F), bytes(0x00, 0xFF, 0x2F, 0x00), bytes(0x00, 0x99, 0x24, 0x64),
        bytes(0x00, 0x90, 0x3C, 0x00), bytes(0x3C, 0x40), bytes(0x00, 0xC0, 0x80), bytes(0x00, 0xF8),
        bytes(0xE7, 0x28), bytes(0x00, 0x00), "MTrk".getBytes(StandardCharsets.US_ASCII),
        "MThd".getBytes(StandardCharsets.US_ASCII), bytes(0x7F, 0xFF, 0xFF, 0xFF));

    private final Random random;

    Mutator(long seed) {
        random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /**
     * One to four mutations of {@code seed}.
     *
     * @param fields offsets of header fields worth overwriting: {@code {offset, width in bytes, 1 if
     *               big-endian}} each
     * @param tokens byte strings the format gives meaning to (CSV text, chunk ids, MIDI events)
     */
    byte[] mutate(byte[] seed, List<int[]> fields, List<byte[]> tokens) {
        byte[] b = seed.clone();
        int ops = 1 + random.nextInt(4);
        for (int i = 0; i < ops; i++) {
            b = once(b, fields, tokens);
        }
        return b;
    }

    private byte[] once(byte[] b, List<int[]> fields, List<byte[]> tokens) {
        int op = random.nextInt(tokens.isEmpty() ? 9 : 10);
        if (b.length == 0 && op != 5 && op != 9) {
            op = 5;
        }
        switch (op) {
            case 0: // bit flip
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                return b;
            case 1: // random byte
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                return b;
            case 2: // interesting value over a header field
            case 3:
                if (!fields.isEmpty()) {
                    int[] f = fields.get(random.nextInt(fields.size()));
                    put(b, f[0], f[1], f[2] == 1, value(b.length));
                    return b;
                }
                put(b, random.nextInt(b.length), 4, random.nextBoolean(), value(b.length));
                return b;
            case 4: // interesting value anywhere
                put(b, random.nextInt(b.length), 1 << random.nextInt(3), random.nextBoolean(), value(b.length));
                return b;
            case 5: { // insert random bytes
                byte[] ins = new byte[1 + random.nextInt(16)];
                random.nextBytes(ins);
                return splice(b, random.nextInt(b.length + 1), 0, ins);
            }
            case 6: // truncate
                return Arrays.copyOf(b, random.nextInt(b.length));
            case 7: { // delete a range
                int at = random.nextInt(b.length);
                return splice(b, at, 1 + random.nextInt(Math.min(64, b.length - at)), new byte[0]);
            }
            case 8: { // duplicate a range elsewhere (repeated chunks, events)
                int at = random.nextInt(b.length);
                int len = 1 + random.nextInt(Math.min(256, b.length - at));
                return splice(b, random.nextInt(b.length + 1), 0, Arrays.copyOfRange(b, at, at + len));
            }
            default: { // a token, inserted or replacing a few bytes
                byte[] tok = tokens.get(random.nextInt(tokens.size()));
                int at = random.nextInt(b.length + 1);
                return splice(b, at, random.nextBoolean() ? 0 : Math.min(b.length - at, random.nextInt(4)), tok);
            }
        }
    }

    private long value(int length) {
        switch (random.nextInt(6)) {
            case 0:
                return length + random.nextInt(17) - 8;
            case 1:
                return random.nextInt();
            default:
                return INTERESTING[random.nextInt(INTERESTING.length)];
        }
    }

    private static List<byte[]> utf8(String... s) {
        return java.util.Arrays.stream(s).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static void put(byte[] b, int at, int width, boolean bigEndian, long v) {
        for (int i = 0; i < width && at + i < b.length; i++) {
            int shift = 8 * (bigEndian ? width - 1 - i : i);
            b[at + i] = (byte) (v >>> shift);
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.write(insert, 0, insert.length);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }
}
