package org.nae4j.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Escaping for HTML text and attributes, and links that survive any file name. */
public final class Html {
    private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";

    private Html() {
    }

    /** {@code text} safe inside an element or a quoted attribute: &amp; &lt; &gt; &quot; ' escaped; null is "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * A relative URL for a '/'-separated relative path: each segment percent-encoded (UTF-8), so that names with
     * spaces, '#', '?', '%' or non-ASCII letters link to the right file.
     */
    public static String href(String relativePath) {
        StringBuilder sb = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || UNRESERVED.indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /**
     * A URL from a page in {@code folder} to {@code target}: relative where both are on one file-system root (the
     * link keeps working when both move together), otherwise a {@code file:} URL.
     */
    public static String href(Path folder, Path target) {
        Path from = folder.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        if (from.getRoot() == null || !from.getRoot().equals(to.getRoot())) {
            return to.toUri().toASCIIString();
        }
        return href(from.relativize(to).toString().replace('\\', '/'));
    }
}
