package org.nae4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @Test
    void roundTripAndHeaderLayout(@TempDir Path dir) throws Exception {
        float[] data = {1f, -2.5f, 3f, 0f, 1e-30f, Float.MAX_VALUE};
        Path f = dir.resolve("m.npy");
        Npy.write(f, data, 2, 3);
        byte[] bytes = Files.readAllBytes(f);
        int headerLen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        // NumPy requires the data to start at a multiple of 64 bytes and the header to end in a newline.
        assertEquals(0, (10 + headerLen) % 64);
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.contains("'shape': (2, 3)"));
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLen + 4 * data.length, bytes.length);
        Npy.Matrix m = Npy.read(f);
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(data, m.data());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void notNpyIsAClearError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "hello");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("x.npy"));
    }
}
