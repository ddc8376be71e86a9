package org.kepu.review.internal;

import java.util.List;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * The normalisation the screen applies to words and text, in one place: characters that are not
 * letters or digits (spaces, punctuation, symbols, zero-width characters) are ignored, full-width
 * forms count as half-width, letters as lower case, traditional characters as simplified.
 * <p>
 * The matcher applies the same rules inside the library (its width, case and Chinese-style options
 * and our {@link #ignored} rule); a word's key is what makes two spellings one entry (ＡＢＣ, abc;
 * 零風險, 零风险; 100%有效, 100 % 有效). The first call loads opencc4j's tables from the classpath:
 * call it off the event loop.
 */
final class WordKeys {

    private WordKeys() {
    }

    /** Characters the matcher skips, inside words as around them: 包*治 百、病 reads as 包治百病. */
    static boolean ignored(char c) {
        return !Character.isLetterOrDigit(c);
    }

    static String key(String word) {
        StringBuilder key = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!ignored(c)) {
                key.append(simplified(Character.toLowerCase(halfWidth(c))));
            }
        }
        return key.toString();
    }

    private static char halfWidth(char c) {
        if (c == '\u3000') {
            return ' ';
        }
        return c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c;
    }

    private static char simplified(char c) {
        if (c < '\u2E80') {
            return c;
        }
        List<String> simple = ZhConverterUtil.toSimple(c);
        return simple == null || simple.isEmpty() || simple.get(0).isEmpty() ? c : simple.get(0).charAt(0);
    }
}
