package org.nae4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NumPy {@code .npy} files (format 1.0) of little-endian float32 matrices in C order (method §7). */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int HEADER_ALIGN = 64;
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d*)\\s*,?\\s*\\)");

    private Npy() {
    }

    /** A float32 matrix read from a file, row-major; {@code data} is handed out as it is, not copied. */
    public record Matrix(float[] data, int rows, int cols) {
    }

    /** Writes a rows×cols float32 matrix atomically. */
    public static void write(Path file, float[] data, int rows, int cols) {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("shape " + rows + "×" + cols + " does not match " + data.length + " values");
        }
        AtomicFiles.write(file, out -> writeTo(out, data, rows, cols));
    }

    static void writeTo(OutputStream out, float[] data, int rows, int cols) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int preamble = MAGIC.length + 2 + 2;
        int total = preamble + dict.length() + 1;
        int padded = (total + HEADER_ALIGN - 1) / HEADER_ALIGN * HEADER_ALIGN;
        String header = dict + " ".repeat(padded - total) + "\n";
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(4 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; i++) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putFloat(data[i]);
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** Reads a 2-D little-endian float32 C-order matrix written by {@link #write} or NumPy. */
    public static Matrix read(Path file) {
        byte[] bytes = InputFiles.readBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (!b.hasRemaining() || b.get() != m) {
                throw InvalidInputException.of(file, "not a .npy file");
            }
        }
        if (b.remaining() < 4) {
            throw InvalidInputException.of(file, "truncated .npy header");
        }
        int major = b.get();
        b.get();
        int len = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        if (len < 0 || b.remaining() < len) {
            throw InvalidInputException.of(file, "truncated .npy header");
        }
        String header = new String(bytes, b.position(), len, StandardCharsets.US_ASCII);
        b.position(b.position() + len);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) {
            throw InvalidInputException.of(file, "expected a little-endian float32 C-order array, header " + header.trim());
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw InvalidInputException.of(file, "cannot read the shape from header " + header.trim());
        }
        int rows = Integer.parseInt(m.group(1));
        int cols = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
        long count = (long) rows * cols;
        if (b.remaining() < count * 4) {
            throw InvalidInputException.of(file, "truncated: expected " + count + " float32 values");
        }
        float[] data = new float[(int) count];
        b.asFloatBuffer().get(data);
        return new Matrix(data, rows, cols);
    }
}
