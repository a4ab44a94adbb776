package org.yishi.readouts;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/** A press readout: its paragraphs in one language, as plain text or HTML. */
public record Readout(Language language, List<String> paragraphs) {

    public Readout {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Paragraphs separated by a blank line, ending with a newline. */
    public String text() {
        return String.join("\n\n", paragraphs) + "\n";
    }

    /** One escaped {@code <p>} per paragraph. */
    public String html() {
        StringBuilder html = new StringBuilder();
        for (String p : paragraphs) {
            html.append("<p>").append(HtmlUtils.htmlEscape(p, "UTF-8")).append("</p>\n");
        }
        return html.toString();
    }
}
