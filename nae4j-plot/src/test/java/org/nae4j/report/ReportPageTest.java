package org.nae4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static final String HOSTILE = "<script>alert('x')</script> & \"q\"";

    @Test
    void everyStringFromOutsideIsEscaped() {
        String html = new ReportPage(HOSTILE, HOSTILE)
                .section(HOSTILE, Block.text(HOSTILE), Block.notice(HOSTILE), Block.facts(Map.of(HOSTILE, HOSTILE)),
                        Block.figures(List.of(new Figure(HOSTILE + ".png", HOSTILE, HOSTILE)), true),
                        Block.links(Map.of(HOSTILE, Html.href(HOSTILE))),
                        new Table(HOSTILE, List.of(HOSTILE)).row(Cell.text(HOSTILE)).row(Cell.link(HOSTILE, HOSTILE))
                                .row(Cell.audio(Html.href(HOSTILE), HOSTILE)).row(Cell.number(1.0, "%.1f").best()))
                .html();
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
        // The page's own script is the only one.
        assertEquals(html.indexOf("<script>"), html.lastIndexOf("<script>"));
    }

    @Test
    void linksSurviveAnyFileName() {
        assertEquals("runs/piece%20b%20%231/nmf/index.html", Html.href("runs/piece b #1/nmf/index.html"));
        assertEquals("%C3%A9t%C3%A9%3F.wav", Html.href("été?.wav"));
        Path dir = Path.of("/data/out/sep");
        assertEquals("../../in/mix%25.wav", Html.href(dir, Path.of("/data/in/mix%.wav")));
    }

    @Test
    void aPageIsSelfContained() {
        String html = new ReportPage("t", "").section("s", Block.text("x")).html();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<style>") && html.contains("<script>"), "style and script are inside the page");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing from the network");
        assertFalse(html.contains("{{"), "no placeholder left");
    }

    @Test
    void numbersSortAsNumbersAndMissingOnesShowADash() {
        assertTrue(Cell.number(12.5, "%.1f").html().contains("data-sort=\"12.5\""));
        assertEquals("<td>–</td>", Cell.number(Double.NaN, "%.1f").html());
        assertEquals("<td>–</td>", Cell.number(null, "%.1f").html());
    }

    @Test
    void aTemplateWithoutAValueIsAnError() {
        assertThrows(IllegalStateException.class, () -> Template.render("{{missing}}", Map.of()));
        assertEquals("a &lt;b&gt; <i>", Template.render("a {{x}} {{{y}}}", Map.of("x", "<b>", "y", "<i>")));
        assertThrows(IllegalArgumentException.class, () -> new Table("", List.of("a", "b")).row(Cell.text("1")));
    }
}
