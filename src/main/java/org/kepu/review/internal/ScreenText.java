package org.kepu.review.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.kepu.review.ScreenedField;

/**
 * The text a field is screened on. HTML is parsed with jsoup (entities decoded, tags dropped,
 * scripts and styles never read as text); each block element and {@code <br>} ends a line, so that
 * a hit's context reads like the article. A line break is ignored by the matcher like any other
 * separator, so a word broken over lines (包 / 治 / 百 / 病) still hits.
 */
final class ScreenText {

    private ScreenText() {
    }

    static String of(ScreenedField field) {
        return field.html() ? fromHtml(field.text()) : field.text();
    }

    static String fromHtml(String html) {
        StringBuilder text = new StringBuilder(html.length());
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    appendCollapsed(text, textNode.text());
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && depth > 0) {
                    endLine(text);
                }
            }
        });
        return text.toString().strip();
    }

    private static void appendCollapsed(StringBuilder text, String piece) {
        boolean atLineStart = text.isEmpty() || text.charAt(text.length() - 1) == '\n'
                || text.charAt(text.length() - 1) == ' ';
        text.append(atLineStart ? piece.stripLeading() : piece);
    }

    private static void endLine(StringBuilder text) {
        while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
