package org.nae4j.report;

import java.util.Objects;

/**
 * A picture on a page.
 *
 * @param path    the PNG, relative to the page's folder, '/'-separated
 * @param title   a short name (also the label of its tab when figures are switched)
 * @param caption what the picture shows, one or two sentences
 */
public record Figure(String path, String title, String caption) {
    public Figure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
    }

    String html(int index) {
        return "<figure data-index=\"" + index + "\"><a href=\"" + Html.href(path) + "\"><img src=\"" + Html.href(path)
                + "\" alt=\"" + Html.escape(title) + "\"></a><figcaption><b>" + Html.escape(title) + ".</b> "
                + Html.escape(caption) + "</figcaption></figure>\n";
    }
}
