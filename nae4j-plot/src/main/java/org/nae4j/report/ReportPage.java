package org.nae4j.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nae4j.io.AtomicFiles;

/**
 * One self-contained HTML page ({@code index.html} of a result folder): a title, a line under it, and
 * sections of {@link Block}s, with the style sheet and the small script (sortable tables, switched figures,
 * a note when an audio file cannot be opened) inside the page. It loads nothing from the network; pictures
 * and sound are the files beside it, linked relatively. A new kind of page (e.g. one for a corpus: a
 * {@link Table} of pieces with links to their pages) needs no more than:
 * <pre>{@code
 * new ReportPage("Corpus", "12 pieces")
 *         .section("Pieces", new Table("", List.of("piece", "error")).row(Cell.link(...), Cell.number(...)))
 *         .write(dir.resolve(ReportPage.FILE));
 * }</pre>
 */
public final class ReportPage {
    /** The page's file name in a result folder. */
    public static final String FILE = "index.html";

    private record Section(String heading, List<Block> blocks) {
    }

    private final String title;
    private final String subtitle;
    private final List<Section> sections = new ArrayList<>();

    /**
     * @param title    the page's title (its heading and the browser tab's name)
     * @param subtitle a line under the title, may be empty
     */
    public ReportPage(String title, String subtitle) {
        this.title = Objects.requireNonNull(title, "title");
        this.subtitle = Objects.requireNonNull(subtitle, "subtitle");
    }

    /** Adds a section with a heading (listed in the page's contents) and its blocks. */
    public ReportPage section(String heading, Block... blocks) {
        return section(heading, List.of(blocks));
    }

    /** Adds a section with a heading (listed in the page's contents) and its blocks. */
    public ReportPage section(String heading, List<Block> blocks) {
        sections.add(new Section(Objects.requireNonNull(heading, "heading"), List.copyOf(blocks)));
        return this;
    }

    /** The whole page. */
    public String html() {
        StringBuilder contents = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            String id = "s" + (i + 1);
            contents.append("<li><a href=\"#").append(id).append("\">").append(Html.escape(s.heading()))
                    .append("</a></li>");
            body.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(s.heading()))
                    .append("</h2>\n");
            for (Block b : s.blocks()) {
                body.append(b.html());
            }
            body.append("</section>\n");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("subtitle", subtitle);
        String version = ReportPage.class.getPackage().getImplementationVersion();
        values.put("version", version == null ? "(development build)" : version);
        values.put("style", Template.resource("report.css"));
        values.put("script", Template.resource("report.js"));
        values.put("contents", contents.toString());
        values.put("body", body.toString());
        return Template.render(Template.resource("page.html"), values);
    }

    /** Writes the page to {@code file} (a temporary file renamed into place). */
    public void write(Path file) {
        AtomicFiles.writeString(file, html());
    }
}
