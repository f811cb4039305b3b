package org.nae4j.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.nae4j.io.InvalidInputException;

/**
 * The decoded content of a WAV {@code fmt } chunk, reduced to what sample decoding needs.
 *
 * @param channels        number of interleaved channels, ≥ 1
 * @param sampleRate      frames per second (Hz), {@value #MIN_SAMPLE_RATE}–{@value #MAX_SAMPLE_RATE}
 * @param isFloat         IEEE float samples (otherwise integer PCM)
 * @param bytesPerSample  container size of one sample in bytes (PCM 1–4, float 4 or 8)
 * @param blockAlign      bytes per frame = channels × bytesPerSample
 */
record WavFormat(int channels, int sampleRate, boolean isFloat, int bytesPerSample, int blockAlign) {
    static final int TAG_PCM = 0x0001;
    static final int TAG_IEEE_FLOAT = 0x0003;
    static final int TAG_EXTENSIBLE = 0xFFFE;
    /** Size of the basic WAVEFORMAT(EX) fields every fmt chunk has. */
    static final int BASIC_FMT_SIZE = 16;
    /** Size of a WAVEFORMATEXTENSIBLE fmt chunk (18-byte WAVEFORMATEX + 22 bytes of extension). */
    static final int EXTENSIBLE_FMT_SIZE = 40;
    /** Offset of the SubFormat GUID inside a WAVEFORMATEXTENSIBLE fmt chunk. */
    private static final int SUBFORMAT_OFFSET = 24;
    /**
     * Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID built from a format tag
     * ({@code XXXXXXXX-0000-0010-8000-00AA00389B71}, little-endian layout; bytes 0–1 hold the tag).
     */
    static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
        0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final int MAX_PCM_BYTES = 4;
    /**
     * Sample rates read, in Hz. Below 1 kHz nothing of a piano's range is left; above 1 MHz (beyond the
     * 768 kHz of the fastest converters sold) a file is broken or hostile, and resampling it to the
     * analysis rate would need a filter millions of taps long.
     */
    static final int MIN_SAMPLE_RATE = 1000;
    static final int MAX_SAMPLE_RATE = 1_000_000;

    /** Names of common codecs we refuse, so the error message tells the user what the file is. */
    private static final Map<Integer, String> CODEC_NAMES = Map.ofEntries(
            Map.entry(0x0002, "Microsoft ADPCM"),
            Map.entry(0x0006, "A-law"),
            Map.entry(0x0007, "µ-law"),
            Map.entry(0x0011, "IMA ADPCM"),
            Map.entry(0x0031, "GSM 6.10"),
            Map.entry(0x0050, "MPEG"),
            Map.entry(0x0055, "MPEG Layer 3"),
            Map.entry(0x0161, "Windows Media Audio"),
            Map.entry(0x2000, "AC-3"),
            Map.entry(0xF1AC, "FLAC"));

    /**
     * Parses a fmt chunk body.
     *
     * @param file for error messages
     * @param fmt  the chunk body (at least {@link #BASIC_FMT_SIZE} bytes)
     * @throws InvalidInputException for unsupported encodings and inconsistent headers
     */
    static WavFormat parse(Path file, byte[] fmt) {
        ByteBuffer b = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
        int tag = Short.toUnsignedInt(b.getShort(0));
        int channels = Short.toUnsignedInt(b.getShort(2));
        long sampleRate = Integer.toUnsignedLong(b.getInt(4));
        int blockAlign = Short.toUnsignedInt(b.getShort(12));
        int bits = Short.toUnsignedInt(b.getShort(14));

        if (tag == TAG_EXTENSIBLE) {
            if (fmt.length < EXTENSIBLE_FMT_SIZE) {
                throw InvalidInputException.of(file, "truncated: WAVE_FORMAT_EXTENSIBLE fmt chunk has "
                        + fmt.length + " bytes, needs " + EXTENSIBLE_FMT_SIZE);
            }
            tag = Short.toUnsignedInt(b.getShort(SUBFORMAT_OFFSET));
            for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
                if (fmt[SUBFORMAT_OFFSET + 2 + i] != SUBFORMAT_GUID_TAIL[i]) {
                    throw InvalidInputException.of(file, "unsupported WAV encoding (extensible sub-format "
                            + "GUID " + guid(fmt) + "): only PCM and IEEE float are supported");
                }
            }
        }
        if (tag != TAG_PCM && tag != TAG_IEEE_FLOAT) {
            String name = CODEC_NAMES.get(tag);
            throw InvalidInputException.of(file, String.format("unsupported WAV encoding (format tag 0x%04X%s):"
                    + " only PCM and IEEE float are supported", tag, name == null ? "" : ", " + name));
        }
        if (channels == 0) {
            throw InvalidInputException.of(file, "invalid WAV header: 0 channels");
        }
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw InvalidInputException.of(file, "unsupported sample rate " + sampleRate + " Hz: only "
                    + MIN_SAMPLE_RATE + " to " + MAX_SAMPLE_RATE + " Hz is read");
        }
        if (blockAlign == 0 || blockAlign % channels != 0) {
            throw InvalidInputException.of(file, "invalid WAV header: block align " + blockAlign
                    + " bytes is not a multiple of " + channels + " channels");
        }
        int container = blockAlign / channels;
        boolean isFloat = tag == TAG_IEEE_FLOAT;
        if (isFloat) {
            if ((bits != Float.SIZE && bits != Double.SIZE) || container != bits / Byte.SIZE) {
                throw InvalidInputException.of(file, "unsupported WAV encoding: IEEE float with " + bits
                        + " bits in " + container + "-byte samples (only 32- and 64-bit float are supported)");
            }
        } else if (bits == 0 || container > MAX_PCM_BYTES || bits > container * Byte.SIZE) {
            // A container wider than the bit depth is allowed (e.g. 20-bit in 3 bytes): samples are
            // left-justified, so scaling by the container width is still correct.
            throw InvalidInputException.of(file, "unsupported WAV encoding: PCM with " + bits + " bits in "
                    + container + "-byte samples (only 8, 16, 24 and 32-bit PCM are supported)");
        }
        return new WavFormat(channels, (int) sampleRate, isFloat, container, blockAlign);
    }

    /** Short human description, e.g. "PCM 16-bit" or "IEEE float 32-bit". */
    String describe() {
        return (isFloat ? "IEEE float " : "PCM ") + bytesPerSample * Byte.SIZE + "-bit";
    }

    private static String guid(byte[] fmt) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(String.format("%02X", fmt[SUBFORMAT_OFFSET + i]));
        }
        return s.toString();
    }
}
