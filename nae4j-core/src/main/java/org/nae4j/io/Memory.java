package org.nae4j.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks an allocation that input data asks for against the Java heap before making it, so a file
 * that needs more memory than there is ends in a message naming it instead of an OutOfMemoryError.
 */
public final class Memory {
    private Memory() {
    }

    /** Bytes the heap can still grow to hold: its maximum minus what is in use now. */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Returns if {@code bytes} more can be allocated, else throws.
     *
     * @param what what needs the memory, e.g. "10 h of audio at 22050 Hz"
     * @throws InvalidInputException naming the file, the need and the heap, and how to raise it
     */
    public static void require(Path file, long bytes, String what) {
        String problem = shortfall(bytes, what);
        if (problem != null) {
            throw InvalidInputException.of(file, problem);
        }
    }

    /** As {@link #require(Path, long, String)} where no file is at hand (the caller adds it). */
    public static void require(long bytes, String what) {
        String problem = shortfall(bytes, what);
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
    }

    private static String shortfall(long bytes, String what) {
        if (bytes <= available()) {
            return null;
        }
        // "In use" counts garbage too: collect once before refusing input that would fit.
        System.gc();
        long left = available();
        if (bytes <= left) {
            return null;
        }
        long max = Runtime.getRuntime().maxMemory();
        String heap = bytes < max ? "the " + format(left) + " left of the " + format(max) + " heap"
                : "the " + format(max) + " heap";
        return what + " needs ~" + format(bytes) + ", more than " + heap
                + "; raise -Xmx via NAE4J_JAVA_OPTS (e.g. NAE4J_JAVA_OPTS=-Xmx16g) or cut the recording";
    }

    /** Bytes in binary units as -Xmx counts them, e.g. "3.2 GiB", "64 MiB", "46 bytes". */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 && v != Math.rint(v) ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
