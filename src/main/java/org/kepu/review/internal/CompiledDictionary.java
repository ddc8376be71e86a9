package org.kepu.review.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kepu.review.ScreenHit;
import org.kepu.review.ScreenLevel;
import org.kepu.review.ScreenResult;
import org.kepu.review.ScreenedField;

/**
 * The dictionary ready to screen: one matcher per hitting level (so a FLAG word inside a BLOCK word
 * is still reported), both with the allow-list. Immutable and safe to share between threads; a
 * change of the dictionary builds a new one.
 */
final class CompiledDictionary {

    private static final Comparator<ScreenHit> BY_POSITION = Comparator.comparingInt(ScreenHit::start)
            .thenComparing(ScreenHit::level).thenComparingInt(ScreenHit::end);

    private final List<SensitiveWord> words;
    private final Map<ScreenLevel, WordMatcher> matchers = new HashMap<>();
    private final Map<String, String> entryByKey = new HashMap<>();

    private CompiledDictionary(List<SensitiveWord> words) {
        this.words = List.copyOf(words);
        List<String> allowed = keys(words, WordLevel.ALLOW);
        for (ScreenLevel level : ScreenLevel.values()) {
            matchers.put(level, WordMatcher.of(keys(words, WordLevel.valueOf(level.name())), allowed));
        }
        words.forEach(word -> entryByKey.putIfAbsent(WordKeys.key(word.word()), word.word()));
    }

    /** CPU work: call it off the event loop. */
    static CompiledDictionary of(List<SensitiveWord> words) {
        return new CompiledDictionary(words);
    }

    /** The entries this dictionary was built from, to tell whether a reload changed anything. */
    List<SensitiveWord> words() {
        return words;
    }

    ScreenResult screen(List<ScreenedField> fields, int contextChars) {
        List<ScreenHit> hits = new ArrayList<>();
        for (ScreenedField field : fields) {
            hits.addAll(screen(field.name(), ScreenText.of(field), contextChars));
        }
        return new ScreenResult(hits);
    }

    private List<ScreenHit> screen(String field, String text, int contextChars) {
        List<ScreenHit> hits = new ArrayList<>();
        matchers.forEach((level, matcher) -> {
            for (WordMatcher.Match match : matcher.find(text)) {
                hits.add(hit(field, text, level, match, contextChars));
            }
        });
        hits.sort(BY_POSITION);
        return hits;
    }

    private ScreenHit hit(String field, String text, ScreenLevel level, WordMatcher.Match match, int contextChars) {
        String matched = text.substring(match.start(), match.end());
        String key = WordKeys.key(matched);
        int from = boundary(text, Math.max(0, match.start() - contextChars));
        int to = Math.max(match.end(), boundary(text, Math.min(text.length(), match.end() + contextChars)));
        return new ScreenHit(field, entryByKey.getOrDefault(key, key), matched, level, match.start(), match.end(),
                text.substring(from, match.start()), text.substring(match.end(), to));
    }

    /** Never cuts a surrogate pair (an emoji, a rare character) in half. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    private static List<String> keys(List<SensitiveWord> words, WordLevel level) {
        return words.stream().filter(word -> word.level() == level).map(word -> WordKeys.key(word.word()))
                .filter(key -> !key.isEmpty()).distinct().toList();
    }
}
