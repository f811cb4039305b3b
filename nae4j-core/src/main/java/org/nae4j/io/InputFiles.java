package org.nae4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the user's input files with messages that name the file and say what is wrong. A regular
 * file's size is checked before reading; anything else (a named pipe, {@code <(cmd)}'s /dev/fd/N, a
 * character device) is read as a stream up to the same limit, never by trusting its reported size.
 */
public final class InputFiles {
    /** Largest score file (CSV or MIDI): 64 MiB holds millions of notes, far beyond any piano piece. */
    public static final long MAX_SCORE_BYTES = 64L << 20;
    /** Largest Java byte array, a little under 2 GiB. */
    public static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private InputFiles() {
    }

    /** All bytes of {@code file}, at most {@link #MAX_ARRAY_BYTES}; see {@link #readBytes(Path, long)}. */
    public static byte[] readBytes(Path file) {
        return readBytes(file, MAX_ARRAY_BYTES);
    }

    /**
     * All bytes of {@code file}.
     *
     * @param maxBytes the most the caller accepts
     * @throws InvalidInputException if the path is missing, unreadable or a directory, or holds more
     *                               than {@code maxBytes} (or than the heap can hold)
     */
    public static byte[] readBytes(Path file, long maxBytes) {
        if (Files.isDirectory(file)) {
            throw InvalidInputException.of(file, "is a directory, not a file");
        }
        long limit = Math.min(maxBytes, MAX_ARRAY_BYTES);
        try {
            if (Files.isRegularFile(file)) {
                long size = Files.size(file);
                if (size > limit) {
                    throw tooLarge(file, Memory.format(size), limit);
                }
                Memory.require(file, size, "reading it");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readBounded(file, in, limit);
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.of(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw InvalidInputException.of(file, "permission denied", e);
        } catch (IOException e) {
            throw InvalidInputException.of(file, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /**
     * Reads a stream to its end, refusing it as soon as it passes {@code limit} bytes (so /dev/zero or
     * an endless pipe ends in a message, not an OutOfMemoryError).
     */
    public static byte[] readBounded(Path file, InputStream in, long limit) throws IOException {
        long cap = Math.min(limit, MAX_ARRAY_BYTES);
        byte[] buf = new byte[(int) Math.min(cap + 1, 1 << 16)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > cap) {
                    throw tooLarge(file, "more than " + Memory.format(cap), cap);
                }
                long grown = Math.min(cap + 1, Math.max(2L * buf.length, 1 << 16));
                Memory.require(file, grown, "buffering this stream");
                buf = java.util.Arrays.copyOf(buf, (int) grown);
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > cap) {
            throw tooLarge(file, "more than " + Memory.format(cap), cap);
        }
        if (n == buf.length) {
            return buf;
        }
        Memory.require(file, n, "buffering this stream");
        return java.util.Arrays.copyOf(buf, n);
    }

    private static InvalidInputException tooLarge(Path file, String size, long limit) {
        return InvalidInputException.of(file, "too large (" + size + "): at most " + Memory.format(limit)
                + " are read");
    }
}
