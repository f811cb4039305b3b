package org.nae4j.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Where a float[]'s elements start on a 64-byte cache line. A vector load that straddles two lines costs
 * more than one within a line (docs/performance.md). The JVM places an object at an
 * address it chooses, but a large array in G1 (a humongous object, over half a heap region: the padded Vᵀ of
 * a long piece) starts at a region boundary, so its element i lies at {@code arrayBaseOffset + 4·i} past a
 * line start. Elsewhere the placement is arbitrary and the padding below neither helps nor hurts.
 *
 * <p>Java has no supported API for the array base offset, so it is derived from HotSpot's object layout:
 * a float[]'s header is the mark word, the class pointer and the 4-byte length, which makes 16 bytes with
 * compressed class pointers (HotSpot's default on 64-bit machines) and 12 with compact object headers (where
 * the mark word holds the class). Which layout runs is read from the VM's flags through the supported
 * {@link HotSpotDiagnosticMXBean}. On another layout or another JVM the offset is unknown and there is no
 * padding: the layouts that use {@link #LINE_START} stay correct, they only lose the alignment.
 */
final class CacheLines {
    private static final int LINE_BYTES = 64;
    private static final int COMPRESSED_CLASS_POINTERS_OFFSET = 16;
    private static final int COMPACT_HEADERS_OFFSET = 12;

    /** The first index of a large float[] whose element lies on a cache-line start (12 on a default JVM). */
    static final int LINE_START = lineStart(baseOffset(flag("UseCompactObjectHeaders"),
            flag("UseCompressedClassPointers")));

    private CacheLines() {
    }

    static int lineStart(int baseOffset) {
        return (LINE_BYTES - baseOffset % LINE_BYTES) % LINE_BYTES / Float.BYTES;
    }

    /**
     * A float[]'s element offset on HotSpot with these flags ("true", "false", or null where the VM does not
     * have the flag), or 0 (no padding) where the layout is not one of those known.
     */
    static int baseOffset(String compactHeaders, String compressedClassPointers) {
        if ("true".equals(compactHeaders)) {
            return COMPACT_HEADERS_OFFSET;
        }
        if ((compactHeaders == null || "false".equals(compactHeaders)) && "true".equals(compressedClassPointers)) {
            return COMPRESSED_CLASS_POINTERS_OFFSET;
        }
        return 0;
    }

    /** The value of a HotSpot flag, or null where the VM has no such flag or does not say. */
    private static String flag(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
