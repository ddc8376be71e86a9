package org.kepu.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * One published work as the {@code works} index holds it; the field names are those of
 * {@code infra/elasticsearch/index-templates/works.json}, whose mapping is strict.
 *
 * <p>{@code body} may be given as HTML or as text; it is kept as text with one paragraph per line,
 * so that highlighted fragments carry no markup of their own and can be escaped whole.
 *
 * @param kind          {@code ARTICLE}, {@code VIDEO}, {@code ANIMATION} or {@code AUDIO}
 * @param columns       column slugs (专栏), field {@code column}
 * @param organisation  the owning organisation's slug, {@code organisationName} its display name
 * @param popularity    views
 * @param revision      the published revision: the document version, so an older update never wins
 */
public record WorkDocument(String id, String title, String summary, String body, List<String> tags, List<String> topics,
                           String kind, @JsonProperty("column") List<String> columns, String organisation,
                           String organisationName, List<String> credits, Instant publishedAt, Long popularity,
                           Integer durationSeconds, Long revision, Suggest suggest) {

    /** What the completion field offers while typing; each input completes from its first character. */
    public record Suggest(List<String> input) {
    }

    /** The completion field cuts inputs at this many characters ({@code max_input_length}). */
    public static final int MAX_SUGGEST_INPUT = 50;

    private static final Pattern MARKUP = Pattern.compile("<(p|div|br|h[1-6]|ul|ol|li|table|tr|td|figure|figcaption|img|a|strong|em|b|i|span|blockquote|pre|code|section)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u3000]*(\\n[ \\t\\u3000]*)+");
    private static final String BLOCKS = "p,div,h1,h2,h3,h4,h5,h6,li,tr,blockquote,pre,figcaption,section";

    public WorkDocument {
        title = clean(title);
        summary = clean(summary);
        body = body == null ? null : clean(MARKUP.matcher(body).find() ? text(body) : body);
        tags = tags == null ? List.of() : List.copyOf(tags);
        topics = topics == null ? List.of() : List.copyOf(topics);
        columns = columns == null ? List.of() : List.copyOf(columns);
        credits = credits == null ? List.of() : List.copyOf(credits);
    }

    /**
     * The completion inputs for a work: its title, its tags and the names of its topics, each at most
     * {@link #MAX_SUGGEST_INPUT} characters, without repeats.
     */
    public static Suggest suggestInputs(String title, List<String> tags, List<String> topicNames) {
        Set<String> inputs = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(tags == null ? List.of() : tags);
        all.addAll(topicNames == null ? List.of() : topicNames);
        for (String input : all) {
            String cleaned = clean(input);
            if (cleaned != null && !cleaned.isBlank()) {
                inputs.add(cleaned.length() > MAX_SUGGEST_INPUT ? cleaned.substring(0, MAX_SUGGEST_INPUT) : cleaned);
            }
        }
        return new Suggest(List.copyOf(inputs));
    }

    /** The text of an HTML body: one line per paragraph, list item or heading, entities decoded. */
    public static String text(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("br").forEach(lineBreak -> lineBreak.after(new TextNode("\n")));
        body.select(BLOCKS).forEach(block -> block.appendText("\n"));
        return BLANK_LINES.matcher(body.wholeText()).replaceAll("\n").strip();
    }

    /** Private-use characters are removed: highlighting uses two of them as markers. */
    private static String clean(String text) {
        return text == null ? null : text.replaceAll("[\\uE000-\\uF8FF]", "").strip();
    }
}
