package org.nae4j.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds WAV files byte by byte, independently of {@link Wav}, so tests can check the parser. */
final class WavBytes {
    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

    /** A plain 16-byte fmt chunk. */
    WavBytes fmt(int tag, int channels, int rate, int bits) {
        int align = channels * (bits / 8);
        return chunk("fmt ", le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * align).putShort((short) align).putShort((short) bits).array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose sub-format GUID is built from {@code subTag}. */
    WavBytes fmtExtensible(int subTag, int channels, int rate, int bits, int validBits) {
        int align = channels * (bits / 8);
        ByteBuffer b = le(40).putShort((short) EXTENSIBLE).putShort((short) channels).putInt(rate)
                .putInt(rate * align).putShort((short) align).putShort((short) bits)
                .putShort((short) 22).putShort((short) validBits).putInt(0x3)
                .putShort((short) subTag)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    WavBytes chunk(String id, byte[] body) {
        return chunk(id, body, body.length);
    }

    /** A chunk whose header declares {@code declared} bytes (which may differ from the body, to truncate). */
    WavBytes chunk(String id, byte[] body, long declared) {
        chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(le(4).putInt((int) declared).array());
        chunks.writeBytes(body);
        if (body.length % 2 == 1 && declared == body.length) {
            chunks.write(0); // RIFF pads odd-sized chunks
        }
        return this;
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer b = le(12 + body.length);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Little-endian 24-bit two's complement samples. */
    static byte[] int24(int... v) {
        ByteBuffer b = le(3 * v.length);
        for (int s : v) {
            b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
        }
        return b.array();
    }

    static byte[] int16(int... v) {
        ByteBuffer b = le(2 * v.length);
        for (int s : v) {
            b.putShort((short) s);
        }
        return b.array();
    }

    static byte[] int32(int... v) {
        ByteBuffer b = le(4 * v.length);
        for (int s : v) {
            b.putInt(s);
        }
        return b.array();
    }

    static byte[] float32(float... v) {
        ByteBuffer b = le(4 * v.length);
        for (float s : v) {
            b.putFloat(s);
        }
        return b.array();
    }

    static byte[] float64(double... v) {
        ByteBuffer b = le(8 * v.length);
        for (double s : v) {
            b.putDouble(s);
        }
        return b.array();
    }
}
