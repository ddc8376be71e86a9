package org.kepu.esnode.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;

/** Token filter {@code smartcn_word}: kept by the smartcn plugin for backwards compatibility; does nothing. */
public final class NoOpFilterFactory extends AbstractTokenFilterFactory {

    public NoOpFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return tokenStream;
    }
}
