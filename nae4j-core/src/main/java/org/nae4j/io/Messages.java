package org.nae4j.io;

/** Text from files and file names made safe to print in a message on a terminal. */
public final class Messages {
    private Messages() {
    }

    /**
     * {@code s} with control characters (escape sequences, NUL, newlines) written as {@code \n}, {@code \t}
     * or {@code \xNN}, so that a hostile name cannot move the cursor, recolour the terminal or fake a line.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
