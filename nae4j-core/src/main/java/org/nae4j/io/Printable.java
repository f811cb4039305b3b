package org.nae4j.io;

/**
 * Makes text from input files safe to print in a message: a terminal must never receive a file's
 * escape sequences, NULs or line breaks, and a one-line error must stay one line.
 */
public final class Printable {
    /** Longest snippet of file content quoted in a message, in characters. */
    public static final int MAX_SNIPPET = 60;

    private Printable() {
    }

    /**
     * {@code s} with control characters written as {@code \n}, {@code \r}, {@code \t} or {@code \xNN}
     * and other invisible or unassigned characters (format characters such as bidi overrides, line and
     * paragraph separators, lone surrogates) as {@code \}{@code uNNNN}. Idempotent: backslashes are kept
     * as they are, so escaping twice changes nothing.
     */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = replacement(s, i, c);
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** {@link #escape} of {@code s}, cut to {@value #MAX_SNIPPET} characters with "…" when longer. */
    public static String snippet(String s) {
        String e = escape(s);
        return e.length() <= MAX_SNIPPET ? e : e.substring(0, MAX_SNIPPET) + "…";
    }

    private static String replacement(String s, int i, char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return String.format("\\x%02X", (int) c);
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return null;
        }
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
            return null;
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.SURROGATE || type == Character.PRIVATE_USE) {
            return String.format("\\u%04X", (int) c);
        }
        return null;
    }
}
