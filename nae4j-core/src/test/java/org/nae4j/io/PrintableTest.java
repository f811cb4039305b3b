package org.nae4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlAndInvisibleCharactersAreEscaped() {
        assertEquals("a\\nb\\r\\tc\\x00\\x1B[31m\\x7F\\x9B", Printable.escape("a\nb\r\tc\u0000\u001b[31m\u007f\u009b"));
        assertEquals("x\\u202Ey\\u2028z\\uFEFF\\uD800", Printable.escape("x\u202Ey\u2028z\uFEFF\uD800"));
    }

    @Test
    void printableTextIsKeptAndEscapingIsIdempotent() {
        String s = "Étude – µs → C:\\dir ♪ 𝄞";
        assertEquals(s, Printable.escape(s));
        String once = Printable.escape("a\u001bb");
        assertEquals(once, Printable.escape(once));
    }

    @Test
    void snippetsAreCut() {
        String s = Printable.snippet("y".repeat(1000));
        assertEquals(Printable.MAX_SNIPPET + 1, s.length());
        assertTrue(s.endsWith("…"));
    }

    @Test
    void invalidInputMessagesAreAlwaysOneHarmlessLine() {
        assertEquals("bad\\nname.csv: x\\x1B", new InvalidInputException("bad\nname.csv: x\u001b").getMessage());
    }
}
