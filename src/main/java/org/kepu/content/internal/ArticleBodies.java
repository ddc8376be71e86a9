package org.kepu.content.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns an author's body into the HTML that is stored and shown: Markdown is rendered first
 * (raw HTML inside Markdown is escaped, not interpreted), and every body passes the OWASP
 * sanitizer (no scripts, handlers, styles or frames; links get rel=nofollow).
 */
@Component
class ArticleBodies {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("figure", "figcaption", "hr", "pre", "code", "sup", "sub", "mark")
                    .allowAttributes("alt", "title").onElements("img")
                    .allowAttributes("class").matching(true, "language-[a-z0-9-]+").onElements("code")
                    .toFactory());

    private final Parser markdown = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();

    String toSafeHtml(String body, WorkDraft.BodyFormat format) {
        String html = format == WorkDraft.BodyFormat.MARKDOWN ? renderer.render(markdown.parse(body)) : body;
        return POLICY.sanitize(html);
    }
}
