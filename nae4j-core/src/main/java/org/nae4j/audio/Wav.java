package org.nae4j.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.nae4j.io.AtomicFiles;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import org.nae4j.io.InputFiles;
import org.nae4j.io.IoErrors;
import org.nae4j.io.InvalidInputException;
import org.nae4j.io.Memory;

/**
 * Reads and writes RIFF/WAVE files. The parser is our own (javax.sound mishandles 24/32-bit and
 * float files): it accepts integer PCM (8-bit unsigned, 16/24/32-bit signed), IEEE float (32/64-bit)
 * and WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format, any channel count and sample rate, and
 * skips chunks it does not know (LIST, fact, cue, …, with their odd-size padding byte).
 */
public final class Wav {
    private static final int RIFF_HEADER_SIZE = 12;
    private static final int CHUNK_HEADER_SIZE = 8;
    /** Frames decoded per read, so that huge files never need one huge byte buffer. */
    private static final int FRAMES_PER_BLOCK = 1 << 16;
    private static final int BYTES_PER_BLOCK = 1 << 20;
    private static final long MAX_RIFF_SIZE = 0xFFFFFFFFL;
    /** The fmt chunk stores bytes per frame in 16 bits. */
    private static final int MAX_BLOCK_ALIGN = 0xFFFF;
    private static final int PCM16_FULL_SCALE = 1 << 15;
    private static final int UNSIGNED_8BIT_OFFSET = 128;
    /** Beyond stereo, Microsoft requires WAVE_FORMAT_EXTENSIBLE. */
    private static final int MAX_PLAIN_FORMAT_CHANNELS = 2;

    private Wav() {
    }

    /**
     * Reads a WAV file. Integer PCM is scaled to [-1, 1) by dividing by 2^(bits−1); float samples are
     * returned as stored. A trailing partial frame is dropped.
     *
     * @param file the WAV file
     * @return the audio, one array per channel, at the file's sample rate
     * A regular file is read in place; a named pipe or device ({@code <(cmd)}) is read to its end first.
     *
     * @throws InvalidInputException (message naming the file) if the file is missing or unreadable, is
     *         not a RIFF/WAVE file, is truncated, uses an unsupported codec or a sample rate outside
     *         1 kHz–1 MHz, has no fmt or data chunk, or its samples would not fit in the heap
     */
    public static Audio read(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of(file, "is a directory, not a WAV file");
        }
        try {
            if (Files.isRegularFile(file)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    return parse(file, new ChannelSource(ch));
                }
            }
            // A pipe (mkfifo, <(cmd)) or device reports no size: read it to its end, up to the RIFF limit,
            // unless its first bytes already show it is no WAV file (/dev/zero, a score by mistake).
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(RIFF_HEADER_SIZE);
                if (head.length < RIFF_HEADER_SIZE || !ascii(head, 0).equals("RIFF") || !ascii(head, 8).equals("WAVE")) {
                    return parse(file, head);
                }
                InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), in);
                return parse(file, InputFiles.readBounded(file, all, MAX_RIFF_SIZE + CHUNK_HEADER_SIZE));
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.of(file, "cannot read: permission denied", e);
        } catch (IOException e) {
            throw InvalidInputException.of(file, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /** Parses the bytes of a WAV file; {@code file} only names it in messages. */
    static Audio parse(Path file, byte[] bytes) {
        try {
            return parse(file, new ArraySource(bytes));
        } catch (IOException e) {
            throw InvalidInputException.of(file, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /**
     * Reads only the header of a WAV file, with the checks and messages of {@link #read}: what a caller needs to
     * judge a recording (its length, the memory it needs) before reading it.
     *
     * @param name names the file in messages
     * @param ch   the file's bytes (any position; left where the last read ended)
     * @throws InvalidInputException (message naming the file) for what {@link #read} refuses, except a lack of heap
     */
    public static WavHeader probe(Path name, SeekableByteChannel ch) {
        Objects.requireNonNull(ch, "ch");
        try {
            Layout l = layout(name, new SeekableSource(ch));
            return new WavHeader(l.format().channels(), l.format().sampleRate(), l.frames());
        } catch (IOException e) {
            throw InvalidInputException.of(name, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /** Where the samples are and how they are stored. */
    private record Layout(WavFormat format, long dataPos, long frames) {
    }

    private static Audio parse(Path file, Source ch) throws IOException {
        Layout l = layout(file, ch);
        WavFormat format = l.format();
        long frames = l.frames();
        Memory.require(file, Math.multiplyExact(frames * Float.BYTES, (long) format.channels()),
                describe(frames, format));
        return new Audio(decode(ch, l.dataPos(), (int) frames, format), format.sampleRate());
    }

    private static Layout layout(Path file, Source ch) throws IOException {
        long size = ch.size();
        byte[] head = readFully(ch, 0, (int) Math.min(RIFF_HEADER_SIZE, size));
        String riff = head.length >= 4 ? ascii(head, 0) : "";
        if (riff.equals("RIFX")) {
            throw InvalidInputException.of(file, "big-endian (RIFX) WAV files are not supported");
        }
        if (riff.equals("RF64")) {
            throw InvalidInputException.of(file, "RF64 (64-bit) WAV files are not supported");
        }
        if (!riff.equals("RIFF") || (head.length == RIFF_HEADER_SIZE && !ascii(head, 8).equals("WAVE"))) {
            throw InvalidInputException.of(file, "not a WAV file (no RIFF/WAVE header)");
        }
        if (head.length < RIFF_HEADER_SIZE) {
            throw InvalidInputException.of(file, "truncated: only " + size + " bytes, too short for a WAV header");
        }

        WavFormat format = null;
        long dataPos = -1;
        long dataSize = 0;
        long pos = RIFF_HEADER_SIZE;
        // Stop once fmt and data are known: whatever follows (often with bogus sizes) does not matter.
        while (pos + CHUNK_HEADER_SIZE <= size && (format == null || dataPos < 0)) {
            ByteBuffer h = ByteBuffer.wrap(readFully(ch, pos, CHUNK_HEADER_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
            String id = ascii(h.array(), 0);
            long chunkSize = Integer.toUnsignedLong(h.getInt(4));
            long body = pos + CHUNK_HEADER_SIZE;
            long present = size - body;
            if (id.equals("fmt ")) {
                if (chunkSize < WavFormat.BASIC_FMT_SIZE || chunkSize > present) {
                    throw InvalidInputException.of(file, chunkSize < WavFormat.BASIC_FMT_SIZE
                            ? "invalid WAV header: fmt chunk has only " + chunkSize + " bytes"
                            : "truncated: fmt chunk declares " + chunkSize + " bytes but only " + present
                            + " are present");
                }
                // Only the first 40 bytes mean anything to us; a bogus huge size must not allocate.
                int used = (int) Math.min(chunkSize, WavFormat.EXTENSIBLE_FMT_SIZE);
                format = WavFormat.parse(file, readFully(ch, body, used));
            } else if (id.equals("data")) {
                if (chunkSize > present) {
                    throw InvalidInputException.of(file, "truncated: data chunk declares " + chunkSize
                            + " bytes but only " + present + " are present");
                }
                dataPos = body;
                dataSize = chunkSize;
            }
            pos = body + chunkSize + (chunkSize & 1);
        }
        if (format == null) {
            throw InvalidInputException.of(file, size <= RIFF_HEADER_SIZE + CHUNK_HEADER_SIZE
                    ? "truncated: WAV header ends after " + size + " bytes"
                    : "not a valid WAV file: no fmt chunk");
        }
        if (dataPos < 0) {
            throw InvalidInputException.of(file, "no data chunk: the file holds no audio");
        }
        // dataSize ≤ the bytes present, so frames, and the arrays below, are bounded by the file itself.
        long frames = dataSize / format.blockAlign();
        if (frames > Integer.MAX_VALUE) {
            throw InvalidInputException.of(file, "too long: " + frames + " frames per channel (at most "
                    + Integer.MAX_VALUE + " supported)");
        }
        return new Layout(format, dataPos, frames);
    }

    /** E.g. "10 h of 2-channel audio at 22050 Hz", for messages about memory. */
    private static String describe(long frames, WavFormat f) {
        double s = frames / (double) f.sampleRate();
        String d = s >= 3600 ? String.format(Locale.ROOT, "%.3g h", s / 3600)
                : s >= 60 ? String.format(Locale.ROOT, "%.3g min", s / 60) : String.format(Locale.ROOT, "%.3g s", s);
        return d + " of " + (f.channels() > 1 ? f.channels() + "-channel " : "") + "audio at " + f.sampleRate()
                + " Hz";
    }

    private static float[][] decode(Source ch, long dataPos, int frames, WavFormat f) throws IOException {
        int nc = f.channels();
        float[][] out = new float[nc][frames];
        // At most ~1 MiB per read whatever the frame size (up to 64 KiB per frame): no int overflow.
        int perBlock = Math.max(1, Math.min(FRAMES_PER_BLOCK, BYTES_PER_BLOCK / f.blockAlign()));
        for (int start = 0; start < frames; start += perBlock) {
            int count = Math.min(perBlock, frames - start);
            ByteBuffer b = ByteBuffer.wrap(readFully(ch, dataPos + (long) start * f.blockAlign(),
                    Math.multiplyExact(count, f.blockAlign()))).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = start; i < start + count; i++) {
                for (int c = 0; c < nc; c++) {
                    out[c][i] = sample(b, f);
                }
            }
        }
        return out;
    }

    /** Reads one sample at the buffer's position, advancing it; PCM is scaled by 2^(8·bytes − 1). */
    private static float sample(ByteBuffer b, WavFormat f) {
        if (f.isFloat()) {
            return f.bytesPerSample() == Float.BYTES ? b.getFloat() : (float) b.getDouble();
        }
        switch (f.bytesPerSample()) {
            case 1:
                return (Byte.toUnsignedInt(b.get()) - UNSIGNED_8BIT_OFFSET) / (float) UNSIGNED_8BIT_OFFSET;
            case 2:
                return b.getShort() / (float) PCM16_FULL_SCALE;
            case 3: {
                int lo = Byte.toUnsignedInt(b.get());
                int mid = Byte.toUnsignedInt(b.get());
                int hi = b.get(); // sign-extends
                return ((hi << 16) | (mid << 8) | lo) / (float) (1 << 23);
            }
            default:
                return (float) (b.getInt() / (double) (1L << 31));
        }
    }

    /**
     * Writes mono audio.
     *
     * @param file       destination; written to a temporary file in the same directory, then renamed
     * @param mono       samples, nominally in [-1, 1] (not modified)
     * @param sampleRate Hz, positive
     * @param enc        sample encoding
     * @throws IllegalArgumentException if a sample is NaN or infinite, or the file would exceed 4 GiB
     * @throws InvalidInputException    if the file cannot be written
     */
    public static void write(Path file, float[] mono, int sampleRate, WavEncoding enc) {
        write(file, Audio.mono(mono, sampleRate), enc);
    }

    /**
     * Writes multichannel audio (WAVE_FORMAT_EXTENSIBLE beyond two channels). {@link WavEncoding#PCM_16}
     * clips to [-1, 1] and rounds to the nearest of the 2^16 levels (full scale 32768); +1.0 becomes 32767.
     *
     * @see #write(Path, float[], int, WavEncoding)
     */
    public static void write(Path file, Audio audio, WavEncoding enc) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(enc, "enc");
        int nc = audio.channelCount();
        for (int c = 0; c < nc; c++) {
            float[] x = audio.channels()[c];
            for (int i = 0; i < x.length; i++) {
                if (!Float.isFinite(x[i])) {
                    throw new IllegalArgumentException("cannot write " + file + ": sample " + i + " of channel "
                            + c + " is " + x[i]);
                }
            }
        }
        int bytes = enc == WavEncoding.PCM_16 ? Short.BYTES : Float.BYTES;
        if (nc * bytes > MAX_BLOCK_ALIGN) {
            throw new IllegalArgumentException("cannot write " + file + ": " + nc + " channels exceed the "
                    + MAX_BLOCK_ALIGN + "-byte frame limit of WAV files");
        }
        boolean extensible = nc > MAX_PLAIN_FORMAT_CHANNELS;
        boolean needsFact = enc == WavEncoding.FLOAT_32; // non-PCM data needs a fact chunk
        int fmtSize = extensible ? WavFormat.EXTENSIBLE_FMT_SIZE
                : needsFact ? WavFormat.BASIC_FMT_SIZE + 2 : WavFormat.BASIC_FMT_SIZE;
        long dataSize = (long) audio.length() * nc * bytes;
        long headerSize = RIFF_HEADER_SIZE + CHUNK_HEADER_SIZE + fmtSize
                + (needsFact ? CHUNK_HEADER_SIZE + Integer.BYTES : 0) + CHUNK_HEADER_SIZE;
        if (headerSize + dataSize - CHUNK_HEADER_SIZE > MAX_RIFF_SIZE) {
            throw new IllegalArgumentException("cannot write " + file + ": " + dataSize
                    + " bytes of audio exceed the 4 GiB limit of WAV files");
        }
        ByteBuffer h = ByteBuffer.allocate((int) headerSize).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) (headerSize + dataSize - CHUNK_HEADER_SIZE)).put(ascii("WAVE"));
        int tag = enc == WavEncoding.PCM_16 ? WavFormat.TAG_PCM : WavFormat.TAG_IEEE_FLOAT;
        h.put(ascii("fmt ")).putInt(fmtSize);
        h.putShort((short) (extensible ? WavFormat.TAG_EXTENSIBLE : tag)).putShort((short) nc)
                .putInt(audio.sampleRate()).putInt((int) Math.min(MAX_RIFF_SIZE, (long) audio.sampleRate() * nc * bytes))
                .putShort((short) (nc * bytes)).putShort((short) (bytes * Byte.SIZE));
        if (extensible) {
            h.putShort((short) (WavFormat.EXTENSIBLE_FMT_SIZE - WavFormat.BASIC_FMT_SIZE - 2))
                    .putShort((short) (bytes * Byte.SIZE)).putInt(0) // channel mask 0: no speaker positions
                    .putShort((short) tag).put(WavFormat.SUBFORMAT_GUID_TAIL);
        } else if (needsFact) {
            h.putShort((short) 0);
        }
        if (needsFact) {
            h.put(ascii("fact")).putInt(Integer.BYTES).putInt(audio.length());
        }
        h.put(ascii("data")).putInt((int) dataSize);
        h.flip();
        AtomicFiles.write(file, out -> {
            WritableByteChannel ch = Channels.newChannel(out);
            writeFully(ch, h);
            ByteBuffer b = ByteBuffer.allocate(FRAMES_PER_BLOCK * nc * bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < audio.length(); i++) {
                for (int c = 0; c < nc; c++) {
                    float v = audio.channels()[c][i];
                    if (enc == WavEncoding.PCM_16) {
                        b.putShort(toPcm16(v));
                    } else {
                        b.putFloat(v);
                    }
                }
                if (!b.hasRemaining()) {
                    b.flip();
                    writeFully(ch, b);
                    b.clear();
                }
            }
            b.flip();
            writeFully(ch, b);
        });
    }

    /** Clips to [-1, 1], scales by 32768 and rounds half away from zero, saturating at 32767. */
    static short toPcm16(float v) {
        double clipped = Math.max(-1.0, Math.min(1.0, v));
        long q = Math.round(Math.abs(clipped) * PCM16_FULL_SCALE);
        long signed = clipped < 0 ? -q : q;
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, signed));
    }

    private static byte[] readFully(Source ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new IOException("unexpected end of file at byte " + (pos + b.position()));
            }
        }
        return b.array();
    }

    /** Random access to the bytes of a WAV file: an open regular file, or a pipe's bytes read whole. */
    private interface Source {
        long size() throws IOException;

        /** Reads into {@code b} from {@code pos}; −1 at the end. */
        int read(ByteBuffer b, long pos) throws IOException;
    }

    private record ChannelSource(FileChannel ch) implements Source {
        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public int read(ByteBuffer b, long pos) throws IOException {
            return ch.read(b, pos);
        }
    }

    private record SeekableSource(SeekableByteChannel ch) implements Source {
        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public int read(ByteBuffer b, long pos) throws IOException {
            ch.position(pos);
            return ch.read(b);
        }
    }

    private record ArraySource(byte[] bytes) implements Source {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public int read(ByteBuffer b, long pos) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(b.remaining(), bytes.length - pos);
            b.put(bytes, (int) pos, n);
            return n;
        }
    }

    private static void writeFully(WritableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
