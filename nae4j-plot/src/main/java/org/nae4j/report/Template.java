package org.nae4j.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page template's one rule: {@code {{name}}} is replaced by the value, HTML-escaped; {@code {{{name}}}} by
 * the value as it is (for HTML built by this package, which escapes what it takes in). A name without a
 * value is an error, so that a typo cannot leave a placeholder on a page.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{(\\w+)}}}|\\{\\{(\\w+)}}");

    private Template() {
    }

    static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder(template.length() * 2);
        while (m.find()) {
            boolean raw = m.group(1) != null;
            String name = raw ? m.group(1) : m.group(2);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for the placeholder " + name);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(raw ? value : Html.escape(value)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A resource of this package (a template, the style sheet, the script) as text. */
    static String resource(String name) {
        try (InputStream in = Template.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the nae4j-plot jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }
}
