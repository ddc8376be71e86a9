package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Tokenizer {@code edge_ngram}: parameters {@code min_gram} (1), {@code max_gram} (2),
 * {@code token_chars} (letter, digit, whitespace, punctuation, symbol, custom; empty = all) and
 * {@code custom_token_chars}.
 */
public final class EdgeNGramTokenizerFactory extends AbstractTokenizerFactory {

    private final int minGram;
    private final int maxGram;
    private final IntPredicate tokenChar; // null: every character belongs to tokens

    public EdgeNGramTokenizerFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(indexSettings, settings, name);
        this.minGram = settings.getAsInt("min_gram", 1);
        this.maxGram = settings.getAsInt("max_gram", 2);
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException("[" + name + "] needs 1 <= min_gram <= max_gram, got " + minGram + ", " + maxGram);
        }
        this.tokenChar = parseTokenChars(name, settings.getAsList("token_chars"), settings.get("custom_token_chars", ""));
    }

    private static IntPredicate parseTokenChars(String name, List<String> classes, String custom) {
        if (classes.isEmpty()) {
            return null;
        }
        IntPredicate result = c -> false;
        for (String cls : classes) {
            IntPredicate p = switch (cls.toLowerCase(Locale.ROOT)) {
                case "letter" -> Character::isLetter;
                case "digit" -> Character::isDigit;
                case "whitespace" -> Character::isWhitespace;
                case "punctuation" -> c -> switch (Character.getType(c)) {
                    case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                        Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                        Character.OTHER_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> c -> switch (Character.getType(c)) {
                    case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
                    default -> false;
                };
                case "custom" -> {
                    if (custom.isEmpty()) {
                        throw new IllegalArgumentException("[" + name + "] token_chars [custom] needs [custom_token_chars]");
                    }
                    yield c -> custom.indexOf(c) >= 0;
                }
                default -> throw new IllegalArgumentException("[" + name + "] unknown token_chars class [" + cls + "]");
            };
            result = result.or(p);
        }
        return result;
    }

    @Override
    public Tokenizer create() {
        if (tokenChar == null) {
            return new EdgeNGramTokenizer(minGram, maxGram);
        }
        IntPredicate accept = tokenChar;
        return new EdgeNGramTokenizer(minGram, maxGram) {
            @Override
            protected boolean isTokenChar(int chr) {
                return accept.test(chr);
            }
        };
    }
}
