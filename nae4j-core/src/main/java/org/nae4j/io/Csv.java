package org.nae4j.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Comma-separated tables with a header line (method §7). */
public final class Csv {
    private Csv() {
    }

    /** Writes a header and rows atomically; numbers are formatted with {@link #format(double)}. */
    public static void write(Path file, List<String> header, List<List<?>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header)).append('\n');
        for (List<?> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object x = row.get(i);
                sb.append(x instanceof Double || x instanceof Float ? format(((Number) x).doubleValue()) : quote(x));
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Full precision, locale-independent ("0.1", "1.2345678E-5"). */
    public static String format(double x) {
        return Double.toString(x).toLowerCase(Locale.ROOT);
    }

    private static String quote(Object x) {
        String s = String.valueOf(x);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
