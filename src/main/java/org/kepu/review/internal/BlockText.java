package org.kepu.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * An article body as the paragraphs a reader sees, one string per block: what a reviewer compares. Images
 * count as a paragraph of their own ({@code [图片：alt]}), so a swapped figure shows in the diff.
 */
final class BlockText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "figure", "figcaption", "table", "tr", "ul", "ol", "section", "article", "br", "hr");

    private BlockText() {
    }

    static List<String> paragraphs(String html) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.text());
                } else if (node instanceof Element element && element.nameIs("img")) {
                    flush(current, paragraphs);
                    paragraphs.add("[图片：" + element.attr("alt").strip() + "]");
                } else if (isBlock(node)) {
                    flush(current, paragraphs);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (isBlock(node)) {
                    flush(current, paragraphs);
                }
            }
        });
        flush(current, paragraphs);
        return paragraphs;
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element element && BLOCKS.contains(element.normalName());
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String paragraph = current.toString().replaceAll("\\s+", " ").strip();
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }
}
