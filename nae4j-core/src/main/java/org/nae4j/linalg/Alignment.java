package org.nae4j.linalg;

import java.lang.reflect.Field;

/**
 * Where a float[]'s elements start on a 64-byte cache line. A vector load of 16 floats that straddles two
 * lines costs more than one within a line: dot blocks over a tile in cache ran 0.91 of the time with both
 * operands on line starts (microbenchmark, 4 × 4 blocks over 1024 bins). The JVM places an object at an
 * address it chooses, but a large array in G1 (a humongous object, over half a heap region: the padded Vᵀ of
 * a long piece) starts at a region boundary, so its element i lies at {@code arrayBaseOffset + 4·i} past a
 * line start. Elsewhere the placement is arbitrary and the padding below neither helps nor hurts.
 */
final class Alignment {
    private static final int LINE_BYTES = 64;
    /** A float[]'s element offset with compressed class pointers, the JVM's default, if Unsafe is unavailable. */
    private static final int DEFAULT_BASE_OFFSET = 16;

    /** The first index of a large float[] whose element lies on a cache-line start (12 on a default JVM). */
    static final int LINE_START = lineStart(baseOffset());

    private Alignment() {
    }

    static int lineStart(int baseOffset) {
        return (LINE_BYTES - baseOffset % LINE_BYTES) % LINE_BYTES / Float.BYTES;
    }

    /** {@code Unsafe.arrayBaseOffset(float[].class)}, read by reflection (jdk.unsupported), or the default. */
    private static int baseOffset() {
        try {
            Class<?> unsafe = Class.forName("sun.misc.Unsafe");
            Field field = unsafe.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            Object instance = field.get(null);
            return (Integer) unsafe.getMethod("arrayBaseOffset", Class.class).invoke(instance, float[].class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return DEFAULT_BASE_OFFSET;
        }
    }
}
