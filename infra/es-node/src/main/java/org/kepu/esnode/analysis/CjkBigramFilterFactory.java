package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;

import java.util.List;
import java.util.Locale;

/**
 * Token filter {@code cjk_bigram}: Lucene's CJKBigramFilter. Parameters {@code ignored_scripts}
 * (any of han, hiragana, katakana, hangul) and {@code output_unigrams} (default false).
 */
public final class CjkBigramFilterFactory extends AbstractTokenFilterFactory {

    private final int flags;
    private final boolean outputUnigrams;

    public CjkBigramFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.outputUnigrams = settings.getAsBoolean("output_unigrams", false);
        int f = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
        List<String> ignored = settings.getAsList("ignored_scripts");
        for (String script : ignored) {
            switch (script.toLowerCase(Locale.ROOT)) {
                case "han" -> f &= ~CJKBigramFilter.HAN;
                case "hiragana" -> f &= ~CJKBigramFilter.HIRAGANA;
                case "katakana" -> f &= ~CJKBigramFilter.KATAKANA;
                case "hangul" -> f &= ~CJKBigramFilter.HANGUL;
                default -> throw new IllegalArgumentException(
                    "[" + name + "] unknown script [" + script + "] in [ignored_scripts]; expected han, hiragana, katakana or hangul"
                );
            }
        }
        this.flags = f;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKBigramFilter(tokenStream, flags, outputUnigrams);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        if (outputUnigrams) {
            // unigrams + bigrams stack tokens at one position, which synonym rules cannot be parsed with
            throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms when output_unigrams is true");
        }
        return this;
    }
}
