package org.nae4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of rows, sortable in the browser by clicking a column's heading (numbers as numbers). This is
 * the building block for pages that list many results, e.g. the table of a corpus: one row per piece with
 * links to each piece's own page ({@link Cell#link}).
 */
public final class Table implements Block {
    private final String caption;
    private final List<String> columns;
    private final List<List<Cell>> rows = new ArrayList<>();

    /**
     * @param caption shown above the table, may be empty
     * @param columns the column headings, at least one
     */
    public Table(String caption, List<String> columns) {
        this.caption = Objects.requireNonNull(caption, "caption");
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
    }

    /** Adds a row of as many cells as there are columns. */
    public Table row(List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells in a table of "
                    + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Adds a row. */
    public Table row(Cell... cells) {
        return row(List.of(cells));
    }

    @Override
    public String html() {
        StringBuilder sb = new StringBuilder("<table class=\"sortable\">\n");
        if (!caption.isEmpty()) {
            sb.append("<caption>").append(Html.escape(caption)).append("</caption>\n");
        }
        sb.append("<thead><tr>");
        for (String c : columns) {
            sb.append("<th scope=\"col\">").append(Html.escape(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : rows) {
            sb.append("<tr>");
            for (Cell c : row) {
                sb.append(c.html());
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }
}
