package org.nae4j.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nae4j.score.CsvScores;
import org.nae4j.score.MidiScores;
import org.nae4j.score.Note;
import org.nae4j.score.Score;
import org.nae4j.score.Synth;
import org.nae4j.score.SynthOptions;

/** Valid files to mutate, made here: real audio from the synthesizer and real scores from the writers. */
final class Seeds {
    private static final Score SCORE = new Score(List.of(
            new Note(0.0, 0.05, 60, 90, "right"), new Note(0.02, 0.04, 48, 70, "left"),
            new Note(0.03, 0.02, 67, 100, "right")));

    private Seeds() {
    }

    /** WAV files in every encoding the reader takes: 8/16/24/32-bit PCM, 32/64-bit float, extensible. */
    static List<byte[]> wav() {
        List<byte[]> out = new ArrayList<>();
        float[] x22 = Synth.render(SCORE, 22050, SynthOptions.DEFAULT.withTailSeconds(0.01));
        float[] x44 = Synth.render(SCORE, 44100, SynthOptions.DEFAULT.withTailSeconds(0.01));
        float[] x8 = Synth.render(SCORE, 8000, SynthOptions.DEFAULT.withTailSeconds(0.01));
        out.add(wav(x22, 22050, 1, 1, 2, false));
        out.add(wav(x44, 44100, 1, 2, 2, false));
        out.add(wav(x8, 8000, 1, 1, 1, false));
        out.add(wav(x22, 22050, 1, 1, 3, false));
        out.add(wav(x22, 22050, 1, 1, 4, false));
        out.add(wav(x44, 44100, 3, 2, 4, false));
        out.add(wav(x22, 22050, 0xFFFE, 3, 3, false));
        out.add(wav(x22, 22050, 0xFFFE, 2, 4, true));
        out.add(wav(x22, 22050, 3, 1, 8, true));
        return out;
    }

    /**
     * A WAV file with a LIST chunk before fmt (so chunk skipping is exercised) and the signal in each
     * channel.
     */
    private static byte[] wav(float[] x, int rate, int tag, int channels, int bytes, boolean isFloat) {
        boolean ext = tag == 0xFFFE;
        int fmtSize = ext ? 40 : 16;
        int align = channels * bytes;
        byte[] list = "LISTINFOx".getBytes(StandardCharsets.US_ASCII); // odd size: padded
        int size = 12 + 8 + list.length + 1 + 8 + fmtSize + 8 + x.length * align;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(size - 8).put(ascii("WAVE"));
        b.put(ascii("LIST")).putInt(list.length).put(list).put((byte) 0);
        b.put(ascii("fmt ")).putInt(fmtSize).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * align).putShort((short) align).putShort((short) (bytes * 8));
        if (ext) {
            b.putShort((short) 22).putShort((short) (bytes * 8)).putInt(0).putShort((short) (isFloat ? 3 : 1))
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put(ascii("data")).putInt(x.length * align);
        for (float v : x) {
            for (int c = 0; c < channels; c++) {
                putSample(b, v * (c + 1) / channels, bytes, isFloat);
            }
        }
        return b.array();
    }

    private static void putSample(ByteBuffer b, float v, int bytes, boolean isFloat) {
        if (isFloat) {
            if (bytes == 4) {
                b.putFloat(v);
            } else {
                b.putDouble(v);
            }
            return;
        }
        long q = Math.round(Math.max(-1, Math.min(0.999, v)) * (1L << (8 * bytes - 1)));
        if (bytes == 1) {
            q += 128;
        }
        for (int i = 0; i < bytes; i++) {
            b.put((byte) (q >> (8 * i)));
        }
    }

    /** MIDI files from {@link MidiScores#write}, plus a hand-made format-0 file with running status. */
    static List<byte[]> midi(Path dir) throws Exception {
        Path f = dir.resolve("seed.mid");
        MidiScores.write(SCORE, f);
        byte[] format0 = {
            'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, (byte) 0xE7, 0x28, // SMPTE 25 fps, 40 ticks per frame
            'M', 'T', 'r', 'k', 0, 0, 0, 36,
            0, (byte) 0xFF, 0x03, 3, 'p', 'n', 'o',
            0, (byte) 0xF0, 2, 0x7E, (byte) 0xF7,
            0, (byte) 0x90, 60, 100, 10, 64, 90, // running status
            0, (byte) 0x91, 48, 80,
            (byte) 0x81, 0, (byte) 0x80, 60, 0, 5, (byte) 0x90, 64, 0, // note-on velocity 0 = off
            0, (byte) 0xFF, 0x2F, 0};
        return List.of(Files.readAllBytes(f), format0);
    }

    /** CSV files from {@link CsvScores#write}, plus headerless, comma, quoted, BOM and CRLF variants. */
    static List<byte[]> csv(Path dir) throws Exception {
        Path f = dir.resolve("seed.csv");
        CsvScores.write(SCORE, f);
        return List.of(Files.readAllBytes(f),
                "0.5;1;60\n1;0.25;64;80\n1.5;1;67;100;left\n".getBytes(StandardCharsets.UTF_8),
                "\uFEFFpitch,start,duration\r\n60,0,1\r\n\r\n\"62\", 0.5 ,1e0\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Offsets of the WAV header fields: {offset, width, big-endian}. */
    static List<int[]> wavFields(byte[] b) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[] {4, 4, 0});
        for (int p = 12; p + 8 <= b.length; ) {
            String id = new String(b, p, 4, StandardCharsets.ISO_8859_1);
            long size = ByteBuffer.wrap(b, p + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            out.add(new int[] {p + 4, 4, 0});
            if (id.equals("fmt ")) {
                for (int off : new int[] {0, 2, 12, 14, 16, 18, 24}) {
                    out.add(new int[] {p + 8 + off, 2, 0});
                }
                out.add(new int[] {p + 12, 4, 0});
                out.add(new int[] {p + 16, 4, 0});
            }
            p += 8 + size + (size & 1);
        }
        return out;
    }

    /** Offsets of the MIDI header and track-length fields. */
    static List<int[]> midiFields(byte[] b) {
        List<int[]> out = new ArrayList<>(List.of(new int[] {4, 4, 1}, new int[] {8, 2, 1}, new int[] {10, 2, 1},
                new int[] {12, 2, 1}));
        for (int p = 14; p + 8 <= b.length; ) {
            long size = ByteBuffer.wrap(b, p + 4, 4).getInt() & 0xFFFFFFFFL;
            out.add(new int[] {p + 4, 4, 1});
            p += 8 + size;
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
