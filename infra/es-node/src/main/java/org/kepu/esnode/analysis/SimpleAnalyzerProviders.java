package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;

/**
 * Analyzer types {@code keyword} and {@code whitespace}. The server only has them as pre-built
 * analyzers (usable by name); these make {@code {"type": "whitespace", ...}} definitions work too.
 */
public final class SimpleAnalyzerProviders {

    private SimpleAnalyzerProviders() {}

    public static final class Keyword extends AbstractIndexAnalyzerProvider<KeywordAnalyzer> {
        private final KeywordAnalyzer analyzer = new KeywordAnalyzer();

        public Keyword(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(name, settings);
        }

        @Override
        public KeywordAnalyzer get() {
            return analyzer;
        }
    }

    public static final class Whitespace extends AbstractIndexAnalyzerProvider<WhitespaceAnalyzer> {
        private final WhitespaceAnalyzer analyzer;

        public Whitespace(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(name, settings);
            this.analyzer = new WhitespaceAnalyzer(settings.getAsInt("max_token_length", StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH));
        }

        @Override
        public WhitespaceAnalyzer get() {
            return analyzer;
        }
    }
}
