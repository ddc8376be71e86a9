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
 * @param suggest            completion of the title
 * @param suggestTerms       completions of the tags and the topic names. A field of their own: a completion field
 *                           answers with one input per work, and a tag or topic shared by many works would otherwise
 *                           take the place of the title of the first of them
 * @param suggestPinyin      pinyin spellings of the title, each as {@code spelling title} (see {@link #pinyinInputs})
 * @param suggestPinyinTerms pinyin spellings of the tags and topic names, the same way
 */
public record WorkDocument(String id, String title, String summary, String body, List<String> tags, List<String> topics,
                           String kind, @JsonProperty("column") List<String> columns, String organisation,
                           String organisationName, List<String> credits, Instant publishedAt, Long popularity,
                           Integer durationSeconds, Long revision, Suggest suggest, Suggest suggestTerms,
                           Suggest suggestPinyin, Suggest suggestPinyinTerms) {

    /** What the completion field offers while typing; each input completes from its first character. */
    public record Suggest(List<String> input) {
    }

    /** The completion field cuts inputs at this many characters ({@code max_input_length}). */
    public static final int MAX_SUGGEST_INPUT = 50;
    /**
     * Between a pinyin spelling and the text it spells in the pinyin fields: a completion answers with the matched
     * input, and the part after the first space is what the search box shows. A spelling never contains a space
     * (letters and digits only), nor does a typed pinyin prefix; a space also sorts before any letter, so that
     * {@code spaq 食品安全} comes before {@code spaqjxy 食品安全进校园}, as 食品安全 comes before 食品安全进校园.
     */
    public static final char PINYIN_TARGET = ' ';
    /** At most this many pinyin inputs per field and work, in the order of the texts. */
    static final int MAX_PINYIN_INPUTS = 40;

    /**
     * A work whose completions are {@code inputs} ({@link #suggestInputs}): the title's goes to {@code suggest}, the
     * others to {@code suggestTerms}, and the pinyin fields spell them.
     */
    public WorkDocument(String id, String title, String summary, String body, List<String> tags, List<String> topics,
                        String kind, List<String> columns, String organisation, String organisationName, List<String> credits,
                        Instant publishedAt, Long popularity, Integer durationSeconds, Long revision, Suggest inputs) {
        this(id, title, summary, body, tags, topics, kind, columns, organisation, organisationName, credits, publishedAt,
                popularity, durationSeconds, revision, suggest(titleInput(title)), suggest(otherInputs(inputs, titleInput(title))),
                pinyinInputs(titleInput(title)), pinyinInputs(otherInputs(inputs, titleInput(title))));
    }

    private static final Pattern MARKUP = Pattern.compile("<(p|div|br|h[1-6]|ul|ol|li|table|tr|td|figure|figcaption|img|a|strong|em|b|i|span|blockquote|pre|code|section)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u3000]*(\\n[ \\t\\u3000]*)+");
    private static final Pattern PRIVATE_USE = Pattern.compile("[\\uE000-\\uF8FF]");
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
     * {@link #MAX_SUGGEST_INPUT} characters, without repeats (a tag equal to the title is the title's).
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

    /**
     * The pinyin completion inputs for some texts: every spelling of each ({@link Pinyin#forms}), a space and the
     * text, e.g. {@code spaq 食品安全}; null when no text has Chinese characters.
     */
    public static Suggest pinyinInputs(List<String> texts) {
        Set<String> inputs = new LinkedHashSet<>();
        for (String text : texts) {
            for (String form : Pinyin.forms(text)) {
                if (inputs.size() < MAX_PINYIN_INPUTS) {
                    inputs.add(form + PINYIN_TARGET + text);
                }
            }
        }
        return inputs.isEmpty() ? null : new Suggest(List.copyOf(inputs));
    }

    /** The title as the suggest field holds it (cleaned, cut); none when blank. */
    private static List<String> titleInput(String title) {
        String cleaned = clean(title);
        if (cleaned == null || cleaned.isBlank()) {
            return List.of();
        }
        return List.of(cleaned.length() > MAX_SUGGEST_INPUT ? cleaned.substring(0, MAX_SUGGEST_INPUT) : cleaned);
    }

    private static Suggest suggest(List<String> inputs) {
        return inputs.isEmpty() ? null : new Suggest(inputs);
    }

    private static List<String> otherInputs(Suggest suggest, List<String> title) {
        return suggest == null || suggest.input() == null ? List.of()
                : suggest.input().stream().filter(input -> !title.contains(input)).toList();
    }

    /** What a matched pinyin completion input completes to: the text after the first {@link #PINYIN_TARGET}. */
    public static String pinyinTarget(String matched) {
        int at = matched.indexOf(PINYIN_TARGET);
        return at < 0 ? matched : matched.substring(at + 1);
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
        return text == null ? null : PRIVATE_USE.matcher(text).replaceAll("").strip();
    }
}
