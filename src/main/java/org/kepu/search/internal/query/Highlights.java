package org.kepu.search.internal.query;

import java.util.List;
import java.util.Map;

/**
 * Turns Elasticsearch's highlighted fragments into safe HTML: every character of the work is
 * escaped, and only the highlighter's markers become {@code <em>} and {@code </em>}.
 */
final class Highlights {

    private Highlights() {
    }

    /** The highlighted title, or null when the title did not match. */
    static String title(Map<String, List<String>> highlight) {
        List<String> fragments = firstMarked(highlight, "title", "title.cjk");
        return fragments.isEmpty() ? null : toHtml(fragments.get(0));
    }

    /** Fragments of the body around its matches or, when only other fields matched, its beginning. */
    static List<String> body(Map<String, List<String>> highlight) {
        List<String> fragments = firstMarked(highlight, "body", "body.cjk");
        if (fragments.isEmpty()) {
            fragments = highlight.getOrDefault("body", List.of());
        }
        return fragments.stream().map(Highlights::toHtml).toList();
    }

    static String toHtml(String fragment) {
        StringBuilder html = new StringBuilder(fragment.length() + 16);
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\uE000' -> html.append("<em>");
                case '\uE001' -> html.append("</em>");
                default -> html.append(c);
            }
        }
        // bigram matches overlap or touch (食品 + 安全): one mark for the whole run
        return html.toString().replace("</em><em>", "");
    }

    private static List<String> firstMarked(Map<String, List<String>> highlight, String... fields) {
        for (String field : fields) {
            List<String> fragments = highlight.getOrDefault(field, List.of());
            if (fragments.stream().anyMatch(fragment -> fragment.contains(WorkQueries.MARK_START))) {
                return fragments;
            }
        }
        return List.of();
    }
}
