package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.search.suggest.analyzing.SuggestStopFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;

import java.util.Map;

/**
 * Token filter {@code smartcn_stop}: stop words, by default smartcn's own set (also named
 * {@code _smartcn_}). Parameters: {@code stopwords}, {@code stopwords_path}, {@code ignore_case},
 * {@code remove_trailing}.
 */
public final class SmartcnStopFilterFactory extends AbstractTokenFilterFactory {

    private final CharArraySet stopWords;
    private final boolean removeTrailing;

    public SmartcnStopFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        boolean ignoreCase = settings.getAsBoolean("ignore_case", false);
        this.removeTrailing = settings.getAsBoolean("remove_trailing", true);
        CharArraySet defaults = SmartChineseAnalyzer.getDefaultStopSet();
        this.stopWords = Analysis.parseWords(env, settings, "stopwords", defaults, Map.of("_smartcn_", defaults), ignoreCase);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return removeTrailing ? new StopFilter(tokenStream, stopWords) : new SuggestStopFilter(tokenStream, stopWords);
    }
}
