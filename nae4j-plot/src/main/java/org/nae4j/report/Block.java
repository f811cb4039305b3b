package org.nae4j.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A piece of a page's section: text, a list of facts, figures, a {@link Table}, links. */
@FunctionalInterface
public interface Block {
    /** The block as HTML, every string that came from outside escaped. */
    String html();

    /** A paragraph. */
    static Block text(String text) {
        return () -> "<p>" + Html.escape(text) + "</p>\n";
    }

    /** A paragraph that stands out: something the reader should know before trusting the rest. */
    static Block notice(String text) {
        return () -> "<p class=\"notice\">" + Html.escape(text) + "</p>\n";
    }

    /**
     * Names and values as a definition list, e.g. the parameters of summary.json: nested maps become nested
     * lists, lists are joined with commas, numbers are shown as they are, null as "none".
     */
    static Block facts(Map<String, ?> facts) {
        return () -> dl(facts);
    }

    /**
     * Pictures side by side, or, {@code switched}, one at a time with a button per picture (all of them, one
     * under the other, where scripts are off).
     */
    static Block figures(List<Figure> figures, boolean switched) {
        return () -> {
            StringBuilder sb = new StringBuilder("<div class=\"figures ").append(switched ? "switch" : "grid")
                    .append("\">\n");
            if (switched) {
                sb.append("<div class=\"tabs\" hidden>");
                for (int i = 0; i < figures.size(); i++) {
                    sb.append("<button type=\"button\" data-index=\"").append(i).append("\">")
                            .append(Html.escape(figures.get(i).title())).append("</button>");
                }
                sb.append("</div>\n");
            }
            for (int i = 0; i < figures.size(); i++) {
                sb.append(figures.get(i).html(i));
            }
            return sb.append("</div>\n").toString();
        };
    }

    /** A list of links: {@code links} maps the text shown to its URL (from {@link Html#href}). */
    static Block links(Map<String, String> links) {
        return () -> {
            StringBuilder sb = new StringBuilder("<ul class=\"links\">\n");
            links.forEach((text, href) -> sb.append("<li><a href=\"").append(Html.escape(href)).append("\">")
                    .append(Html.escape(text)).append("</a></li>\n"));
            return sb.append("</ul>\n").toString();
        };
    }

    private static String dl(Map<String, ?> facts) {
        StringBuilder sb = new StringBuilder("<dl>\n");
        for (Map.Entry<String, ?> e : facts.entrySet()) {
            sb.append("<dt>").append(Html.escape(e.getKey())).append("</dt><dd>");
            if (e.getValue() instanceof Map<?, ?> m && !m.isEmpty()) {
                Map<String, Object> nested = new java.util.LinkedHashMap<>();
                m.forEach((k, v) -> nested.put(String.valueOf(k), v));
                sb.append(dl(nested));
            } else {
                sb.append(Html.escape(value(e.getValue())));
            }
            sb.append("</dd>\n");
        }
        return sb.append("</dl>\n").toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof Double d) {
            // Six significant digits without trailing zeros: 0.05, not 0.0500000.
            return Double.isFinite(d) ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", d))
                    .stripTrailingZeros().toPlainString() : String.valueOf(d);
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(Block::value).toList());
        }
        if (v instanceof int[] a) {
            return a.length == 0 ? "none" : value(java.util.Arrays.stream(a).boxed().toList());
        }
        if (v instanceof double[] a) {
            return a.length == 0 ? "none" : value(java.util.Arrays.stream(a).boxed().toList());
        }
        if (v instanceof Map<?, ?> m && m.isEmpty()) {
            return "none";
        }
        return String.valueOf(v);
    }
}
