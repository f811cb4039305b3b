package org.nae4j.report;

import java.util.Locale;

/** One cell of a {@link Table}: text, a number (sorted as a number), a link or an audio player. */
public final class Cell {
    private final String html;
    private final Double sortKey;
    private final boolean best;

    private Cell(String html, Double sortKey, boolean best) {
        this.html = html;
        this.sortKey = sortKey;
        this.best = best;
    }

    /** Plain text. */
    public static Cell text(String text) {
        return new Cell(Html.escape(text), null, false);
    }

    /**
     * A number shown with {@code format} (e.g. "%.2f") and sorted by value; null, NaN and infinities show
     * as "–" and sort last.
     */
    public static Cell number(Double value, String format) {
        if (value == null || !Double.isFinite(value)) {
            return new Cell("–", null, false);
        }
        return new Cell(Html.escape(String.format(Locale.ROOT, format, value)), value, false);
    }

    /** {@code text} standing for a number, sorted by {@code value} (e.g. "319.6 (0.357)" sorted by 319.6). */
    public static Cell numberText(String text, double value) {
        return Double.isFinite(value) ? new Cell(Html.escape(text), value, false) : new Cell(Html.escape(text), null, false);
    }

    /** This cell's content as a link to {@code href} (a URL from {@link Html#href}). */
    public Cell linkTo(String href) {
        return new Cell("<a href=\"" + Html.escape(href) + "\">" + html + "</a>", sortKey, best);
    }

    /** {@code text} linking to {@code href} (a URL from {@link Html#href}). */
    public static Cell link(String text, String href) {
        return new Cell("<a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>", null, false);
    }

    /**
     * A player of the audio file at {@code href} (a URL from {@link Html#href}), loading only its length until
     * played. {@code missing} is shown instead when the browser cannot open the file (e.g. it has moved).
     */
    public static Cell audio(String href, String missing) {
        return new Cell("<audio controls preload=\"metadata\" src=\"" + Html.escape(href) + "\"></audio>"
                + "<span class=\"missing\" hidden>" + Html.escape(missing) + "</span>", null, false);
    }

    /** This cell marked as the best of its row or column (bold, with a star). */
    public Cell best() {
        return new Cell(html, sortKey, true);
    }

    String html() {
        StringBuilder sb = new StringBuilder("<td");
        if (sortKey != null) {
            sb.append(" class=\"num\" data-sort=\"").append(sortKey).append('"');
        }
        sb.append('>');
        sb.append(best ? "<strong class=\"best\" title=\"best\">" + html + " ★</strong>" : html);
        return sb.append("</td>").toString();
    }
}
