package org.kepu.review.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.github.houbb.sensitive.word.api.IWordResult;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.result.WordResultHandlers;
import com.github.houbb.sensitive.word.support.resultcondition.WordResultConditions;
import com.github.houbb.sensitive.word.support.tag.WordTags;

/**
 * One list of words compiled into the library's DFA, with the allow-list applied at match time
 * (an allowed word that covers a hit, such as 精神药物 over 神药, suppresses it).
 * <p>
 * sensitive-word 0.25.0 copies the whole text at every position it tries (quadratic: ~90 ms for
 * 20,000 characters, seconds for 100,000), so long texts are matched in windows of {@link #WINDOW}
 * characters, each read with {@link #MARGIN} characters of the text before and after, and a window
 * keeps the hits that start inside it. The margin lets an allowed word or a longer word that starts
 * just before the window take effect, and lets a hit that starts at the window's end finish; it bounds
 * a hit, ignored characters included, to {@code MARGIN} characters, far more than the longest entry.
 */
final class WordMatcher {

    record Match(int start, int end) {
    }

    static final int WINDOW = 1024;
    static final int MARGIN = 128;

    private final SensitiveWordBs words;

    private WordMatcher(SensitiveWordBs words) {
        this.words = words;
    }

    /** Both collections hold {@link WordKeys#key keys}; building is CPU work (tens of ms for thousands of words). */
    static WordMatcher of(Collection<String> denied, Collection<String> allowed) {
        List<String> deny = List.copyOf(denied);
        List<String> allow = List.copyOf(allowed);
        return new WordMatcher(SensitiveWordBs.newInstance()
                .wordDeny(() -> deny)
                .wordAllow(() -> allow)
                // Not the library's built-in word and tag lists: the association keeps its own dictionary.
                .wordTag(WordTags.none())
                .ignoreCase(true)
                .ignoreWidth(true)
                .ignoreChineseStyle(true)
                // Off: number style would read 九 as 9 and turn ordinary numerals into hits; repeat would
                // read 包包治治 as 包治; English style maps symbols that we ignore anyway.
                .ignoreNumStyle(false)
                .ignoreRepeat(false)
                .ignoreEnglishStyle(false)
                .charIgnore((index, chars, context) -> WordKeys.ignored(chars[index]))
                // English entries hit whole words only (sex, not Sussex).
                .wordResultCondition(WordResultConditions.englishWordMatch())
                // The library's own detectors of digit runs, e-mail addresses, URLs and IPs: noise for science text.
                .enableWordCheck(true)
                .enableNumCheck(false)
                .enableEmailCheck(false)
                .enableUrlCheck(false)
                .enableIpv4Check(false)
                .init());
    }

    /** The library on the whole text in one call, for the benchmark's comparison. */
    List<Match> findWhole(String text) {
        return words.findAll(text, WordResultHandlers.raw()).stream()
                .map(result -> new Match(result.startIndex(), result.endIndex())).toList();
    }

    List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        for (int keep = 0; keep < text.length(); keep += WINDOW) {
            int keepEnd = Math.min(text.length(), keep + WINDOW);
            int from = Math.max(0, keep - MARGIN);
            int to = Math.min(text.length(), keepEnd + MARGIN);
            for (IWordResult result : words.findAll(text.substring(from, to), WordResultHandlers.raw())) {
                int start = from + result.startIndex();
                if (start >= keep && start < keepEnd) {
                    matches.add(new Match(start, from + result.endIndex()));
                }
            }
        }
        return matches;
    }
}
